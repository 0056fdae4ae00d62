// Activation as n8n does it (checkExists, create, delete through n8n-core's HookContext) against the mock's webhook API.
import { triggerHooks, WEBHOOK_BASE } from '../harness/hooks';
import { useMockTruto } from './support';

const mock = useMockTruto();

const events = ['record:created', 'integrated_account:active'];
const hooks = () => triggerHooks({ events }, { apiToken: mock.token, baseUrl: mock.url });
const webhookCalls = () => mock.requests.filter((r) => r.path.startsWith('/webhook')).map((r) => `${r.method} ${r.path} ${r.status}`);

test('activation registers the production URL for the events; the secret stays in static data', async () => {
	const trigger = hooks();
	expect(trigger.url()).toBe(`${WEBHOOK_BASE}/hook-1/webhook`);
	expect(await trigger.checkExists()).toBe(false);
	expect(await trigger.create()).toBe(true);

	const [stored] = mock.webhooks.all();
	expect(mock.webhooks.all()).toHaveLength(1);
	expect(stored).toMatchObject({ target_url: `${WEBHOOK_BASE}/hook-1/webhook`, event_types: events, is_active: true });
	const post = mock.requests.find((r) => r.method === 'POST')!;
	expect(post.body).toEqual({ target_url: `${WEBHOOK_BASE}/hook-1/webhook`, event_types: events, is_active: true });
	expect(post.headers.authorization).toBe(`Bearer ${mock.token}`);
	expect(trigger.staticData()).toEqual({ webhookId: stored.id, secret: stored.secret, recentIds: {} });
	// A restart finds it.
	expect(await trigger.checkExists()).toBe(true);
	expect(webhookCalls()).toEqual(['POST /webhook 201', `GET /webhook/${stored.id} 200`]);
});

test('a restart re-creates the webhook Truto no longer has, or one Truto made inactive', async () => {
	const trigger = hooks();
	await trigger.create();
	const first = mock.webhooks.all()[0];
	mock.reset();
	expect(await trigger.checkExists()).toBe(false);
	expect(trigger.staticData()).not.toHaveProperty('secret');
	await trigger.create();
	const second = mock.webhooks.all()[0];
	expect(second.id).not.toBe(first.id);
	expect(trigger.staticData()).toMatchObject({ webhookId: second.id, secret: second.secret });

	// Truto sets is_active false after failed deliveries: replaced, the old one deleted.
	const res = await fetch(`${mock.url}/webhook/${second.id}`, {
		method: 'PATCH',
		headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ is_active: false }),
	});
	expect(res.status).toBe(200);
	expect(await trigger.checkExists()).toBe(false);
	expect(mock.webhooks.all()).toEqual([]);
});

test('deactivation deletes the webhook; one already gone counts as deleted', async () => {
	const trigger = hooks();
	await trigger.create();
	const { id } = mock.webhooks.all()[0];
	expect(await trigger.delete()).toBe(true);
	expect(mock.webhooks.all()).toEqual([]);
	expect(trigger.staticData()).toEqual({});
	expect(webhookCalls()).toContain(`DELETE /webhook/${id} 200`);

	await trigger.create();
	mock.reset();
	expect(await trigger.delete()).toBe(true);
	expect(trigger.staticData()).toEqual({});
});

test('Truto unreachable at activation: a clear error, nothing kept, no secret or token in it', async () => {
	const trigger = triggerHooks({ events }, { apiToken: mock.token, baseUrl: 'http://127.0.0.1:9' });
	const error = await trigger.create().then(
		() => undefined,
		(e: Error & { description?: string }) => e,
	);
	expect(error).toBeDefined();
	expect(`${error!.message} ${error!.description ?? ''}`).not.toContain(mock.token);
	expect(error!.message).toMatch(/connect|reach|refused/i);
	expect(trigger.staticData()).toEqual({});
});

test('no events selected: activation refuses before calling Truto', async () => {
	const trigger = triggerHooks({ events: [] }, { apiToken: mock.token, baseUrl: mock.url });
	await expect(trigger.create()).rejects.toThrow('Select at least one event');
	expect(webhookCalls()).toEqual([]);
});

test('the mock refuses bodies Truto would refuse, and shows the secret only at create', async () => {
	const send = (method: string, path: string, body?: unknown) =>
		fetch(`${mock.url}${path}`, {
			method,
			headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	expect((await send('POST', '/webhook', { target_url: 'ftp://x', event_types: ['record:created'] })).status).toBe(400);
	expect((await send('POST', '/webhook', { target_url: 'https://example.com/h', event_types: ['record:made'] })).status).toBe(400);
	expect((await send('POST', '/webhook', { target_url: 'https://example.com/h', secret: 'mine' })).status).toBe(400);
	const created = await (await send('POST', '/webhook', { target_url: 'https://example.com/h' })).json();
	expect(created.secret).toEqual(expect.any(String));
	expect(await (await send('GET', `/webhook/${created.id}`)).json()).not.toHaveProperty('secret');
	const list = await (await send('GET', '/webhook')).json();
	expect(list.result).toHaveLength(1);
	expect(list.result[0]).not.toHaveProperty('secret');
	expect((await send('DELETE', `/webhook/${created.id}`)).status).toBe(200);
	expect((await send('GET', `/webhook/${created.id}`)).status).toBe(404);
});
