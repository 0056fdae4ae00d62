/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
// npm run bench:queue: several executions at once sharing one rate limit, in real
// n8n processes, against the mock Truto with per-account and per-token limits:
//   (a) queue mode (main + 2 workers, concurrency 10): 3 executions at once, N deletes each (1,000), one account;
//   (b) one n8n, not queue mode: the same 3 executions at once;
//   (c) one execution deleting N organizations (1,000) spread over 10 accounts (the per-token bound),
//       at the default Concurrency and at its maximum; first, the same with no rate limit (the ceiling);
//   (d) (a) with n8n's HTTP Request node (defaults, On Error: Continue) for comparison.
// Each runs with a 1 s window and with Truto's 10 s one. Executions start from production
// webhooks (so queue mode queues them). Prints ok, failed, 429s, × bound (and × the bound this machine can reach) and the spread.
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { CONCURRENCY } from '../nodes/TrutoUserDirectory/catalog';
import { startMockTruto, type MockTruto } from '../test/mock';
import { DEFAULT_N8N_VERSION, importWorkflows, makeTempDir, packPackage, prepareUserFolder, setupN8n, type N8nInstall } from '../scripts/lib/n8n';
import { startQueueN8n, webhookDeleteWorkflow, WEBHOOK_DELETE_NODE } from '../scripts/lib/queue';
import { RestClient, startN8nServer, type ExecutionSummary } from '../scripts/lib/server';
import { HEADER_CREDENTIAL, headerAuth, httpNode } from './workflows';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const CREDENTIAL = 'benchTruto';
const ACCOUNTS = 10;

/** Deletes per execution in (a), (b) and (d). */
const PER_EXECUTION = Number(process.env.BENCH_QUEUE_DELETES ?? 1000);
/** Two windows: a short one, and Truto's documented one (50 per account and 500 per token per 10 s). */
const WINDOWS = [
	{ windowMs: 1000, perAccount: 50, perToken: 500 },
	{ windowMs: 10_000, perAccount: 50, perToken: 500 },
].filter((w) => !process.env.BENCH_WINDOWS || process.env.BENCH_WINDOWS.split(',').includes(String(w.windowMs / 1000)));
/** (c): deletes spread over the accounts. */
const SPREAD_DELETES = Number(process.env.BENCH_SPREAD_DELETES ?? 1000);
type Window = (typeof WINDOWS)[number];

const orgIds = (count: number) => Array.from({ length: count }, (_, i) => `bulk_org_${String(i).padStart(6, '0')}`);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Row {
	label: string;
	ok: number;
	failed: number;
	requests: number;
	limited: number;
	seconds: number;
	bound: number;
	reachable: number;
	spread: number;
	note: string;
}

/** One n8n's REST client and webhook base, whatever its mode. */
interface Instance {
	rest: RestClient;
	url: string;
	where(executionId: string): string;
}

/** What a run is measured against (seconds): the window's bound, and that bound at the rate this machine reaches without a limit. */
interface Bound {
	seconds: number;
	reachable: number;
}

