// The token never leaves Truto's origin and never surfaces: redirects are not
// followed, secrets echoed by a server are scrubbed, unusable base URLs are refused.
import type { IHttpRequestOptions, INodeParameters } from 'n8n-workflow';

import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { runNode } from '../harness/run-node';
import { startStub, type Stub } from '../harness/stub';
import { startMockTruto, type MockTruto } from '../mock';
import { byId } from './support';

// A made-up token that looks real, so that every encoding of it can be searched for.
const TOKEN = ['tk', 'live', '7f3c9a1b2d4e6f80a1b2c3d4e5f60718'].join('_');
let mock: MockTruto;
let trap: Stub;

beforeAll(async () => {
	mock = await startMockTruto({ token: TOKEN });
	trap = await startStub('127.0.0.2');
});
beforeEach(() => {
	mock.reset();
	trap.requests.length = 0;
});
afterAll(async () => {
	await mock.close();
	await trap.close();
});

const account = { integratedAccountId: byId('acc_github') };

function run(parameters: INodeParameters, baseUrl = mock.url, onError: 'continueRegularOutput' | 'stopWorkflow' = 'continueRegularOutput') {
	return runNode({ credentials: { apiToken: TOKEN, baseUrl }, parameters: { ...account, ...parameters }, onError });
}

/** Everything a run shows: output items and the error, as text. */
function shown(result: Awaited<ReturnType<typeof run>>): string {
	const error = result.error as unknown as Record<string, unknown> | undefined;
	return JSON.stringify([result.items, error, error?.message, error?.description, error?.cause, error?.errorResponse]);
}

describe('redirects are never followed', () => {
	test.each([301, 302, 303, 307, 308])('a %i to another host: nothing reaches it, the error names status and host', async (status) => {
		mock.inject({ status, raw: '', headers: { location: `${trap.url}/unified/user-directory/organizations/acme-corp` } });
		const result = await run({ resource: 'organization', operation: 'delete', id: byId('acme-corp') });
		expect(trap.requests).toEqual([]);
		expect(result.items).toHaveLength(1);
		const error = String(result.items[0].json.error);
		expect(error).toContain(`redirect (${status}) to ${trap.url}`);
		expect(error).toMatch(/Base URL .* probably wrong/);
	});

	test('a 307 on a write is not sent again with its body', async () => {
		mock.inject({ status: 307, raw: '', headers: { location: `${trap.url}/unified/user-directory/users` } });
		const result = await run({ resource: 'user', operation: 'create', additionalFields: { name: 'Eve' } });
		expect(trap.requests).toEqual([]);
		expect(result.items[0].json.error).toMatch(/redirect \(307\)/);
		expect(mock.requests).toHaveLength(1);
	});

	test('Get Many pages and pick lists do not follow a redirect either', async () => {
		mock.inject({ status: 200, body: { result: [{ id: 'a' }], next_cursor: 'c2' } });
		mock.inject({ status: 302, raw: '', headers: { location: `${trap.url}/page2` } });
		const list = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(list.items[0].json.error).toMatch(/redirect \(302\)/);

		mock.inject({ status: 302, raw: '', headers: { location: `${trap.url}/accounts` } });
		const node = new (await import('../../nodes/TrutoUserDirectory/TrutoUserDirectory.node')).TrutoUserDirectory();
		const search = node.methods.listSearch.searchIntegratedAccounts;
		const ctx = loadOptionsContext(mock.url);
		await expect(search.call(ctx)).rejects.toThrow(/redirect \(302\)/);
		expect(trap.requests).toEqual([]);
	});

	test('the credential never sends the token to another origin, whoever asks (HTTP Request node too)', async () => {
		const credential = new TrutoApi();
		const base = { apiToken: TOKEN, baseUrl: 'https://api.truto.one' };
		const ours = await credential.authenticate(base, { url: 'https://api.truto.one/unified/user-directory/users' });
		expect(ours.headers?.Authorization).toBe(`Bearer ${TOKEN}`);
		expect(ours.disableFollowRedirect).toBe(true);
		const relative = await credential.authenticate(base, { baseURL: 'https://api.truto.one', url: '/integrated-account' });
		expect(relative.headers?.Authorization).toBe(`Bearer ${TOKEN}`);
		for (const url of ['https://evil.example/x', 'http://api.truto.one/x', 'https://api.truto.one.evil.example/x']) {
			await expect(credential.authenticate(base, { url } as IHttpRequestOptions)).rejects.toThrow(/sends its token only to https:\/\/api\.truto\.one/);
		}
	});
});

