/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The Truto Trigger in a running n8n (`n8n start`): activation registers a webhook with the
// mock, the mock's signed deliveries start the workflow once, forged, missing, stale and
// repeated ones start nothing, deactivation deletes the webhook.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMockTruto, signature256, type MockTruto } from '../mock';
import { importWorkflows, ROOT } from '../../scripts/lib/n8n';
import type { N8nServer, RestClient } from '../../scripts/lib/server';
import { GOOD, e2eVersions, prepareN8n, serveN8n, userFolderFiles, type Prepared } from '../e2e/support';

const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', 'when-user-created.json'), 'utf8'));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(done: () => boolean, timeoutMs = 10_000) {
  for (const deadline = Date.now() + timeoutMs; !done() && Date.now() < deadline; ) await wait(100);
}

describe.each(e2eVersions())('n8n %s: Truto Trigger', (version) => {
  const token = `tk_trigger_${randomBytes(16).toString('hex')}`;
  let mock: MockTruto;
  let env: Prepared;
  let server: N8nServer;
  let rest: RestClient;
  let unflatten: (text: string) => unknown;
  let secret = '';
  const created = { integrated_account_id: 'acc_okta', resource: 'users', record: { id: 'usr_new', name: 'Zoë Müller' } };

  const runs = async () => (await rest.executions(workflow.id)).filter((e) => !['running', 'new', 'waiting'].includes(e.status));
  /** Waits for `count` finished executions; then a moment more to see that no other follows. */
  async function settled(count: number) {
    const deadline = Date.now() + 30_000;
    while ((await runs()).length < count && Date.now() < deadline) await wait(300);
    await wait(1500);
    return await runs();
  }

  beforeAll(async () => {
    mock = await startMockTruto({ token });
    mock.webhooks.backoffMs = [50, 100, 200];
    env = await prepareN8n(version, mock, 'trigger');
    workflow.nodes[0].credentials = { trutoApi: { id: GOOD, name: GOOD } };
    await importWorkflows(env.n8n, env.userFolder, [workflow]);
    ({ server, rest, unflatten } = await serveN8n(env));
  });

  afterAll(async () => {
    await server?.stop();
    await mock?.close();
    env?.cleanup();
  });

  test('activation registers one webhook for the production URL and the events', async () => {
    await rest.activate(workflow.id);
    // n8n answers before the trigger's activation has finished.
    await until(() => mock.webhooks.all().length > 0);
    const hooks = mock.webhooks.all();
    expect(hooks).toHaveLength(1);
    secret = hooks[0].secret;
    expect(hooks[0]).toMatchObject({ target_url: `${server.url}/webhook/truto-user-created/webhook`, event_types: ['record:created'], is_active: true });
    expect(mock.requests.filter((r) => r.path === '/webhook' && r.method === 'POST')).toHaveLength(1);
  });

  test('a signed record:created runs the workflow once, with the event as its item', async () => {
    const [hook] = mock.webhooks.all();
    expect(await mock.webhooks.deliver('record:created', created, { id: 'evt_created_1' })).toEqual({ [hook.id]: [200] });
    const done = await settled(1);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ status: 'success', mode: 'webhook' });
    const run = await rest.execution(done[0].id, unflatten);
    const [trigger] = run.data.resultData.runData['When a user is created'][0].data!.main[0]!;
    expect(trigger.json).toEqual({ id: 'evt_created_1', event: 'record:created', payload: created, environment_id: 'env_mock_0001', created_at: expect.any(String), webhook_id: hook.id });
    const [welcome] = run.data.resultData.runData['Welcome message'][0].data!.main[0]!;
    expect(welcome.json).toMatchObject({ user_id: 'usr_new', integrated_account_id: 'acc_okta', message: 'New user in the directory: Zoë Müller' });
  });

  test('forged, missing, stale and repeated deliveries run nothing', async () => {
    const [hook] = mock.webhooks.all();
    const target = hook.target_url;
    const body = (id: string, createdAt = new Date().toISOString()) =>
      JSON.stringify({ id, event: 'record:created', payload: created, environment_id: 'env_mock_0001', created_at: createdAt, webhook_id: hook.id });
    const post = async (raw: string, signature?: string) =>
      (await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-truto-signature': signature } : {}) }, body: raw })).status;

    expect(await post(body('evt_forged'), signature256('x'.repeat(36), body('evt_forged')))).toBe(401);
    expect(await post(body('evt_unsigned'))).toBe(401);
    const stale = body('evt_stale', new Date(Date.now() - 10 * 60_000).toISOString());
    expect(await post(stale, signature256(hook.secret, stale))).toBe(401);
    const reserialised = body('evt_proxy');
    expect(await post(JSON.stringify(JSON.parse(reserialised), null, 2), signature256(hook.secret, reserialised))).toBe(401);
    // The first delivery again, signed: acknowledged, not run.
    const again = body('evt_created_1');
    expect(await post(again, signature256(hook.secret, again))).toBe(200);
    // Another account's event: acknowledged, not run (the example narrows to users only; account open).
    const group = JSON.stringify({ ...JSON.parse(body('evt_group')), payload: { ...created, resource: 'groups' } });
    expect(await post(group, signature256(hook.secret, group))).toBe(200);
    expect(await settled(1)).toHaveLength(1);
  });

  test('deactivation deletes the webhook on the mock', async () => {
    const [hook] = mock.webhooks.all();
    await rest.deactivate(workflow.id);
    await until(() => mock.webhooks.all().length === 0);
    expect(mock.webhooks.all()).toEqual([]);
    expect(mock.requests.some((r) => r.method === 'DELETE' && r.path === `/webhook/${hook.id}` && r.status === 200)).toBe(true);
  });

  test('nothing n8n printed or stored holds the token; the log holds no secret', () => {
    expect(secret).not.toBe('');
    expect(server.output()).not.toContain(token);
    expect(server.output()).not.toContain(secret);
    for (const file of userFolderFiles(env.userFolder)) expect(file.text).not.toContain(token);
  });
});
