/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error */
// Executing imported workflows with the n8n CLI and reading what they produced.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runN8n, type N8nInstall, type RunResult } from './n8n';

export interface Item {
  json: Record<string, unknown>;
  binary?: Record<string, BinaryRef>;
  pairedItem?: { item: number; input?: number } | { item: number; input?: number }[];
}

export interface BinaryRef {
  data?: string;
  id?: string;
  mimeType?: string;
  fileName?: string;
  fileSize?: string;
}

/** n8n's record of one run (IRun), as the CLI prints it. */
export interface Run {
  status?: string;
  data: {
    resultData: {
      runData: Record<string, { data?: { main: (Item[] | null)[] }; error?: unknown }[]>;
      error?: { message: string; description?: string; httpCode?: string; node?: { name: string } };
      lastNodeExecuted?: string;
    };
  };
}

export interface BatchResult {
  status: 'success' | 'error' | 'warning';
  /** n8n's one-line error for a failed run */
  error?: string;
  /** the full run, for successful runs */
  run?: Run;
}

/**
 * Runs several workflows in one n8n process (`n8n execute-batch`), which saves
 * booting n8n per workflow. Successful runs come back whole (snapshots);
 * failed ones with n8n's error line.
 */
export async function executeBatch(n8n: N8nInstall, userFolder: string, ids: string[]) {
  const dir = join(userFolder, `batch-${Date.now()}`);
  const snapshots = join(dir, 'snapshots');
  mkdirSync(snapshots, { recursive: true });
  const output = join(dir, 'summary.json');
  const cli = await runN8n(n8n, userFolder, [
    'execute-batch',
    `--ids=${ids.join(',')}`,
    `--snapshot=${snapshots}`,
    `--output=${output}`,
    '--retries=0',
  ]);
  let summary: {
    executions: { workflowId: string; executionStatus: BatchResult['status']; error?: string }[];
  };
  try {
    summary = JSON.parse(readFileSync(output, 'utf8'));
  } catch {
    throw new Error(`execute-batch wrote no summary (exit ${cli.code})\n${cli.stdout}\n${cli.stderr}`);
  }
  const results: Record<string, BatchResult> = {};
  for (const e of summary.executions) {
    results[e.workflowId] = { status: e.executionStatus, error: e.error };
  }
  for (const file of readdirSync(snapshots)) {
    const id = file.replace(/-snapshot\.json$/, '');
    results[id] = { ...results[id], run: JSON.parse(readFileSync(join(snapshots, file), 'utf8')) };
  }
  const files = [output, ...readdirSync(snapshots).map((f) => join(snapshots, f))].map((f) =>
    readFileSync(f, 'utf8'),
  );
  rmSync(dir, { recursive: true, force: true });
  return { results, cli, files };
}

/**
 * Runs one workflow with `n8n execute --id --rawOutput`. n8n prints the run
 * (or, on failure, the failed run) as JSON among its log lines.
 */
export async function executeOne(n8n: N8nInstall, userFolder: string, id: string) {
  const cli: RunResult = await runN8n(n8n, userFolder, ['execute', `--id=${id}`, '--rawOutput'], {
    env: { N8N_LOG_LEVEL: 'info' },
  });
  return { cli, run: findRun(cli.stdout) };
}

/** The IRun JSON printed by `n8n execute`: the block from a line "{" to a line "}". */
export function findRun(stdout: string): Run | undefined {
  const lines = stdout.split('\n');
  const start = lines.indexOf('{');
  if (start < 0) return undefined;
  for (let end = lines.length - 1; end > start; end--) {
    if (lines[end] !== '}') continue;
    try {
      return JSON.parse(lines.slice(start, end + 1).join('\n'));
    } catch {
      // keep looking for an earlier closing line
    }
  }
  return undefined;
}

/** The items a node put on one of its outputs (first run of the node). */
export function nodeItems(run: Run | undefined, node: string, output = 0): Item[] {
  const task = run?.data.resultData.runData[node]?.[0];
  return task?.data?.main[output] ?? [];
}

export function ranNode(run: Run | undefined, node: string) {
  return Boolean(run?.data.resultData.runData[node]);
}

/**
 * The bytes of a binary property: inline base64 (n8n's memory mode) or the
 * file n8n wrote under the user folder (filesystem mode).
 */
export function binaryBytes(userFolder: string, ref: BinaryRef): Buffer {
  if (ref.data && ref.data !== 'filesystem-v2' && ref.data !== 'filesystem') {
    return Buffer.from(ref.data, 'base64');
  }
  if (!ref.id) throw new Error('binary data has neither data nor id');
  const [mode, path] = ref.id.split(/:(.*)/s);
  const roots = ['storage', 'binaryData'].map((d) => join(userFolder, '.n8n', d));
  for (const root of roots) {
    try {
      return readFileSync(mode === 'filesystem-v2' ? join(root, path) : join(root, path));
    } catch {
      // try the next root
    }
  }
  throw new Error(`binary file for ${ref.id} not found under ${roots.join(', ')}`);
}
