/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console */
// npm run bench: Truto User Directory against n8n's HTTP Request node, on the
// mock Truto with a set latency and rate limit, one measurement per process.
// Prints the settings and a table of ratios. Not part of the tests.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startMockTruto, type MockTruto } from '../test/mock';
import { nodesBaseDir } from './nodes-base';
import { ACCOUNT, isHttpScenario, type Scenario } from './workflows';

const ROOT = resolve(__dirname, '..');

/** Truto's documented limits (50 per account and 500 per token, per 10 s), in a 1 s window. */
export const SETTINGS = {
	latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 30),
	perAccount: 50,
	perToken: 500,
	windowMs: 1000,
	organizations: Number(process.env.BENCH_ORGANIZATIONS ?? 1000),
	users: Number(process.env.BENCH_USERS ?? 100_000),
	pageSize: 1000,
};

interface Measurement {
	scenario: Scenario;
	wallMs: number;
	nodeMs: number;
	measuredNodeMs: number;
	baselineRss: number;
	peakRss: number;
	items: number;
	errorItems: number;
	error?: string;
}

function measure(scenario: Scenario, mock: MockTruto, ids: string[]): Promise<Measurement> {
	const args = JSON.stringify({ scenario, url: mock.url, token: mock.token, ids });
	const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
	return new Promise((done, fail) => {
		const child = spawn(tsx, ['--expose-gc', join(__dirname, 'measure.ts'), args], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (code) => {
			const line = stdout.trim().split('\n').pop() ?? '';
			try {
				done(JSON.parse(line) as Measurement);
			} catch {
				fail(new Error(`${scenario} exited ${code}\n${stdout}\n${stderr}`));
			}
		});
	});
}

const orgIds = (count: number) => Array.from({ length: count }, (_, i) => `bulk_org_${String(i).padStart(6, '0')}`);

interface DeleteRow {
	label: string;
	done: number;
	failed: number;
	seconds: number;
	perSecond: number;
	limited: number;
	note: string;
}

interface Outcome {
	nodeMs: number;
	items: number;
	errorItems: number;
	error?: string;
}

async function deleteRow(label: string, mock: MockTruto, ids: string[], run: () => Promise<Outcome>): Promise<DeleteRow> {
	mock.reset();
	const result = await run();
	const deleted = new Set<string>();
	for (const request of mock.requests) {
		if (request.method === 'DELETE' && request.status !== undefined && request.status < 300) {
			deleted.add(request.segments[request.segments.length - 1]);
		}
	}
	const seconds = result.nodeMs / 1000;
	return {
		label,
		done: deleted.size,
		failed: ids.length - deleted.size,
		seconds,
		perSecond: deleted.size / seconds,
		limited: mock.stats().byStatus['429'] ?? 0,
		note: result.error
			? `node stopped: ${result.error.slice(0, 60)}`
			: `${result.items} items out, ${result.errorItems} error items`,
	};
}

interface ListRow {
	label: string;
	records: number;
	items: number;
	seconds: number;
	peakMb: number;
	addedMb: number;
	requests: number;
	note: string;
}

async function listRow(label: string, scenario: Scenario, mock: MockTruto): Promise<ListRow> {
	mock.reset();
	const result = await measure(scenario, mock, []);
	const pages = mock.requests.filter((request) => request.method === 'GET' && request.status === 200);
	const records = pages.length ? SETTINGS.users : 0;
	const mb = (bytes: number) => bytes / 1024 / 1024;
	return {
		label,
		records,
		items: result.items,
		seconds: result.nodeMs / 1000,
		peakMb: mb(result.peakRss),
		addedMb: mb(result.peakRss - result.baselineRss),
		requests: mock.requests.length,
		note: result.error ? `node stopped: ${result.error.slice(0, 60)}` : '',
	};
}

