import type { INodeParameters } from 'n8n-workflow';

import type { RunOptions } from '../harness/run-node';
import { startMockTruto, type MockTruto } from '../mock';
import { byId, runAgainst, unifiedRequests, useMockTruto } from './support';

const mock = useMockTruto();

function run(options: Partial<RunOptions> & { parameters: INodeParameters }, target: MockTruto = mock) {
	return runAgainst(target, options);
}

function users(extra: INodeParameters = {}, account = 'acc_okta'): INodeParameters {
	return { resource: 'user', operation: 'getAll', integratedAccountId: byId(account), ...extra };
}

function unified(target: MockTruto = mock) {
	return unifiedRequests(target);
}

/** The query of each request without the account id. */
function pages(target: MockTruto = mock) {
	return unified(target).map(({ query }) => {
		const rest = { ...query };
		delete rest.integrated_account_id;
		return rest;
	});
}

const oktaIds = Array.from({ length: 36 }, (_, i) => `usr_okta_${String(i + 1).padStart(2, '0')}`);

/** A list answer served by the mock in place of the next matching request. */
function page(result: unknown, next?: string | null) {
	mock.inject({
		match: { pathIncludes: '/unified/' },
		status: 200,
		body: next === undefined ? { result } : { result, next_cursor: next },
	});
}

describe('Get Many: limit and Return All', () => {
	test('the limit is sent to Truto; one page is enough', async () => {
		const { items } = await run({ parameters: users({ limit: 7 }) });

		expect(pages()).toEqual([{ limit: '7' }]);
		expect(items.map((item) => item.json.id)).toEqual(oktaIds.slice(0, 7));
	});

	test('Return All sends no limit and follows next_cursor to the end', async () => {
		const { items } = await run({ parameters: users({ returnAll: true }) });

		const requests = unified();
		expect(requests).toHaveLength(2);
		expect(requests[0].query).not.toHaveProperty('next_cursor');
		expect(requests[0].query).not.toHaveProperty('limit');
		expect(requests[1].query.next_cursor).toEqual(expect.any(String));
		expect(items.map((item) => item.json.id)).toEqual(oktaIds);
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	test('a limit that spans pages asks only for what is still wanted', async () => {
		const big = await startMockTruto({ seed: { users: 1100 } });
		try {
			const { items, error } = await run({ parameters: users({ limit: 1050 }, 'acc_bulk') }, big);

			expect(error).toBeUndefined();
			expect(pages(big).map((query) => query.limit)).toEqual(['1050', '50']);
			expect(pages(big)[1].next_cursor).toEqual(expect.any(String));
			expect(items).toHaveLength(1050);
			expect(new Set(items.map((item) => item.json.id)).size).toBe(1050);
			expect(items[1049].json.id).toBe('bulk_user_001049');
		} finally {
			await big.close();
		}
	});

	test('a page larger than asked for is cut to the limit', async () => {
		page([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], 'more');
		const { items } = await run({ parameters: users({ limit: 3 }) });

		expect(unified()).toHaveLength(1);
		expect(items.map((item) => item.json.id)).toEqual(['a', 'b', 'c']);
	});

	test('Ignore Limit: Truto answers everything at once, the node still outputs at most Limit', async () => {
		const { items } = await run({ parameters: users({ limit: 10, options: { ignoreLimit: true } }) });

		expect(pages()).toEqual([{ limit: '10', truto_ignore_limit: 'true' }]);
		expect(items).toHaveLength(10);
	});

	test('each input item paginates on its own, with its own limit', async () => {
		const { items } = await run({
			items: [{ n: 2 }, { n: 3 }],
			parameters: users({ limit: '={{ $json.n }}' }),
		});

		expect(pages()).toEqual([{ limit: '2' }, { limit: '3' }]);
		expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['usr_okta_01', { item: 0 }],
			['usr_okta_02', { item: 0 }],
			['usr_okta_01', { item: 1 }],
			['usr_okta_02', { item: 1 }],
			['usr_okta_03', { item: 1 }],
		]);
	});

	test('no records: no items and no error', async () => {
		const { items, error } = await run({ parameters: users({ filters: { lastName: 'Nobody' } }) });

		expect(error).toBeUndefined();
		expect(pages()).toEqual([{ limit: '50', last_name: 'Nobody' }]);
		expect(items).toEqual([]);
	});
});

