/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Unattended on a schedule, in a running n8n (`n8n start`): the example clean-up
// workflow fires every few seconds; a re-run finds the organizations already gone
// and still succeeds; a failing scheduled run starts the Error Workflow once,
// with a message that reads on its own.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMockTruto, type MockTruto } from '../mock';
import { importWorkflows, ROOT } from '../../scripts/lib/n8n';
import type { ExecutionSummary, N8nServer, RestClient } from '../../scripts/lib/server';
import { BAD, BAD_TOKEN, GOOD, e2eVersions, prepareN8n, serveN8n, userFolderFiles, type Prepared } from '../e2e/support';

type Workflow = { id: string; name: string; nodes: { name: string; type: string; parameters: Record<string, unknown>; credentials?: unknown }[]; settings: Record<string, unknown> };

const example = (file: string): Workflow => JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8'));

/** An example as a user would set it up: their credential, their account, and (for the test) a fast schedule. */
function setUp(workflow: Workflow, credentialId: string, account: string, seconds?: number): Workflow {
  for (const node of workflow.nodes) {
    if (node.credentials) node.credentials = { trutoApi: { id: credentialId, name: credentialId } };
    if (node.parameters.integratedAccountId) node.parameters.integratedAccountId = { __rl: true, mode: 'id', value: account };
    if (seconds && node.type === 'n8n-nodes-base.scheduleTrigger') {
      node.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: seconds }] };
    }
  }
  return workflow;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(e2eVersions())('n8n %s: on a schedule', (version) => {
  const token = `tk_e2e_${randomBytes(16).toString('hex')}`;
  let mock: MockTruto;
  let env: Prepared;
  let server: N8nServer;
  let rest: RestClient;
  let unflatten: (text: string) => unknown;

  const cleanup = setUp(example('nightly-organization-cleanup.json'), GOOD, 'acc_mist', 3);
  const offboarding = setUp(example('user-offboarding.json'), GOOD, 'acc_okta');
  const alert = example('alert-on-failure.json');
  // The same clean-up with a token Truto no longer accepts.
  const revoked = setUp(example('nightly-organization-cleanup.json'), BAD, 'acc_mist', 3);
  revoked.id = 'trutoRevokedCleanup';
  revoked.name = 'Truto: clean-up with a revoked token';

  /** Waits until the workflow has `count` finished executions; returns them, oldest first. */
  async function finished(workflowId: string, count: number, timeoutMs = 90_000): Promise<ExecutionSummary[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = (await rest.executions(workflowId)).filter((e) => !['running', 'new', 'waiting'].includes(e.status));
      if (done.length >= count) return done.reverse();
      if (Date.now() > deadline) throw new Error(`${workflowId}: ${done.length} of ${count} executions after ${timeoutMs} ms\n${server.output()}`);
      await wait(500);
    }
  }

  /** Stops the schedule and waits for a run that already started. */
  async function stop(workflowId: string) {
    await rest.deactivate(workflowId);
    for (let i = 0; i < 40 && (await rest.executions(workflowId)).some((e) => e.status === 'running'); i++) await wait(250);
  }

  beforeAll(async () => {
    mock = await startMockTruto({ token });
    // The provider's list lags behind its deletes, so a re-run sees the deleted organizations again.
    mock.quirks.listLag = true;
    env = await prepareN8n(version, mock, 'schedule');
    // Every example imports as it is; the clean-ups get the test's account and schedule.
    await importWorkflows(env.n8n, env.userFolder, [alert, cleanup, offboarding, revoked]);
    ({ server, rest, unflatten } = await serveN8n(env));
  });

  afterAll(async () => {
    await server?.stop();
    await mock?.close();
    env?.cleanup();
  });

  test('the clean-up fires twice on its schedule; the re-run finds the organizations gone and still succeeds', async () => {
    await rest.activate(cleanup.id);
    const runs = await finished(cleanup.id, 2);
    await stop(cleanup.id);

    expect(runs.slice(0, 2).map((e) => [e.status, e.mode])).toEqual([
      ['success', 'trigger'],
      ['success', 'trigger'],
    ]);
    // Each organization was deleted exactly once; the second run's deletes found them gone.
    const deletes = mock.requests.filter((r) => r.method === 'DELETE');
    const byOrg = new Map<string, number[]>();
    for (const r of deletes) byOrg.set(r.segments[3], [...(byOrg.get(r.segments[3]) ?? []), r.status!]);
    expect([...byOrg.keys()].sort()).toEqual(['mist_org_1', 'mist_org_2', 'mist_org_3']);
    for (const statuses of byOrg.values()) {
      expect(statuses.filter((s) => s === 204)).toHaveLength(1);
      expect(statuses.slice(1).every((s) => s === 404)).toBe(true);
    }
    const second = await rest.execution(runs[1].id, unflatten);
    const items = second.data.resultData.runData['Delete organization'][0].data!.main[0]!;
    const byId = (a: { json: Record<string, unknown> }, b: { json: Record<string, unknown> }) => String(a.json.id).localeCompare(String(b.json.id));
    expect([...items].sort(byId).map((item) => item.json)).toEqual(
      ['mist_org_1', 'mist_org_2', 'mist_org_3'].map((id) => ({ id, integrated_account_id: 'acc_mist', deleted: true, already_deleted: true })),
    );
  });

  test('a scheduled run that fails starts the Error Workflow once, with a message that reads on its own', async () => {
    // n8n 2.x runs an Error Workflow only when it is published (active); 1.x runs it either way.
    if (!version.startsWith('1.')) await rest.activate(alert.id);
    await rest.activate(revoked.id);
    const [failed] = await finished(revoked.id, 1);
    await stop(revoked.id);
    const failures = (await rest.executions(revoked.id)).filter((e) => e.status === 'error');
    expect(failed.status).toBe('error');
    expect(failed.mode).toBe('trigger');

    const alerts = await finished(alert.id, failures.length);
    expect(alerts).toHaveLength(failures.length);
    const run = await rest.execution(alerts[0].id, unflatten);
    const [item] = run.data.resultData.runData['Alert text'][0].data!.main[0]!;
    expect(item.json.alert).toMatch(
      /^Workflow "Truto: clean-up with a revoked token" failed at Organizations not updated for 180 days: Truto did not accept the API token: check the API Token .*\(Get many organizations, integrated account "acc_mist"\)/,
    );
    expect(JSON.stringify(run)).not.toContain(BAD_TOKEN);
  });

  test('nothing n8n printed or stored holds a token', () => {
    const texts = [server.output(), ...userFolderFiles(env.userFolder).map((f) => f.text)];
    for (const text of texts) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(BAD_TOKEN);
    }
  });
});
