// Executions running at once in one process share each account's rate limit:
// together they never go over it, and each gets its turn.
import { sleep, type IDataObject } from 'n8n-workflow';

import { forgetRateLimits } from '../../nodes/TrutoUserDirectory/transport';
import { runNode } from '../harness/run-node';
import { startMockTruto, type MockTruto } from '../mock';

let mock: MockTruto;
const LIMIT = 10;
/** Bulk accounts of the mock: acc_bulk, acc_bulk_1, … */
const ACCOUNTS = 20;

beforeAll(async () => {
	mock = await startMockTruto({ seed: { organizations: 200, bulkAccounts: ACCOUNTS }, latencyMs: 5 });
});
beforeEach(() => {
	mock.reset();
	mock.setRateLimit({ perAccount: LIMIT, perToken: 1000, windowMs: 400 });
	forgetRateLimits();
});
afterAll(async () => mock.close());

const ids = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ id: `bulk_org_${String(from + i).padStart(6, '0')}` }));

/** One execution of Delete Organization on `account` (acc_bulk), by this process's node or by `run` (another process's). */
function execution(executionId: string, items: IDataObject[], concurrency: number, run = runNode, account = 'acc_bulk') {
	return run({
		credentials: { apiToken: mock.token, baseUrl: mock.url },
		parameters: {
			resource: 'organization',
			operation: 'delete',
			integratedAccountId: { __rl: true, mode: 'id', value: account },
			id: '={{ $json.id }}',
			options: { concurrency },
		},
		items,
		executionId,
		keepRateLimits: true,
	});
}

test('two executions at once never go over the account limit: no 429, every item deleted once', async () => {
	const [a, b] = await Promise.all([execution('exec-a', ids(0, 40), 10), execution('exec-b', ids(40, 40), 10)]);

	for (const run of [a, b]) {
		expect(run.error).toBeUndefined();
		expect(run.items.every((item) => item.json.error === undefined)).toBe(true);
	}
	expect(a.items).toHaveLength(40);
	expect(b.items).toHaveLength(40);
	expect(mock.stats().byStatus['429']).toBeUndefined();
	const deleted = mock.requests.filter((r) => r.method === 'DELETE' && r.status === 200).map((r) => r.segments[3]);
	expect(new Set(deleted).size).toBe(80);
});

test('each execution gets its turn, whatever its concurrency', async () => {
	// One execution asks for 50 at once, the other for 5: they alternate for the budget, so the
	// narrow one is not left waiting behind the wide one's queue.
	const [a, b] = await Promise.all([execution('exec-wide', ids(0, 60), 50), execution('exec-narrow', ids(60, 20), 5)]);
	expect(a.error).toBeUndefined();
	expect(b.error).toBeUndefined();
	const order = mock.requests.filter((r) => r.method === 'DELETE').map((r) => (Number(r.segments[3].slice(-6)) < 60 ? 'wide' : 'narrow'));
	// The narrow execution's 20 deletes are done before the wide one's last 20, not left for the end.
	const lastNarrow = order.lastIndexOf('narrow');
	expect(lastNarrow).toBeLessThan(order.length - 20);
	expect(mock.stats().byStatus['429']).toBeUndefined();
});

/** A second copy of the node and its transport, as another n8n worker process has: it shares nothing with this one. */
function otherProcess(): typeof import('../harness/run-node') {
	let copy: typeof import('../harness/run-node') | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		copy = require('../harness/run-node');
	});
	return copy!;
}

test('two processes on one account converge through the rate-limit headers: every item deleted once, few 429s, a fair share', async () => {
	mock.setRateLimit({ perAccount: 20, perToken: 1000, windowMs: 1000 });
	const other = otherProcess();
	const started = Date.now();
	const took = (run: Promise<unknown>) => run.then(() => Date.now() - started);
	const times = await Promise.all([
		took(execution('here-1', ids(0, 30), 10)),
		took(execution('here-2', ids(30, 30), 10)),
		took(execution('there-1', ids(60, 40), 10, other.runNode)),
	]);

	const deletes = mock.requests.filter((r) => r.method === 'DELETE');
	const done = deletes.filter((r) => r.status === 200).map((r) => r.segments[3]);
	expect(done.sort()).toEqual(ids(0, 100).map((item) => item.id));
	// Only the first window, before either process has seen the other, may go over;
	// from the second on, both keep within the limit.
	const secondWindow = deletes[0].at + 1000;
	const limited = deletes.filter((r) => r.status === 429);
	expect(limited.filter((r) => r.at >= secondWindow)).toEqual([]);
	expect(limited.length).toBeLessThan(20);
	// Neither process took the budget for itself: the executions end close together.
	expect(Math.max(...times) / Math.min(...times)).toBeLessThanOrEqual(1.5);
}, 30_000);

test("many accounts at once share the token's limit: one burst of 429s at most, every item deleted once", async () => {
	// 20 accounts × 10 a window is twice the token's 100: the token's limit is the nearer one (6 windows).
	mock.setRateLimit({ perAccount: LIMIT, perToken: 100, windowMs: 1000 });
	const account = (i: number) => (i % ACCOUNTS === 0 ? 'acc_bulk' : `acc_bulk_${i % ACCOUNTS}`);
	const items = Array.from({ length: 600 }, (_, i) => ({ id: ids(Math.floor(i / ACCOUNTS), 1)[0].id, account: account(i) }));
	const run = await execution('exec-accounts', items, 50, runNode, '={{ $json.account }}');

	expect(run.error).toBeUndefined();
	expect(run.items.filter((item) => item.json.error !== undefined)).toEqual([]);
	const deletes = mock.requests.filter((r) => r.method === 'DELETE');
	const done = deletes.filter((r) => r.status === 200).map((r) => `${r.query.integrated_account_id} ${r.segments[3]}`);
	expect(new Set(done).size).toBe(600);
	expect(done).toHaveLength(600);
	// Until an answer tells of the token's count the requests go blind: one burst of 429s at most
	// (fewer than the requests at once), then none.
	const limited = deletes.filter((r) => r.status === 429).map((r) => r.at);
	expect(Math.max(0, ...limited) - Math.min(Infinity, ...limited)).toBeLessThan(1000);
	expect(limited.length).toBeLessThan(50);
}, 30_000);

test('a process starting while another runs a bulk job gets its turn: none of its items fail', async () => {
	// The bulk job spends each window's budget; the late process's 429s are not counted, so
	// only the job leaving room in its windows lets the late one in.
	mock.setRateLimit({ perAccount: 20, perToken: 1000, windowMs: 1000 });
	const other = otherProcess();
	const bulk = execution('there-bulk', ids(0, 120), 10, other.runNode);
	await sleep(1500);
	const late = await execution('here-late', ids(120, 30), 10);
	await bulk;

	expect(late.error).toBeUndefined();
	expect(late.items.filter((item) => item.json.error !== undefined)).toEqual([]);
	const done = mock.requests.filter((r) => r.method === 'DELETE' && r.status === 200).map((r) => r.segments[3]);
	expect(done.sort()).toEqual(ids(0, 150).map((item) => item.id));
}, 30_000);