describe('Get Many: cursors', () => {
	test('an empty page that still has a cursor is followed', async () => {
		mock.quirks.emptyPageWithCursor = true;
		const { items } = await run({ parameters: users({ limit: 5 }) });

		expect(pages()).toEqual([{ limit: '5' }, { limit: '5', next_cursor: expect.any(String) }]);
		expect(items.map((item) => item.json.id)).toEqual(oktaIds.slice(0, 5));
	});

	test.each(['null', 'missing', 'empty'] as const)('a last page whose cursor is %s ends the walk', async (kind) => {
		mock.quirks.lastCursor = kind;
		const { items, error } = await run({ parameters: users({ returnAll: true }) });

		expect(error).toBeUndefined();
		expect(unified()).toHaveLength(2);
		expect(items).toHaveLength(36);
	});

	test.each([
		['missing', undefined],
		['null', null],
	])('a %s cursor after a real one: the cursor is sent once, then the walk ends', async (_kind, last) => {
		page([{ id: 'a' }], 'c1');
		page([{ id: 'b' }], last);
		page([{ id: 'never' }], null);
		const { items } = await run({ parameters: users({ returnAll: true }) });

		expect(items.map((item) => item.json.id)).toEqual(['a', 'b']);
		expect(pages().map((query) => query.next_cursor)).toEqual([undefined, 'c1']);
	});

	test('the same cursor twice stops with an error instead of looping', async () => {
		page([{ id: 'a' }], 'stuck');
		page([{ id: 'b' }], 'stuck');
		const { error } = await run({ parameters: users({ returnAll: true }) });

		expect(unified()).toHaveLength(2);
		expect(error?.message).toMatch(/same next_cursor twice \(Get many users, integrated account "acc_okta"\) \[item 0\]/);
		expect(error?.description).toMatch(/Stopped after 2 records/);
	});

	test('Return All over the 250 users of the bulk account: every user once', async () => {
		const { items } = await run({ parameters: users({ returnAll: true, options: { excludeRemoteData: true } }, 'acc_bulk') });

		expect(unified()).toHaveLength(13);
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(250);
		expect(items[0].json).not.toHaveProperty('remote_data');
	});
});

describe('Get Many: other shapes', () => {
	test('Key By: one item holding the records of every page by the field', async () => {
		const { items } = await run({ parameters: users({ returnAll: true, options: { keyBy: 'id' } }) });

		expect(unified()).toHaveLength(2);
		expect(unified().every((request) => request.query.truto_key_by === 'id')).toBe(true);
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0].json)).toEqual(oktaIds);
		expect(items[0].json.usr_okta_02).toMatchObject({ name: 'Jordan Patel' });
	});

	test('Key By with a limit keeps Limit records', async () => {
		const { items } = await run({ parameters: users({ limit: 3, options: { keyBy: 'emails.0.email' } }) });

		expect(Object.keys(items[0].json)).toEqual(['avery.chen@globex.com', 'jordan.patel@globex.com', 'priya.natarajan@globex.com']);
	});

	test('stream: one request, the page as a file; as an AI tool, one item per record', async () => {
		const parameters = users({ limit: 4, options: { responseFormat: 'stream' } });
		const file = await run({ parameters });

		expect(pages()).toEqual([{ limit: '4', truto_response_format: 'stream' }]);
		expect(file.items).toHaveLength(1);
		const records = JSON.parse(Buffer.from(file.items[0].binary?.data.data ?? '', 'base64').toString('utf8'));
		expect(records.map((record: { id: string }) => record.id)).toEqual(oktaIds.slice(0, 4));

		mock.clearRequests();
		const tool = await run({ parameters, asTool: true });
		expect(tool.items.map((item) => item.json.id)).toEqual(oktaIds.slice(0, 4));
		expect(tool.items[0].binary).toBeUndefined();
	});

	test('me: a list on the wire, without limit, one item per record', async () => {
		const { items } = await run({ parameters: { resource: 'me', operation: 'get', integratedAccountId: byId('acc_github') } });

		expect(unified().map((request) => [request.path, request.query])).toEqual([
			['/unified/user-directory/me', { integrated_account_id: 'acc_github' }],
		]);
		expect(items.map((item) => item.json.username)).toEqual(['ada-acme']);
	});

	test('records that are not objects are wrapped', async () => {
		page(['x', 7]);
		const { items } = await run({ parameters: users({ limit: 5 }) });

		expect(items.map((item) => item.json)).toEqual([{ data: 'x' }, { data: 7 }]);
	});
});

describe('Get Many: bad input sends nothing', () => {
	test.each([
		['a limit of 0', { limit: '={{ 0 }}' }, /'Limit' parameter must be a whole number of at least 1/],
		['a limit that is not a number', { limit: '={{ "ten" }}' }, /'Limit' parameter must be a whole number/],
		['a fractional limit', { limit: 2.5 }, /'Limit' parameter must be a whole number/],
		['limit among the query parameters', { queryParameters: { otherParameters: { values: [{ name: 'limit', value: '5' }] } } }, /query parameter 'limit' is set by the node/],
		['a Sort By that is not JSON', { filters: { sortBy: 'name asc' } }, /'Sort By' field in 'Filters' is not valid JSON/],
	])('%s', async (_name, extra, message) => {
		const { error } = await run({ parameters: users(extra as INodeParameters) });

		expect(mock.requests).toHaveLength(0);
		expect(error?.message).toMatch(message);
	});
});
