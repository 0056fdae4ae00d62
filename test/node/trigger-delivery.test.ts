/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Deliveries from the mock, signed as Truto signs them, into the trigger's webhook() (n8n-core's WebhookContext).
import * as http from 'node:http';

import { triggerHooks, type Received } from '../harness/hooks';
import { signature256 } from '../mock';
import { useMockTruto } from './support';

const mock = useMockTruto();

type Trigger = ReturnType<typeof triggerHooks>;
let receiver: http.Server;
let trigger: Trigger | undefined;
const received: Received[] = [];
let forceStatus: number | undefined;

/** The workflow's URL: what arrives goes to the trigger's webhook() as n8n would hand it over. */
beforeAll(async () => {
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', async () => {
			const answer = forceStatus ? { status: forceStatus } : await trigger!.receive(Buffer.concat(chunks), req.headers);
			received.push(answer);
			res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body ?? {}));
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

async function activate(parameters: Record<string, unknown>) {
	received.length = 0;
	forceStatus = undefined;
	mock.webhooks.reset();
	mock.webhooks.backoffMs = [5, 10, 20];
	trigger = triggerHooks({ events: ['record:created'], ...parameters } as never, { apiToken: mock.token, baseUrl: mock.url });
	expect(await trigger.create()).toBe(true);
	// The mock posts to the receiver instead of n8n's URL.
	const port = (receiver.address() as { port: number }).port;
	const hook = mock.webhooks.all()[0];
	const res = await fetch(`${mock.url}/webhook/${hook.id}`, {
		method: 'PATCH',
		headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ target_url: `http://127.0.0.1:${port}/webhook/hook-1/webhook` }),
	});
	expect(res.status).toBe(200);
	return hook;
}

const created = { integrated_account_id: 'acc_okta', resource: 'users', record: { id: 'usr_new', name: 'Zoë Müller' } };
const ran = () => received.filter((r) => r.result?.workflowData).map((r) => r.result!.workflowData![0].map((item) => item.json));

test('a signed record:created runs once, with the event as its item', async () => {
	const hook = await activate({});
	expect(await mock.webhooks.deliver('record:created', created, { id: 'evt_1' })).toEqual({ [hook.id]: [200] });
	expect(ran()).toEqual([[{ id: 'evt_1', event: 'record:created', payload: created, environment_id: 'env_mock_0001', created_at: expect.any(String), webhook_id: hook.id }]]);
	// Events not subscribed are not sent at all.
	expect(await mock.webhooks.deliver('record:deleted', created)).toEqual({});
});

test('forged, missing or other-secret signatures: 401, nothing runs; Truto retries 3 times and then disables the webhook', async () => {
	const hook = await activate({});
	expect(await mock.webhooks.deliver('record:created', created, { signature: null })).toEqual({ [hook.id]: [401, 401, 401, 401] });
	expect(mock.webhooks.all()[0].is_active).toBe(false);
	expect(ran()).toEqual([]);
	expect(received[0].body).toEqual({ message: 'Missing or invalid x-truto-signature' });

	await activate({});
	await mock.webhooks.deliver('record:created', created, { secret: 'x'.repeat(36) });
	await mock.webhooks.deliver('record:created', created, { signature: 'format=sha256,v=' + '0'.repeat(64) });
	expect(ran()).toEqual([]);
	expect(received.every((r) => r.status === 401)).toBe(true);
	// Nothing said in an answer carries the secret.
	const secret = mock.webhooks.all()[0].secret;
	expect(JSON.stringify(received)).not.toContain(secret);
});

test('a body re-serialised on the way (signature of the original) is refused', async () => {
	const hook = await activate({});
	const original = (id: string) =>
		JSON.stringify({ id, event: 'record:created', payload: created, environment_id: 'env_mock_0001', created_at: new Date().toISOString(), webhook_id: hook.id });
	const good = original('evt_2');
	await mock.webhooks.deliver('record:created', created, { rawBody: good, signature: signature256(hook.secret, good) });
	expect(ran()).toHaveLength(1);
	const other = original('evt_2b');
	await mock.webhooks.deliver('record:created', created, { rawBody: JSON.stringify(JSON.parse(other), null, 1), signature: signature256(hook.secret, other) });
	expect(received.slice(1).map((r) => r.status)).toEqual([401, 401, 401, 401]);
	expect(ran()).toHaveLength(1);
});

test('stale created_at: refused as a replay; a repeated id: 200, no second run', async () => {
	const hook = await activate({});
	const old = new Date(Date.now() - 6 * 60_000).toISOString();
	expect(await mock.webhooks.deliver('record:created', created, { createdAt: old })).toEqual({ [hook.id]: [401, 401, 401, 401] });
	expect(received[0].body).toEqual({ message: 'Refused as a replay: the event is older than the tolerance' });

	await activate({ options: { toleranceSeconds: 600 } });
	const again = mock.webhooks.all()[0];
	expect(await mock.webhooks.deliver('record:created', created, { createdAt: old, id: 'evt_3' })).toEqual({ [again.id]: [200] });
	expect(await mock.webhooks.deliver('record:created', created, { id: 'evt_3' })).toEqual({ [again.id]: [200] });
	expect(received[1].body).toEqual({ received: true, duplicate: true });
	expect(ran()).toHaveLength(1);
});

test('another account or resource: 200, nothing runs', async () => {
	const hook = await activate({ integratedAccountId: { __rl: true, mode: 'id', value: 'acc_okta' }, resources: ['users'] });
	expect(await mock.webhooks.deliver('record:created', { ...created, integrated_account_id: 'acc_github' })).toEqual({ [hook.id]: [200] });
	expect(await mock.webhooks.deliver('record:created', { ...created, resource: 'groups' })).toEqual({ [hook.id]: [200] });
	expect(ran()).toEqual([]);
	await mock.webhooks.deliver('record:created', created);
	expect(ran()).toHaveLength(1);
});

test('the mock retries a failing target with backoff and stops at the first 2xx', async () => {
	const hook = await activate({});
	forceStatus = 503;
	const started = Date.now();
	expect(await mock.webhooks.deliver('record:created', created)).toEqual({ [hook.id]: [503, 503, 503, 503] });
	expect(Date.now() - started).toBeGreaterThanOrEqual(35);
	expect(mock.webhooks.all()[0].is_active).toBe(false);
	// An inactive webhook gets nothing more.
	expect(await mock.webhooks.deliver('record:created', created)).toEqual({});
});

test('static data lost after activation (as n8n 1.x can): the registration kept in the process still verifies and deletes', async () => {
	const hook = await activate({});
	const data = trigger!.staticData();
	for (const key of Object.keys(data)) delete data[key];
	await mock.webhooks.deliver('record:created', created, { id: 'evt_lost' });
	expect(ran()).toHaveLength(1);
	expect(await trigger!.delete()).toBe(true);
	expect(mock.webhooks.all().map((h) => h.id)).not.toContain(hook.id);
});
