// Every run ends and every wait is bounded: cursor loops, empty pages, long or
// epoch-style rate-limit waits, and rate-limit storms shared by all items of an account.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RateLimiter } from '../../nodes/TrutoUserDirectory/transport';
import { MAX_EMPTY_PAGES } from '../../nodes/TrutoUserDirectory/execute/paginate';
import { byId, runAgainst, useMockTruto } from './support';

const mock = useMockTruto({ seed: { organizations: 300 } });

function run(parameters: INodeParameters, items?: IDataObject[]) {
	return runAgainst(mock, {
		parameters: { integratedAccountId: byId('acc_bulk'), ...parameters },
		items,
		onError: 'continueRegularOutput',
	});
}

const page = (ids: string[], next: unknown) => ({ status: 200, body: { result: ids.map((id) => ({ id })), next_cursor: next } });
const lists = () => mock.requests.filter((r) => r.method === 'GET');

describe('every Get Many ends', () => {
	test('a cursor handed back again, not only the last one, stops the list with an error', async () => {
		mock.inject(page(['a'], 'c1'));
		mock.inject(page(['b'], 'c2'));
		mock.inject(page(['c'], 'c1'));
		const { items } = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toMatch(/same next_cursor twice/);
		expect(items[0].json.description).toMatch(/Stopped after 3 records/);
		expect(lists()).toHaveLength(3);
	});

	test(`${MAX_EMPTY_PAGES} pages in a row without a record, each with a new cursor, stop the list`, async () => {
		for (let i = 0; i < MAX_EMPTY_PAGES + 5; i++) mock.inject(page([], `empty-${i}`));
		const { items } = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(items[0].json.error).toMatch(new RegExp(`${MAX_EMPTY_PAGES} pages in a row without a record`));
		expect(lists()).toHaveLength(MAX_EMPTY_PAGES);
	});

	test('a few empty pages are followed through to the records after them', async () => {
		mock.inject(page([], 'e1'));
		mock.inject(page([], 'e2'));
		mock.inject(page(['x'], null));
		const { items } = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(items.map((i) => i.json.id)).toEqual(['x']);
	});

	test('a numeric next_cursor is a cursor, not the end; 0 too', async () => {
		mock.inject(page(['a'], 2));
		mock.inject(page(['b'], 0));
		mock.inject(page(['c'], null));
		const { items } = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(items.map((i) => i.json.id)).toEqual(['a', 'b', 'c']);
		expect(lists().map((r) => r.query.next_cursor)).toEqual([undefined, '2', '0']);
	});
});

describe('every wait is bounded', () => {
	const del = { resource: 'organization', operation: 'delete', id: '={{ $json.id }}' };

	test('a Retry-After beyond Max Wait fails the item at once, saying how long', async () => {
		mock.inject({ status: 429, headers: { 'retry-after': '7200' } });
		const { items } = await run({ ...del, options: { maxWait: 60 } }, [{ id: 'bulk_org_000001' }]);
		expect(items[0].json.error).toMatch(/rate limited integrated account "acc_bulk" for 7200 s, more than Max Wait \(60 s\) allows/);
		expect(mock.requests).toHaveLength(1);
	});

	test('an epoch-style ratelimit-reset (a Unix time) is read as a moment, not as seconds to wait', async () => {
		const inTwoSeconds = Math.floor(Date.now() / 1000) + 1;
		mock.inject({ status: 429, headers: { 'retry-after': '', 'ratelimit-remaining': '0', 'ratelimit-reset': String(inTwoSeconds) } });
		const { items } = await run(del, [{ id: 'bulk_org_000002' }]);
		expect(items[0].json).toMatchObject({ id: 'bulk_org_000002' });
		expect(mock.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	test('a far-away epoch reset in the rate-limit headers fails the item instead of stalling the run', async () => {
		const nextYear = Math.floor(Date.now() / 1000) + 365 * 24 * 3600;
		mock.inject({ status: 200, body: { id: 'bulk_org_000003' }, headers: { 'ratelimit-remaining': '0', 'ratelimit-limit': '1', 'ratelimit-reset': String(nextYear) } });
		const { items } = await run({ ...del, options: { concurrency: 1 } }, [{ id: 'bulk_org_000003' }, { id: 'bulk_org_000004' }]);
		expect(items[0].json.id).toBe('bulk_org_000003');
		expect(items[1].json.error).toMatch(/more than Max Wait \(120 s\) allows/);
		expect(mock.requests).toHaveLength(1);
	});

	test.each([
		['a Timeout of 2^31 ms', { timeout: 2 ** 31 }, /'Timeout' option must be a whole number from 0 to 3600000/],
		['a Max Wait of 0', { maxWait: 0 }, /'Max Wait' option must be a whole number from 1 to 3600/],
	])('%s is refused, nothing sent', async (_what, options, message) => {
		const { items } = await run({ ...del, options }, [{ id: 'bulk_org_000005' }]);
		expect(items[0].json.error).toMatch(message);
		expect(mock.requests).toEqual([]);
	});

	test('no timer is set for 2^31 ms or more, and a window that resets at 0 s does not spin', async () => {
		const limiter = new RateLimiter();
		limiter.settle(await limiter.acquire(), { 'ratelimit-remaining': '0', 'ratelimit-reset': '0', 'ratelimit-limit': '0' });
		expect(limiter.waitMs(Date.now())).toBeGreaterThanOrEqual(0);
		limiter.block(10 ** 13);
		expect(limiter.waitMs(Date.now())).toBeLessThan(2 ** 31);
	});
});

describe('a rate-limit storm is shared by every item of the account', () => {
	test('under a steady 429 the items pause together and fail fast once the retries are spent', async () => {
		mock.inject({ status: 429, times: 10_000, headers: { 'retry-after': '1' } });
		const list = Array.from({ length: 60 }, (_, i) => ({ id: `bulk_org_${String(i).padStart(6, '0')}` }));
		const { items } = await run(
			{ resource: 'organization', operation: 'delete', id: '={{ $json.id }}', options: { maxRetries: 2, concurrency: 10 } },
			list,
		);
		// N in, N out, in order, each saying it was rate limited.
		expect(items.map((i) => i.pairedItem)).toEqual(list.map((_, item) => ({ item })));
		expect(items.every((i) => /rate limit/i.test(String(i.json.error)))).toBe(true);
		// The first request, then one per pause until the retries are spent (not 60 × 3).
		expect(mock.requests).toHaveLength(3);
	});

	test('when the limit lifts after a pause, every item goes on', async () => {
		mock.inject({ status: 429, times: 3, headers: { 'retry-after': '1' } });
		const list = Array.from({ length: 20 }, (_, i) => ({ id: `bulk_org_${String(100 + i).padStart(6, '0')}` }));
		const { items } = await run({ resource: 'organization', operation: 'delete', id: '={{ $json.id }}', options: { concurrency: 5 } }, list);
		expect(items.map((i) => i.json.id)).toEqual(list.map((i) => i.id));
		expect(mock.requests.filter((r) => r.status === 429)).toHaveLength(3);
	});
});