/** Starts `bodies.length` executions of a webhook workflow at once; waits for them; measures against `bound`. */
async function run(label: string, n8n: Instance, mock: MockTruto, w: Window | undefined, workflowId: string, path: string, bodies: object[], expected: string[], bound: Bound): Promise<Row> {
	// The windows of the run before end first: the n8n processes remember them, and a mock reset
	// in the middle of one would disagree with what they know. Then a fresh mock (data, counts)
	// with this window's limits (none without a window).
	await wait((w?.windowMs ?? 0) + 1000);
	mock.reset();
	mock.setRateLimit(w ? { perAccount: w.perAccount, perToken: w.perToken, windowMs: w.windowMs } : false);
	const before = new Set((await n8n.rest.executions(workflowId)).map((e) => e.id));
	const t0 = Date.now();
	await Promise.all(
		bodies.map(async (body) => {
			const res = await fetch(`${n8n.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			if (res.status !== 200) throw new Error(`${label}: webhook answered ${res.status}`);
		}),
	);
	let runs: ExecutionSummary[] = [];
	for (;;) {
		runs = (await n8n.rest.executions(workflowId)).filter((e) => !before.has(e.id));
		if (runs.length >= bodies.length && runs.every((e) => e.stoppedAt)) break;
		if (Date.now() - t0 > 30 * 60_000) throw new Error(`${label}: executions did not finish`);
		await wait(250);
	}
	const finishes = runs.map((e) => Date.parse(e.stoppedAt!) - t0);
	const deletes = mock.requests.filter((r) => r.method === 'DELETE');
	const deleted = new Set(deletes.filter((r) => r.status === 200).map((r) => `${r.query.integrated_account_id}/${r.segments[3]}`));
	const seconds = Math.max(...finishes) / 1000;
	// Each execution: how it ended, when (s), and on which worker in queue mode.
	const each = runs
		.map((e, i) => ({ at: finishes[i], text: `${e.status} ${(finishes[i] / 1000).toFixed(1)} s${n8n.where(e.id) ? ` on ${n8n.where(e.id)}` : ''}` }))
		.sort((a, b) => a.at - b.at);
	return {
		label,
		ok: deleted.size,
		failed: expected.length - expected.filter((key) => deleted.has(key)).length,
		requests: deletes.length,
		limited: deletes.filter((r) => r.status === 429).length,
		seconds,
		bound: bound.seconds / seconds,
		reachable: bound.reachable / seconds,
		spread: Math.max(...finishes) / Math.min(...finishes),
		note: each.map((e) => e.text).join(', '),
	};
}

/**
 * The fastest a fixed window allows for `count` requests at `limit` per window: full windows back
 * to back, the last one cut short (its requests at once). Reachable: no less than that with the
 * last window's requests sent at `rate` per second (the most one execution reaches here without any
 * limit), nor than all of them at that rate.
 */
function bounds(count: number, limit: number, w: Window, rate: number): Bound {
	const windows = Math.ceil(count / limit);
	const last = count - (windows - 1) * limit;
	const full = (windows - 1) * w.windowMs + LATENCY_MS;
	return { seconds: full / 1000, reachable: Math.max(full + (1000 * last) / rate, (1000 * count) / rate) / 1000 };
}

/** The webhook workflows: Truto on one account, Truto over the accounts named in each item (default and highest Concurrency), HTTP Request on one account. */
function workflows(mock: MockTruto) {
	const defaults = { credentialId: CREDENTIAL, options: {} };
	const truto = webhookDeleteWorkflow({ id: 'benchQueueTruto', path: 'bench-truto', account: 'acc_bulk', ...defaults });
	const spread = webhookDeleteWorkflow({ id: 'benchQueueSpread', path: 'bench-spread', account: '={{ $json.account }}', ...defaults });
	const spreadMost = webhookDeleteWorkflow({ id: 'benchQueueSpreadMost', path: 'bench-spread-most', account: '={{ $json.account }}', credentialId: CREDENTIAL, options: { concurrency: CONCURRENCY.max } });
	const http = webhookDeleteWorkflow({ id: 'benchQueueHttp', path: 'bench-http', account: 'acc_bulk', ...defaults });
	const at = http.nodes.findIndex((node: { name: string }) => node.name === WEBHOOK_DELETE_NODE);
	const httpDelete = httpNode({ url: mock.url, token: mock.token }, 'DELETE', '/unified/user-directory/organizations/{{ $json.id }}', {}, { onError: 'continueRegularOutput' });
	http.nodes[at] = { ...httpDelete, id: http.nodes[at].id, name: WEBHOOK_DELETE_NODE, position: http.nodes[at].position };
	return [truto, spread, spreadMost, http];
}

function credentials(mock: MockTruto) {
	return [
		{ id: CREDENTIAL, name: CREDENTIAL, type: 'trutoApi', data: { apiToken: mock.token, baseUrl: mock.url } },
		{ id: HEADER_CREDENTIAL, name: HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: headerAuth(mock.token) },
	];
}

/** One n8n, not queue mode (SQLite, `n8n start`). */
async function startRegular(n8n: N8nInstall, dir: string, tarball: string, mock: MockTruto) {
	const folder = join(dir, 'regular');
	await prepareUserFolder(n8n, folder, tarball, credentials(mock));
	await importWorkflows(n8n, folder, workflows(mock));
	const server = await startN8nServer(n8n, folder);
	const rest = new RestClient(server.url);
	await rest.loginAsOwner();
	for (const id of ['benchQueueTruto', 'benchQueueSpread', 'benchQueueSpreadMost']) await rest.activate(id);
	return { instance: { rest, url: server.url, where: () => '' }, stop: () => server.stop() };
}

function table(headers: string[], rows: string[][]): string {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
	const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
	return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
	const n8n = setupN8n(process.env.N8N_VERSION || DEFAULT_N8N_VERSION);
	const dir = makeTempDir('truto-bench-queue');
	const mock = await startMockTruto({ latencyMs: LATENCY_MS, seed: { organizations: Math.max(SPREAD_DELETES, 3 * PER_EXECUTION), bulkAccounts: ACCOUNTS } });
	const tarball = packPackage(join(dir, 'pack'), { build: process.env.BENCH_SKIP_BUILD !== '1' });
	const queue = await startQueueN8n(n8n, { dir: join(dir, 'queue'), tarball, credentials: credentials(mock), workflows: workflows(mock), workers: 2, concurrency: 10 });
	const regular = await startRegular(n8n, dir, tarball, mock).catch(async (error) => {
		await queue.stop();
		throw error;
	});
	try {
		const rest = new RestClient(queue.url);
		await rest.loginAsOwner();
		for (const id of ['benchQueueTruto', 'benchQueueHttp']) await rest.activate(id);
		const ranOn = (id: string) => queue.workers.find((w) => new RegExp(`Worker started execution ${id}\\b`).test(w.output()))?.name ?? '';
		const queued: Instance = { rest, url: queue.url, where: ranOn };

		console.log(`n8n ${n8n.version}; queue mode: main + ${queue.workers.length} workers (concurrency 10), ${queue.services.versions}; Node ${process.version} for the bench.`);
		console.log(`Mock Truto: latency ${LATENCY_MS} ms; fixed windows per account and per token, ratelimit-* headers, 429 with Retry-After; the nodes with default options and On Error: Continue.`);
		const accounts = ['acc_bulk', ...Array.from({ length: ACCOUNTS - 1 }, (_, i) => `acc_bulk_${i + 1}`)];
		const spreadIds = orgIds(SPREAD_DELETES).map((id, i) => ({ id, account: accounts[i % ACCOUNTS] }));
		const spreadKeys = spreadIds.map((t) => `${t.account}/${t.id}`);
		// The ceiling: what one execution reaches with no rate limit at all (this machine, the latency, n8n).
		const none = { seconds: 1, reachable: 1 };
		const rate: Record<string, number> = {};
		for (const [id, path] of [
			['benchQueueSpread', 'bench-spread'],
			['benchQueueSpreadMost', 'bench-spread-most'],
		]) {
			// The faster of two runs: the first one also warms n8n up.
			for (let i = 0; i < 2; i++) {
				const ceiling = await run('ceiling', regular.instance, mock, undefined, id, path, [{ ids: spreadIds }], spreadKeys, none);
				rate[id] = Math.max(rate[id] ?? 0, SPREAD_DELETES / ceiling.seconds);
			}
		}
		console.log(
			`Ceiling without a rate limit, one execution × ${SPREAD_DELETES} deletes: ${rate.benchQueueSpread.toFixed(0)} deletes/s at the default Concurrency (${CONCURRENCY.default}), ${rate.benchQueueSpreadMost.toFixed(0)} at Concurrency ${CONCURRENCY.max}.`,
		);
		for (const w of WINDOWS) {
			// (a), (b), (d): 3 executions of PER_EXECUTION each; (c) one execution over 10 accounts.
			const ids = orgIds(3 * PER_EXECUTION);
			const three = [0, 1, 2].map((i) => ({ ids: ids.slice(i * PER_EXECUTION, (i + 1) * PER_EXECUTION).map((id) => ({ id })) }));
			const oneAccount = ids.map((id) => `acc_bulk/${id}`);
			const all = ids.length;
			const accountBound = bounds(all, w.perAccount, w, rate.benchQueueSpread);
			const rows: Row[] = [];
			rows.push(await run(`(a) queue mode, 3 executions × ${PER_EXECUTION}`, queued, mock, w, 'benchQueueTruto', 'bench-truto', three, oneAccount, accountBound));
			rows.push(await run(`(b) one n8n, 3 executions × ${PER_EXECUTION}`, regular.instance, mock, w, 'benchQueueTruto', 'bench-truto', three, oneAccount, accountBound));
			const tokenBound = bounds(SPREAD_DELETES, w.perToken, w, rate.benchQueueSpread);
			const tokenBoundMost = bounds(SPREAD_DELETES, w.perToken, w, rate.benchQueueSpreadMost);
			rows.push(await run(`(c) one execution × ${SPREAD_DELETES} over ${ACCOUNTS} accounts`, regular.instance, mock, w, 'benchQueueSpread', 'bench-spread', [{ ids: spreadIds }], spreadKeys, tokenBound));
			rows.push(await run(`(c) at Concurrency ${CONCURRENCY.max}`, regular.instance, mock, w, 'benchQueueSpreadMost', 'bench-spread-most', [{ ids: spreadIds }], spreadKeys, tokenBoundMost));
			rows.push(await run(`(d) (a) with HTTP Request`, queued, mock, w, 'benchQueueHttp', 'bench-http', three, oneAccount, accountBound));
			console.log(`\nWindow ${w.windowMs / 1000} s: ${w.perAccount} requests per account, ${w.perToken} per token; ${all} deletes in all. Bound: ${accountBound.seconds.toFixed(2)} s for ${all} on one account (reachable: ${accountBound.reachable.toFixed(2)} s), ${tokenBound.seconds.toFixed(2)} s for ${SPREAD_DELETES} on the token (reachable: ${tokenBound.reachable.toFixed(2)} s).\n`);
			console.log(
				table(
					['Run', 'ok', 'failed', '429s', '429s of requests', 'time (s)', '× bound', '× reachable', 'spread', 'executions'],
					rows.map((r) => [r.label, String(r.ok), String(r.failed), String(r.limited), `${((100 * r.limited) / Math.max(1, r.requests)).toFixed(1)} %`, r.seconds.toFixed(2), r.bound.toFixed(2), r.reachable.toFixed(2), r.spread.toFixed(2), r.note]),
				),
			);
		}
		console.log(
			"\n× bound: the fastest a fixed window allows (full windows back to back, the last cut short) over the time the last execution finished; × reachable: the same against the bound at the ceiling's rate (the last window's requests, or all of them, at that rate); spread: the last execution's finish over the first's, both from the moment the webhooks were called.",
		);
	} finally {
		await regular.stop();
		await queue.stop();
		await mock.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
