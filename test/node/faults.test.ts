/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Bulk Delete Organization against a mock Truto that rate-limits, fails, resets,
// answers slowly or gets cancelled: N input items always give N output items.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, type RunOptions } from '../harness/run-node';
import { startMockTruto, type MockTruto, type RecordedRequest } from '../mock';

const ACCOUNT = 'acc_bulk';
let mock: MockTruto;

beforeAll(async () => {
	mock = await startMockTruto({ seed: { organizations: 200 } });
});
beforeEach(() => mock.reset());
afterAll(async () => mock.close());

const ids = (count: number, from = 0) =>
	Array.from({ length: count }, (_, i) => `bulk_org_${String(from + i).padStart(6, '0')}`);

function params(options: IDataObject = {}): INodeParameters {
	return {
		resource: 'organization',
		operation: 'delete',
		integratedAccountId: { __rl: true, mode: 'id', value: ACCOUNT },
		id: '={{ $json.id }}',
		options: options as INodeParameters,
	};
}

function run(list: string[], options: IDataObject = {}, extra: Partial<RunOptions> = {}) {
	return runNode({
		credentials: { apiToken: mock.token, baseUrl: mock.url },
		parameters: params(options),
		items: list.map((id) => ({ id })),
		...extra,
	});
}

const deletes = (): RecordedRequest[] => mock.requests.filter((request) => request.method === 'DELETE');
const idOf = (request: RecordedRequest) => request.segments[request.segments.length - 1];
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the mock has answered every recorded request (a slow one may outlive its timeout). */
async function allAnswered() {
	while (mock.requests.some((request) => request.status === undefined)) await wait(20);
}

/** How many DELETEs of each id the mock answered with a success. */
function successes(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const request of deletes()) {
		if (request.status !== undefined && request.status < 300) {
			counts.set(idOf(request), (counts.get(idOf(request)) ?? 0) + 1);
		}
	}
	return counts;
}

/** One output item per input item, in input order, paired, each deleted exactly once. */
function expectAllDeleted(items: INodeExecutionData[], list: string[]) {
	expect(items.map((item) => item.json.id)).toEqual(list);
	expect(items.map((item) => item.pairedItem)).toEqual(list.map((_, item) => ({ item })));
	expect(items.filter((item) => item.json.error)).toEqual([]);
	const counts = successes();
	expect(list.map((id) => counts.get(id))).toEqual(list.map(() => 1));
	expect(counts.size).toBe(list.length);
}

function expectNoToken(value: unknown) {
	expect(JSON.stringify(value)).not.toContain(mock.token);
}

describe('rate limits', () => {
	test('with ratelimit headers the node paces itself: every item once, in order, no 429', async () => {
		mock.setRateLimit({ perAccount: 8, perToken: 1000, windowMs: 400 });
		const list = ids(40);

		const { items, error } = await run(list, { concurrency: 6 });

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(mock.stats().byStatus['429']).toBeUndefined();
		expect(deletes()).toHaveLength(40);
	});

	test('a burst of 429s without any header: backs off and retries, nothing lost or doubled', async () => {
		// Max Retries counts the account's rate-limit pauses in a row; backoff grows with each.
		mock.inject({ status: 429, headers: { 'retry-after': '' }, times: 3, match: { method: 'DELETE' } });
		const list = ids(10);

		const { items, error } = await run(list);

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(mock.stats().byStatus['429']).toBe(3);
		expect(deletes()).toHaveLength(13);
	});

	test('429 with Retry-After in (decimal) seconds: waits and retries', async () => {
		mock.inject({ status: 429, headers: { 'retry-after': '0.3' }, times: 4, match: { method: 'DELETE' } });
		const list = ids(12);

		const { items, error } = await run(list, { concurrency: 4, maxRetries: 4 });

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(mock.stats().byStatus['429']).toBe(4);
		expect(deletes()).toHaveLength(16);
	});

	test('429 with only ratelimit-reset: waits for the window and retries', async () => {
		mock.inject({
			status: 429,
			headers: { 'retry-after': '', 'ratelimit-remaining': '0', 'ratelimit-reset': '0.25' },
			times: 3,
		});
		const list = ids(6);

		const { items, error } = await run(list);

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(deletes()).toHaveLength(9);
	});

	test('Concurrency above what a window allows still loses nothing and gets no 429', async () => {
		mock.setRateLimit({ perAccount: 5, perToken: 1000, windowMs: 300 });
		const list = ids(15);

		const { items, error } = await run(list, { concurrency: 10 });

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(mock.stats().byStatus['429']).toBeUndefined();
	});

	test('a limiter that only says Retry-After on its 429s: all workers wait, every item once', async () => {
		mock.setRateLimit({ perAccount: 5, perToken: 1000, windowMs: 300, headers: false });
		const list = ids(12);

		const { items, error } = await run(list, { maxRetries: 5 });

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		const limited = mock.stats().byStatus['429'];
		expect(limited).toBeGreaterThan(0);
		expect(deletes()).toHaveLength(12 + limited);
	});

	test('429s beyond Max Retries fail that item only, saying so', async () => {
		const list = ids(5);
		mock.inject({ status: 429, headers: { 'retry-after': '0' }, times: 3, match: { pathIncludes: list[2] } });

		const { items, error } = await run(list, { maxRetries: 2 }, { onError: 'continueRegularOutput' });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(items[2].json.error).toMatch(/rate limit/i);
		expect(items[2].json.description).toMatch(/Gave up after 2 retries/);
		expect(items[2].pairedItem).toEqual({ item: 2 });
		expect(deletes().filter((request) => idOf(request) === list[2])).toHaveLength(3);
		expect(successes().size).toBe(4);
		expectNoToken(items);
	});
});