function table(headers: string[], rows: string[][]): string {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
	const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
	return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const DELETE_SCENARIOS: Array<[string, Scenario]> = [
	['Truto User Directory (defaults)', 'truto-delete'],
	['HTTP Request, defaults', 'http-delete-defaults'],
	['HTTP Request, defaults + On Error: Continue', 'http-delete-continue'],
	['HTTP Request, batching 50 per 1000 ms + On Error: Continue', 'http-delete-batched'],
];

function printDeletes(title: string, rows: DeleteRow[], count: number) {
	const s = SETTINGS;
	const rate = (s.perAccount * 1000) / s.windowMs;
	// The fastest a fixed-window limit allows: full windows back to back, the last one cut short.
	const windows = Math.ceil(count / s.perAccount);
	const fastestSeconds = ((windows - 1) * s.windowMs + s.latencyMs) / 1000;
	const fastest = count / fastestSeconds;
	const fmt = (n: number, digits = 1) => n.toFixed(digits);
	const bound = (label: string, seconds: number, perSecond: number) => [
		label,
		String(count),
		'0',
		fmt(seconds, 2),
		fmt(perSecond),
		fmt(perSecond / rate, 2),
		fmt(perSecond / fastest, 2),
		'',
		'',
	];
	console.log(`\n${title}\n`);
	console.log(
		table(
			['Node', 'Deleted', 'Failed items', 'Node time (s)', 'Deleted/s', 'vs limit', 'vs fastest', '429s seen', 'Output'],
			[
				...rows.map((row) => [
					row.label,
					String(row.done),
					String(row.failed),
					fmt(row.seconds, 2),
					fmt(row.perSecond),
					fmt(row.perSecond / rate, 2),
					fmt(row.perSecond / fastest, 2),
					String(row.limited),
					row.note,
				]),
				bound(`Bound: the limit, ${s.perAccount} per ${s.windowMs} ms`, count / rate, rate),
				bound(`Bound: fastest possible (${windows} windows, last cut short)`, fastestSeconds, fastest),
			],
		),
	);
}

/** The real n8n, when its install is cached (bash scripts/setup-n8n.sh) and the package builds. */
async function prepareN8nOrSkip(mock: MockTruto, scenarios: Scenario[], ids: string[]) {
	try {
		const { prepareRealN8n } = await import('./n8n');
		return await prepareRealN8n(mock, scenarios, ids);
	} catch (error) {
		console.log(`\nReal n8n skipped: ${(error as Error).message.split('\n')[0]}`);
		return undefined;
	}
}

async function main() {
	const s = SETTINGS;
	const haveHttp = Boolean(nodesBaseDir());
	const ids = orgIds(s.organizations);
	const mock = await startMockTruto({
		latencyMs: s.latencyMs,
		rateLimit: { perAccount: s.perAccount, perToken: s.perToken, windowMs: s.windowMs },
		seed: { organizations: s.organizations, users: s.users },
		pageSize: s.pageSize,
	});
	console.log(
		`Mock Truto: latency ${s.latencyMs} ms; rate limit ${s.perAccount} requests per account and ${s.perToken} per token per ${s.windowMs} ms (fixed windows, ratelimit-* headers, 429 with Retry-After); account ${ACCOUNT}; page size ${s.pageSize}.`,
	);
	const core = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'n8n-core', 'package.json'), 'utf8')).version;
	console.log(`Engine: n8n-core ${core} WorkflowExecute, one process per measurement; Node ${process.version}.`);
	if (!haveHttp) console.log('n8n-nodes-base not found (bash scripts/setup-n8n.sh installs it): HTTP Request rows skipped.');

	try {
		const scenarios = DELETE_SCENARIOS.filter(([, scenario]) => haveHttp || !isHttpScenario(scenario));
		const deletes: DeleteRow[] = [];
		for (const [label, scenario] of scenarios) {
			deletes.push(await deleteRow(label, mock, ids, async () => {
				const result = await measure(scenario, mock, ids);
				return { ...result, nodeMs: result.measuredNodeMs };
			}));
		}
		printDeletes(`(a–c) Delete Organization × ${ids.length}, n8n-core engine in-process`, deletes, ids.length);

		if (process.env.BENCH_N8N !== '0') {
			const real = await prepareN8nOrSkip(mock, scenarios.map(([, scenario]) => scenario), ids);
			if (real) {
				const rows: DeleteRow[] = [];
				try {
					for (const [label, scenario] of scenarios) rows.push(await deleteRow(label, mock, ids, () => real.run(scenario)));
				} finally {
					real.cleanup();
				}
				printDeletes(`(a–c) Delete Organization × ${ids.length}, in n8n ${real.version} (n8n execute, community package)`, rows, ids.length);
			}
		}

		const lists: ListRow[] = [];
		const listScenarios: Array<[string, Scenario]> = [
			['Truto User Directory, Get Many, Return All', 'truto-list'],
			['HTTP Request, cursor pagination', 'http-list'],
			['HTTP Request, cursor pagination + Split Out', 'http-list-split'],
		];
		for (const [label, scenario] of listScenarios) {
			if (isHttpScenario(scenario) && !haveHttp) continue;
			lists.push(await listRow(label, scenario, mock));
		}
		const ours = lists[0];
		const fmt = (n: number, digits = 1) => n.toFixed(digits);
		console.log(`\nGet Many users, Return All over ${s.users.toLocaleString('en')} users\n`);
		console.log(
			table(
				['Node', 'Items out', 'Requests', 'Node time (s)', 'Time ratio', 'Peak RSS (MB)', 'Added by run (MB)', 'Memory ratio', 'Note'],
				lists.map((row) => [
					row.label,
					String(row.items),
					String(row.requests),
					fmt(row.seconds, 2),
					fmt(row.seconds / ours.seconds, 2),
					fmt(row.peakMb, 0),
					fmt(row.addedMb, 0),
					fmt(row.addedMb / ours.addedMb, 2),
					row.note,
				]),
			),
		);
		console.log(
			'\nRatios: deleted per second against the limit and against the fastest a fixed window allows; time and memory against Truto User Directory.',
		);
	} finally {
		await mock.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
