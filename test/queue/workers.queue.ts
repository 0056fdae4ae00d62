/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// n8n in queue mode (scripts/lib/queue.ts): Redis, PostgreSQL, a main and two
// workers. Executions start from production webhooks, so the main queues them and
// the workers run them; several run at once on one account, in two processes.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startMockTruto, type MockTruto } from '../mock';
import { makeTempDir, setupN8n } from '../../scripts/lib/n8n';
import { startQueueN8n, webhookDeleteWorkflow, WEBHOOK_DELETE_NODE, type QueueN8n } from '../../scripts/lib/queue';
import { RestClient, type ExecutionSummary } from '../../scripts/lib/server';
import { GOOD, credentialsFor, e2eVersions, packedTarball } from '../e2e/support';

const DELETE_PATH = 'truto-queue-delete';
const STREAM_PATH = 'truto-queue-stream';
const EXECUTIONS = 3;
const ITEMS = 60;
const LIMIT = { perAccount: 20, perToken: 500, windowMs: 1000 };

const orgIds = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `bulk_org_${String(from + i).padStart(6, '0')}`);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Item = { json: Record<string, unknown>; binary?: Record<string, { id?: string; mimeType: string; fileName?: string }> };

describe.each(e2eVersions())('n8n %s in queue mode: a main and two workers', (version) => {
  const token = `tk_e2e_${randomBytes(16).toString('hex')}`;
  const dir = makeTempDir(`n8n-queue-${version}`);
  let mock: MockTruto;
  let queue: QueueN8n;
  let rest: RestClient;
  let unflatten: (text: string) => unknown;

  async function finished(workflowId: string, count: number, timeoutMs = 120_000): Promise<ExecutionSummary[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = (await rest.executions(workflowId)).filter((e) => !['running', 'new', 'waiting', 'queued'].includes(e.status));
      if (done.length >= count) return done.reverse();
      if (Date.now() > deadline) throw new Error(`${workflowId}: ${done.length} of ${count} executions after ${timeoutMs} ms\n${queue.output()}`);
      await wait(500);
    }
  }

  /** The Truto node's output items of one execution. */
  async function output(executionId: string): Promise<Item[]> {
    const run = await rest.execution(executionId, unflatten);
    return (run.data.resultData.runData[WEBHOOK_DELETE_NODE]?.[0]?.data?.main[0] ?? []) as Item[];
  }

  /** The worker that ran an execution, from the line each worker logs as it starts one. */
  const ranOn = (executionId: string) =>
    queue.workers.filter((w) => new RegExp(`Worker started execution ${executionId}\\b`).test(w.output())).map((w) => w.name);

  beforeAll(async () => {
    mock = await startMockTruto({ token, latencyMs: 20, rateLimit: LIMIT, seed: { organizations: EXECUTIONS * ITEMS + 1 } });
    const n8n = setupN8n(version);
    queue = await startQueueN8n(n8n, {
      dir,
      tarball: packedTarball(),
      credentials: credentialsFor(mock),
      workflows: [
        webhookDeleteWorkflow({ id: 'queueDelete', path: DELETE_PATH, account: 'acc_bulk', credentialId: GOOD }),
        webhookDeleteWorkflow({ id: 'queueStream', path: STREAM_PATH, account: 'acc_bulk', credentialId: GOOD, options: { responseFormat: 'stream' } }),
      ],
      workers: 2,
      // At most two executions per worker: three at once must use both workers.
      concurrency: 2,
    });
    const flattedPath = require.resolve('flatted', { paths: [join(n8n.dir, 'node_modules', 'n8n')] });
    unflatten = (await import(flattedPath)).parse;
    rest = new RestClient(queue.url);
    await rest.loginAsOwner();
    await rest.activate('queueDelete');
    await rest.activate('queueStream');
    process.stderr.write(`queue mode: n8n ${version}, ${queue.services.versions}\n`);
  });

  afterAll(async () => {
    await queue?.stop();
    await mock?.close();
    if (!process.env.TRUTO_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  });

  /** POSTs to a production webhook until the main has registered it (it may answer 404 for a moment). */
  async function post(path: string, body: unknown) {
    for (let i = 0; ; i++) {
      const res = await fetch(`${queue.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 404 || i >= 40) return res.status;
      await wait(250);
    }
  }

  test(`${EXECUTIONS} executions × ${ITEMS} deletes at once on one account: every item deleted once, on the workers, within the limit`, async () => {
    mock.clearRequests();
    const batches = Array.from({ length: EXECUTIONS }, (_, i) => orgIds(i * ITEMS, ITEMS));
    const statuses = await Promise.all(batches.map((ids) => post(DELETE_PATH, { ids: ids.map((id) => ({ id })) })));
    expect(statuses).toEqual(batches.map(() => 200));

    const runs = await finished('queueDelete', EXECUTIONS);
    expect(runs.map((r) => [r.status, r.mode])).toEqual(batches.map(() => ['success', 'webhook']));

    // N in → N out per execution, in order, none failed; every batch came out of exactly one execution.
    const outputs = await Promise.all(runs.map((r) => output(r.id)));
    const seen = outputs.map((items) => {
      expect(items).toHaveLength(ITEMS);
      expect(items.filter((item) => item.json.error !== undefined)).toEqual([]);
      return items.map((item) => item.json.id as string);
    });
    expect(seen.map((ids) => ids.join()).sort()).toEqual(batches.map((ids) => ids.join()).sort());

    // Truto deleted each organization once: one successful DELETE per id, no second attempt that found it gone.
    const deletes = mock.requests.filter((r) => r.method === 'DELETE');
    const answered = deletes.filter((r) => r.status !== 429);
    expect(answered.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(answered.map((r) => decodeURIComponent(r.segments[3])).sort()).toEqual(batches.flat().sort());

    // Both workers ran the executions; the main ran none.
    const where = runs.map((r) => ranOn(r.id));
    for (const workers of where) expect(workers).toHaveLength(1);
    expect(new Set(where.flat()).size).toBe(2);
    expect(queue.main.output()).not.toMatch(/started execution/);

    // Two processes shared the account's budget through Truto's rate-limit headers: few 429s.
    const limited = deletes.length - answered.length;
    process.stderr.write(`queue mode: ${answered.length} deletes, ${limited} 429 answers (${((100 * limited) / deletes.length).toFixed(1)} % of requests), on ${where.flat().join(', ')}\n`);
    expect(limited / deletes.length).toBeLessThanOrEqual(0.05);
  });

  test('the stream format on a worker gives a file that the main serves', async () => {
    const [id] = orgIds(EXECUTIONS * ITEMS, 1);
    expect(await post(STREAM_PATH, { ids: [{ id }] })).toBe(200);
    const [run] = await finished('queueStream', 1);
    expect(run.status).toBe('success');
    expect(ranOn(run.id)).toHaveLength(1);

    const [item] = await output(run.id);
    const file = item.binary?.data;
    expect(file).toBeDefined();
    expect(file!.mimeType).toBe('application/octet-stream');
    // Written by the worker into the database, read back through the main.
    expect(file!.id).toMatch(/^database:/);
    const download = await rest.call<string>('GET', `/rest/binary-data?id=${encodeURIComponent(file!.id!)}&action=download`);
    expect(download.status).toBe(200);
    const record = typeof download.body === 'string' ? JSON.parse(download.body) : download.body;
    expect(record).toMatchObject({ id });
  });

  test('nothing any process printed holds the token', () => {
    expect(queue.output()).not.toContain(token);
  });
});