describe('server errors', () => {
	test.each([408, 502, 504])('%i is retried for deletes until it goes through', async (status) => {
		mock.inject({ status, headers: { 'retry-after': '0' }, times: 3, match: { method: 'DELETE' } });
		const list = ids(8);

		const { items, error } = await run(list);

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(mock.stats().byStatus[String(status)]).toBe(3);
		expect(deletes()).toHaveLength(11);
	});

	test('502 without Retry-After backs off before the retry', async () => {
		mock.inject({ status: 502, remote: true, times: 2 });
		const list = ids(3);

		const { items, error } = await run(list);

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(deletes()).toHaveLength(5);
	});

	test('500 is not retried: that item fails, the others go on', async () => {
		const list = ids(6);
		mock.inject({ status: 500, match: { pathIncludes: list[3] } });

		const { items, error } = await run(list, {}, { onError: 'continueRegularOutput' });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(6);
		expect(items.map((item) => item.pairedItem)).toEqual(list.map((_, item) => ({ item })));
		expect(items[3].json.error).toMatch(/internal problem/);
		expect(deletes().filter((request) => idOf(request) === list[3])).toHaveLength(1);
		expect(items.filter((item) => !item.json.error).map((item) => item.json.id)).toEqual(
			list.filter((_, i) => i !== 3),
		);
	});

	test("a provider's 503 (remote) is retried for deletes until it goes through", async () => {
		mock.inject({ status: 503, remote: true, headers: { 'retry-after': '0' }, times: 2, match: { method: 'DELETE' } });
		const list = ids(4);

		const { items, error } = await run(list);

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(deletes()).toHaveLength(6);
	});

	test("Truto's own 503 (the account is blocked) is not retried: it says so and what to do", async () => {
		mock.inject({ status: 503, times: 5 });

		const { error } = await run(ids(1));

		expect(error?.message).toMatch(/Truto has blocked integrated account "acc_bulk": contact Truto support/);
		expect(deletes()).toHaveLength(1);
	});

	test('Max Retries 0 turns retrying off', async () => {
		mock.inject({ status: 502, times: 1 });

		const { error } = await run(ids(1), { maxRetries: 0 });

		expect(error?.message).toMatch(/provider behind Truto gave no clean answer/);
		expect(deletes()).toHaveLength(1);
	});
});