/** A pick-list context for the node's methods, as n8n gives it. */
function loadOptionsContext(baseUrl: string) {
	const credential = new TrutoApi();
	return {
		getNode: () => ({ id: 'n', name: 'Truto User Directory', type: 'n8n-nodes-truto.trutoUserDirectory', typeVersion: 1.1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({ apiToken: TOKEN, baseUrl }),
		getCurrentNodeParameter: () => 'acc_github',
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const authed = await credential.authenticate({ apiToken: TOKEN, baseUrl }, options);
				const res = await fetch(authed.url, { method: authed.method, headers: authed.headers as Record<string, string>, redirect: 'manual' });
				const headers: Record<string, string> = {};
				res.headers.forEach((value, key) => (headers[key] = value));
				return { statusCode: res.status, headers, body: Buffer.from(await res.arrayBuffer()) };
			},
		},
	} as never;
}

describe('secrets never surface', () => {
	test('a token echoed in an error body and headers is scrubbed from message, description and cause', async () => {
		mock.inject({
			status: 400,
			body: { statusCode: 400, error: 'Bad Request', message: `Bad token Bearer ${TOKEN}`, raw_response: { auth: TOKEN, b64: Buffer.from(TOKEN).toString('base64') } },
			headers: { 'x-echo': `Bearer ${TOKEN}` },
		});
		const result = await run({ resource: 'organization', operation: 'delete', id: byId('acme-corp') }, mock.url, 'stopWorkflow');
		expect(result.error).toBeDefined();
		expect(shown(result)).not.toContain(TOKEN);
		expect(shown(result)).not.toContain(Buffer.from(TOKEN).toString('base64'));
		expect(shown(result)).toContain('[redacted]');
	});

	test('a token echoed in a successful answer never reaches an output item, nor a file', async () => {
		mock.inject({ status: 200, body: { id: 'acme-corp', note: `token=${TOKEN}`, url: `https://x/?t=${encodeURIComponent(TOKEN)}` } });
		const record = await run({ resource: 'organization', operation: 'get', id: byId('acme-corp') });
		expect(shown(record)).not.toContain(TOKEN);
		expect(record.items[0].json.note).toBe('token=[redacted]');

		mock.inject({
			status: 200,
			raw: `secret ${TOKEN} inside`,
			contentType: 'application/octet-stream',
			headers: { 'content-disposition': `attachment; filename="${TOKEN}.txt"` },
		});
		const file = await run({ resource: 'organization', operation: 'get', id: byId('acme-corp'), options: { responseFormat: 'stream' } });
		expect(shown(file)).not.toContain(TOKEN);
		const data = file.items[0].binary?.data;
		expect(Buffer.from(data!.data, 'base64').toString()).toBe('secret [redacted] inside');
		expect(data!.fileName).toBe('[redacted].txt');
	});
});

describe('credential: base URLs that cannot be used are refused before anything is sent', () => {
	test.each([
		['a user name and password', 'https://admin:hunter2secret@api.truto.one', /contains a user name or password/],
		['plain http to another host', 'http://api.truto.one', /must start with https:\/\//],
		['a path such as /unified', 'https://api.truto.one/unified', /ends in a path/],
		['something that is not a URL', 'api truto one', /is not a URL/],
	])('%s', async (_what, baseUrl, message) => {
		const result = await run({ resource: 'organization', operation: 'delete', id: byId('acme-corp') }, baseUrl);
		expect(result.items[0].json.error).toMatch(message);
		expect(shown(result)).not.toContain('hunter2secret');
		expect(mock.requests).toEqual([]);
		await expect(new TrutoApi().authenticate({ apiToken: TOKEN, baseUrl }, { url: `${baseUrl}/integrated-account` })).rejects.toThrow(message);
	});

	test.each(['http://localhost:1', 'http://127.0.0.1:1', 'http://127.1.2.3:1', 'http://[::1]:1', 'https://custom.truto.one/'])(
		'%s is accepted (https, or http to this machine)',
		async (baseUrl) => {
			const origin = new URL(baseUrl).origin;
			const options = await new TrutoApi().authenticate({ apiToken: TOKEN, baseUrl }, { url: `${origin}/integrated-account` });
			expect(options.headers?.Authorization).toBe(`Bearer ${TOKEN}`);
		},
	);
});
