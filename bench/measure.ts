/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
// One measurement in a fresh process: runs one scenario's workflow in n8n-core's
// engine and prints one JSON line (times, peak memory, items out).
// Usage (from run.ts): tsx --expose-gc bench/measure.ts '{"scenario":…,"url":…,"token":…,"ids":[…]}'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core keeps its settings under N8N_USER_FOLDER: a throwaway one per measurement.
const userFolder = mkdtempSync(join(tmpdir(), 'truto-bench-'));
process.env.N8N_USER_FOLDER = userFolder;
process.on('exit', () => rmSync(userFolder, { recursive: true, force: true }));

interface Args {
	scenario: import('./workflows').Scenario;
	url: string;
	token: string;
	ids: string[];
}

/** Peak resident memory of this process so far (Linux), else undefined. */
function peakRss(): number | undefined {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

async function main() {
	const args = JSON.parse(process.argv[2]) as Args;
	// Loaded after N8N_USER_FOLDER is set: n8n-core reads it on load.
	const { runWorkflow, nodeTime } = await import('./engine');
	const { workflowFor, headerAuth, lastNode, MEASURED } = await import('./workflows');
	const workflow = workflowFor(args.scenario, { url: args.url, token: args.token }, args.ids);

	(globalThis as { gc?: () => void }).gc?.();
	const baseline = process.memoryUsage().rss;
	let sampled = baseline;
	const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 10);
	const started = performance.now();
	const result = await runWorkflow(workflow, {
		trutoApi: { apiToken: args.token, baseUrl: args.url },
		httpHeaderAuth: headerAuth(args.token),
	});
	const wallMs = performance.now() - started;
	clearInterval(sampler);
	sampled = Math.max(sampled, process.memoryUsage().rss);

	const out = result.output(lastNode(args.scenario));
	const nodeMs = workflow.nodes.reduce((sum, node) => sum + nodeTime(result.run, node.name), 0);
	console.log(
		JSON.stringify({
			scenario: args.scenario,
			wallMs,
			nodeMs,
			measuredNodeMs: nodeTime(result.run, MEASURED),
			baselineRss: baseline,
			peakRss: Math.max(sampled, peakRss() ?? 0),
			items: out.length,
			errorItems: out.filter((item) => item.json?.error !== undefined).length,
			error: result.error,
		}),
	);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