describe('connections', () => {
	test('connection resets are retried for deletes', async () => {
		mock.inject({ reset: true, times: 4, match: { method: 'DELETE' } });
		const list = ids(10);

		const { items, error } = await run(list);

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(mock.stats().byStatus.reset).toBe(4);
		expect(deletes()).toHaveLength(14);
	});

	test('a reset on every try fails the item with a network error that keeps n8n from rewording it', async () => {
		mock.inject({ reset: true, times: 3 });

		const { error } = await run(ids(1), { maxRetries: 2 });

		expect(error?.message).toMatch(/^Could not reach Truto at http:\/\/127\.0\.0\.1:\d+: check the Base URL/);
		expect(error?.description).toMatch(/connection was reset \(ECONNRESET\)\. Gave up after 2 retries/);
		expect(mock.stats().byStatus.reset).toBe(3);
		expectNoToken(error);
	});

	test('slow answers within the timeout are waited for, and output keeps input order', async () => {
		const list = ids(8);
		mock.inject({ delayMs: 300, match: { pathIncludes: list[0] } });
		mock.inject({ delayMs: 150, match: { pathIncludes: list[1] } });

		const { items, error } = await run(list, { timeout: 5000 });

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(deletes()).toHaveLength(8);
	});

	test('an answer slower than Timeout is retried', async () => {
		const list = ids(4);
		mock.inject({ delayMs: 1500, match: { pathIncludes: list[1] } });

		const { items, error } = await run(list, { timeout: 100, maxRetries: 1 });
		await allAnswered();

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(list);
		const tries = deletes().filter((request) => idOf(request) === list[1]);
		// The retry deleted it; the first try, answered late to nobody, found it gone.
		expect(tries.map((request) => request.status)).toEqual([404, 200]);
	});

	test('a timed-out delete that went through anyway: the retry answers 404 and the error says why', async () => {
		const list = ids(3);
		mock.inject({ delayMs: 150, match: { pathIncludes: list[0] } });

		const { items, error } = await run(list, { timeout: 50, maxRetries: 1 }, { onError: 'continueRegularOutput' });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.error).toMatch(/not found/);
		expect(items[0].json.description).toMatch(/earlier attempt got no answer/);
		expect(items.slice(1).map((item) => item.json.id)).toEqual(list.slice(1));
	});

	test('a timeout on every try names the Timeout option', async () => {
		mock.inject({ delayMs: 1000, times: 2 });

		const { error } = await run(ids(1), { timeout: 50, maxRetries: 1 });
		await allAnswered();

		expect(error?.message).toMatch(/did not answer within 50 ms: raise the Timeout option/);
		expect(deletes()).toHaveLength(2);
	});
});

describe('concurrency', () => {
	test.each([
		[{}, 10],
		[{ concurrency: 1 }, 1],
		[{ concurrency: 3 }, 3],
		// The first request goes alone, so at most 11 of 12 items are left to run together.
		[{ concurrency: 50 }, 11],
	])('options %j: at most %i requests at once, order kept', async (options, peak) => {
		mock.setLatency(60);
		const list = ids(12);

		const { items, error } = await run(list, options);

		expect(error).toBeUndefined();
		expectAllDeleted(items, list);
		expect(mock.inFlight().peak).toBe(peak);
	});

	test('Concurrency is read from the first item only', async () => {
		mock.setLatency(60);
		const list = ids(6);
		const { error } = await runNode({
			credentials: { apiToken: mock.token, baseUrl: mock.url },
			parameters: params({ concurrency: '={{ $json.n }}' }),
			items: list.map((id, i) => ({ id, n: i === 0 ? 2 : 6 })),
		});

		expect(error).toBeUndefined();
		expect(mock.inFlight().peak).toBe(2);
	});
});

describe('cancellation', () => {
	test('cancelling while paced stops at once: no request after the cancel', async () => {
		mock.setRateLimit({ perAccount: 4, perToken: 1000, windowMs: 1000 });
		const list = ids(40);

		const { run: result } = await run(list, {}, { cancelAfterMs: 600, onError: 'continueRegularOutput' });
		const sent = mock.requests.length;
		await wait(1500);

		expect(result.status).toBe('canceled');
		expect(sent).toBeLessThan(40);
		expect(mock.requests.length).toBe(sent);
	});

	test('cancelling during a Retry-After wait stops at once', async () => {
		mock.inject({ status: 429, headers: { 'retry-after': '1' }, times: 20 });

		const { run: result } = await run(ids(3), {}, { cancelAfterMs: 200 });
		const sent = mock.requests.length;
		await wait(1500);

		expect(result.status).toBe('canceled');
		// The first answer, a 429, holds back all three items.
		expect(sent).toBe(1);
		expect(mock.requests.length).toBe(sent);
	});

	test('cancelling during a backoff stops at once', async () => {
		mock.inject({ status: 502, times: 20 });

		const { run: result } = await run(ids(2), { maxRetries: 10 }, { cancelAfterMs: 150 });
		const sent = mock.requests.length;
		await wait(1200);

		expect(result.status).toBe('canceled');
		expect(mock.requests.length).toBe(sent);
	});
});
