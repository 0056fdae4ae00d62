import { randomBytes } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type RunOptions } from '../harness/run-node';
import { startMockTruto, type MockTruto, type RecordedRequest } from '../mock';

let mock: MockTruto;

beforeAll(async () => {
	mock = await startMockTruto();
});
beforeEach(() => mock.reset());
afterAll(async () => mock.close());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function params(extra: Partial<INodeParameters> = {}): INodeParameters {
	return {
		resource: 'organization',
		operation: 'delete',
		integratedAccountId: byId('acc_github'),
		id: byId('acme-labs'),
		...extra,
	};
}

function run(options: Partial<RunOptions> & { parameters: INodeParameters }) {
	return runNode({ credentials: { apiToken: mock.token, baseUrl: mock.url }, ...options });
}

/** Requests that reached the unified API. */
function unified(): RecordedRequest[] {
	return mock.requests.filter((request) => request.path.startsWith('/unified/'));
}

function expectNoToken(value: unknown) {
	expect(JSON.stringify(value)).not.toContain(mock.token);
}

describe('Delete Organization: request', () => {
	test('sends one DELETE with the account id and the bearer token, and outputs the deleted organization', async () => {
		const { items, error } = await run({ parameters: params() });

		expect(error).toBeUndefined();
		expect(mock.requests).toHaveLength(1);
		const [request] = mock.requests;
		expect(request.method).toBe('DELETE');
		expect(request.path).toBe('/unified/user-directory/organizations/acme-labs');
		expect(request.query).toEqual({ integrated_account_id: 'acc_github' });
		expect(request.headers.authorization).toBe(`Bearer ${mock.token}`);
		expect(request.headers.accept).toBe('application/json');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: 'acme-labs', name: 'Acme Labs' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('accepts plain strings instead of resource locators, and a base URL with a trailing slash', async () => {
		const { items, error } = await runNode({
			credentials: { apiToken: mock.token, baseUrl: `${mock.url}/` },
			parameters: params({ integratedAccountId: ' acc_github ', id: 'acme-corp' }),
		});

		expect(error).toBeUndefined();
		expect(mock.requests[0].path).toBe('/unified/user-directory/organizations/acme-corp');
		expect(mock.requests[0].query).toEqual({ integrated_account_id: 'acc_github' });
		expect(items[0].json.id).toBe('acme-corp');
	});

	test.each(['org/with/slash', 'org?q=1', 'org#frag', 'org with space', 'org+plus', '100%'])(
		'encodes the id %p as one path segment',
		async (id) => {
			const { items, error } = await run({ parameters: params({ id: byId(id) }) });

			expect(error).toBeUndefined();
			const [request] = mock.requests;
			expect(request.path).toBe(`/unified/user-directory/organizations/${encodeURIComponent(id)}`);
			expect(request.segments).toEqual(['unified', 'user-directory', 'organizations', id]);
			expect(request.query).toEqual({ integrated_account_id: 'acc_github' });
			expect(items[0].json.id).toBe(id);
		},
	);
});

describe('Delete Organization: options', () => {
	test.each(['unified', 'raw', 'normalized'])('response format %s is sent as truto_response_format', async (format) => {
		const { error } = await run({ parameters: params({ options: { responseFormat: format } }) });

		expect(error).toBeUndefined();
		expect(mock.requests[0].query).toEqual({
			integrated_account_id: 'acc_github',
			truto_response_format: format,
		});
	});

	test('exclude remote data sends truto_ignore_remote_data=true and the output has no remote_data', async () => {
		const { items } = await run({ parameters: params({ options: { excludeRemoteData: true } }) });

		expect(mock.requests[0].query).toEqual({
			integrated_account_id: 'acc_github',
			truto_ignore_remote_data: 'true',
		});
		expect(items[0].json.id).toBe('acme-labs');
		expect(items[0].json).not.toHaveProperty('remote_data');
	});

	test('exclude fields sends truto_exclude_fields[] once per field', async () => {
		const { items } = await run({
			parameters: params({ options: { excludeFields: ' licenses, created_at ,, ' } }),
		});

		expect(mock.requests[0].rawUrl).toContain('truto_exclude_fields[]=licenses&truto_exclude_fields[]=created_at');
		expect(mock.requests[0].query.truto_exclude_fields).toEqual(['licenses', 'created_at']);
		expect(items[0].json).not.toHaveProperty('licenses');
		expect(items[0].json).not.toHaveProperty('created_at');
		expect(items[0].json).toHaveProperty('name');
	});

	test('exclude fields accepts an array from an expression', async () => {
		await run({
			items: [{ drop: ['pricing_plan', 'updated_at'] }],
			parameters: params({ options: { excludeFields: '={{ $json.drop }}' } }),
		});

		expect(mock.requests[0].query.truto_exclude_fields).toEqual(['pricing_plan', 'updated_at']);
	});

	test('remote query JSON becomes remote_query[...] with nested objects in brackets', async () => {
		const remoteQuery = JSON.stringify({ force: true, scope: { team: 'core', ids: ['a', 'b'] } });
		const { items } = await run({ parameters: params({ options: { remoteQuery } }) });

		const [request] = mock.requests;
		expect(request.rawUrl).toContain('remote_query[force]=true');
		expect(request.rawUrl).toContain('remote_query[scope][team]=core');
		expect(request.rawUrl).toContain('remote_query[scope][ids][]=a&remote_query[scope][ids][]=b');
		expect(request.query.remote_query).toEqual({ force: 'true', scope: { team: 'core', ids: ['a', 'b'] } });
		expect((items[0].json.remote_data as IDataObject).remote_query).toEqual(request.query.remote_query);
	});

	test('remote query accepts an object from an expression', async () => {
		await run({
			items: [{ rq: { reason: 'offboarding' } }],
			parameters: params({ options: { remoteQuery: '={{ $json.rq }}' } }),
		});

		expect(mock.requests[0].query.remote_query).toEqual({ reason: 'offboarding' });
	});

	test('every option together', async () => {
		await run({
			parameters: params({
				options: {
					responseFormat: 'raw',
					excludeRemoteData: true,
					excludeFields: 'licenses',
					remoteQuery: '{"a":"1"}',
				},
			}),
		});

		expect(mock.requests[0].query).toEqual({
			integrated_account_id: 'acc_github',
			truto_response_format: 'raw',
			truto_ignore_remote_data: 'true',
			truto_exclude_fields: ['licenses'],
			remote_query: { a: '1' },
		});
	});
});

describe('Delete Organization: items', () => {
	test('several items, one at a time: each parameter is resolved for its own item, requests in input order, paired items', async () => {
		const input = [
			{ account: 'acc_github', org: 'acme-corp', fmt: 'raw' },
			{ account: 'acc_mist', org: 'mist_org_1', fmt: 'unified' },
			{ account: 'acc_github', org: 'octo-open-source', fmt: 'normalized' },
		];
		const { items, error } = await run({
			items: input,
			parameters: params({
				integratedAccountId: byId('={{ $json.account }}'),
				id: '={{ $json.org }}',
				options: { responseFormat: '={{ $json.fmt }}', concurrency: 1 },
			}),
		});

		expect(error).toBeUndefined();
		expect(unified().map((r) => [r.segments[3], r.query.integrated_account_id, r.query.truto_response_format])).toEqual(
			input.map((entry) => [entry.org, entry.account, entry.fmt]),
		);
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json).toEqual({ id: 'mist_org_1', integrated_account_id: 'acc_mist', deleted: true });
	});

	test('with the default Concurrency, output keeps input order and pairing while requests overlap', async () => {
		const ids = ['acme-corp', 'acme-labs', 'octo-open-source', 'org/with/slash', 'org?q=1', 'org#frag', 'org with space', 'org+plus', '100%'];
		mock.setLatency(30);
		const { items, error } = await run({ items: ids.map((id) => ({ id })), parameters: params({ id: '={{ $json.id }}' }) });

		expect(error).toBeUndefined();
		expect(unified().map((request) => request.segments[3]).sort()).toEqual([...ids].sort());
		expect(mock.inFlight().peak).toBeGreaterThan(1);
		expect(items.map((item) => item.json.id)).toEqual(ids);
		expect(items.map((item) => item.pairedItem)).toEqual(ids.map((_id, item) => ({ item })));
	});

	test('an empty 204 answer gives an item that carries the id and says it was deleted', async () => {
		const { items } = await run({
			parameters: params({ integratedAccountId: byId('acc_mist'), id: byId('mist_org_2') }),
		});

		expect(mock.requests[0].status).toBe(204);
		expect(items).toEqual([
			{ json: { id: 'mist_org_2', integrated_account_id: 'acc_mist', deleted: true }, pairedItem: { item: 0 } },
		]);
	});

	test('stream gives the bytes as binary data with file name and content type', async () => {
		const { items, error } = await run({ parameters: params({ options: { responseFormat: 'stream' } }) });

		expect(error).toBeUndefined();
		expect(mock.requests[0].query.truto_response_format).toBe('stream');
		const binary = items[0].binary?.data;
		expect(binary).toBeDefined();
		expect(binary?.mimeType).toBe(mock.requests[0].status === 200 ? 'application/octet-stream' : '');
		expect(binary?.fileName).toMatch(/\.json$/);
		const bytes = Buffer.from(binary?.data ?? '', 'base64');
		expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ id: 'acme-labs' });
		expect(items[0].json).toMatchObject({ id: 'acme-labs', fileName: binary?.fileName, fileSize: bytes.length });
	});

	test('stream falls back to JSON when the node runs as an AI tool', async () => {
		const { items } = await run({ asTool: true, parameters: params({ options: { responseFormat: 'stream' } }) });

		expect(mock.requests[0].query.truto_response_format).toBe('stream');
		expect(items[0].binary).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 'acme-labs', name: 'Acme Labs' });
	});
});

describe('Delete Organization: errors', () => {
	const failing = { id: 'does-not-exist' };

	test('On Error: Continue turns a failed item into an error item and the others go on', async () => {
		const { items, error } = await run({
			onError: 'continueRegularOutput',
			items: [{ id: 'acme-corp' }, failing, { id: 'acme-labs' }],
			parameters: params({ id: '={{ $json.id }}' }),
		});

		expect(error).toBeUndefined();
		expect(unified()).toHaveLength(3);
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.id).toBe('acme-corp');
		expect(items[2].json.id).toBe('acme-labs');
		expect(items[1].json.error).toMatch(/organization "does-not-exist" was not found.*'Organization' parameter/);
		expect(items[1].json.httpCode).toBe('404');
		expectNoToken(items);
	});

	test('without Continue the execution stops and names the item', async () => {
		const { items, error } = await run({
			items: [{ id: 'acme-corp' }, failing, { id: 'acme-labs' }],
			parameters: params({ id: '={{ $json.id }}' }),
		});

		expect(items).toEqual([]);
		expect(error?.message).toMatch(/\[item 1\]$/);
		expect((error as unknown as { context: IDataObject }).context.itemIndex).toBe(1);
	});

	test('401: says to check the API token, and never shows it', async () => {
		const wrongToken = `tk_live_${randomBytes(12).toString('hex')}`;
		const { error } = await runNode({
			credentials: { apiToken: wrongToken, baseUrl: mock.url },
			parameters: params(),
		});

		expect(mock.requests[0].status).toBe(401);
		expect(error?.message).toMatch(/Truto did not accept the API token: check the API Token/);
		expect(error?.description).toMatch(/Truto said: /);
		expect((error as unknown as { httpCode: string }).httpCode).toBe('401');
		expect(JSON.stringify({ ...error, message: error?.message, description: error?.description })).not.toContain(wrongToken);
	});

	test('403: names the missing scopes', async () => {
		mock.inject({
			status: 403,
			body: {
				statusCode: 403,
				error: 'Forbidden',
				message: 'Missing scopes',
				truto_error_insight: {
					forbidden_error: { description: 'The connected app lacks scopes', value: { missing_scopes: ['admin:org'] } },
				},
			},
		});
		const { error } = await run({ parameters: params() });

		expect(error?.message).toMatch(/^Truto refused to delete organizations for integrated account "acc_github": .*lacks permission \(missing scopes\)/);
		expect(error?.description).toContain('admin:org');
	});

	test('404 from the provider: the organization does not exist', async () => {
		const { error } = await run({ parameters: params({ id: byId('nope') }) });

		expect(error?.message).toMatch(/organization "nope" was not found in integrated account "acc_github"/);
		expect(error?.message).toMatch(/'Organization' parameter/);
	});

	test('404 from Truto: the account is unknown or its integration cannot delete organizations', async () => {
		const { error } = await run({ parameters: params({ integratedAccountId: byId('acc_okta'), id: byId('x') }) });

		expect(mock.requests[0].status).toBe(404);
		expect(error?.message).toMatch(/cannot delete organizations: check the 'Integrated Account' parameter/);
	});

	test('405: sandbox accounts cannot delete', async () => {
		const { error } = await run({
			parameters: params({ integratedAccountId: byId('acc_sandbox'), id: byId('acme-corp') }),
		});

		expect(mock.requests[0].status).toBe(405);
		expect(error?.message).toMatch(/^Truto will not delete organizations on integrated account "acc_sandbox": sandbox accounts are read-only/);
	});

	test('429 after retries ran out: says it was rate limited', async () => {
		mock.inject({ status: 429, times: 5, headers: { 'Retry-After': '0' } });
		const { error } = await run({ parameters: params({ options: { maxRetries: 1 } }) });

		expect(unified()).toHaveLength(2);
		expect(error?.message).toMatch(/rate limit/i);
		expect(error?.description).toMatch(/Gave up after 1 retry/);
	});

	test('provider errors show the provider message and insight', async () => {
		mock.inject({
			status: 422,
			remote: true,
			body: {
				statusCode: 422,
				error: 'Unprocessable Entity',
				message: '',
				truto_is_remote_error: true,
				raw_response: { errors: [{ message: 'Organization has active billing' }] },
				truto_error_insight: { remote_error: { description: 'The provider rejected the request' } },
			},
		});
		const { error } = await run({ parameters: params() });

		expect(error?.description).toContain('Organization has active billing');
		expect(error?.description).toContain('The provider rejected the request');
	});
});

describe('Delete Organization: bad input sends no request', () => {
	test.each([
		['an empty organization id', { id: byId('  ') }, /'Organization' parameter is empty/],
		['an account id expression that gives nothing', { integratedAccountId: byId('={{ $json.missing }}') }, /'Integrated Account' parameter is empty/],
		['an organization id of ".."', { id: byId('..') }, /'Organization' parameter cannot be "\.\."/],
		['remote query that is not JSON', { options: { remoteQuery: '{oops' } }, /'Remote Query' option is not valid JSON/],
		['remote query that is an array', { options: { remoteQuery: '[1,2]' } }, /'Remote Query' option must be a JSON object/],
		['remote query that is a number', { options: { remoteQuery: '={{ 5 }}' } }, /'Remote Query' option must be a JSON object/],
	])('%s', async (_name, extra, message) => {
		const { error } = await run({ parameters: params(extra as Partial<INodeParameters>) });

		expect(mock.requests).toHaveLength(0);
		expect(error?.message).toMatch(message);
		expect(error?.message).toMatch(/\[item 0\]$/);
	});

	test('with Continue, a bad item becomes an error item and loses nothing', async () => {
		const { items } = await run({
			onError: 'continueRegularOutput',
			items: [{ id: 'acme-corp' }, { id: '' }, { id: 'acme-labs' }],
			parameters: params({ id: '={{ $json.id }}' }),
		});

		expect(unified().map((request) => request.segments[3]).sort()).toEqual(['acme-corp', 'acme-labs']);
		expect(items.map((item) => item.json.error ?? item.json.id)).toEqual([
			'acme-corp',
			// The message ends with what the item was doing, so that it reads on its own (Error Workflow).
			`The 'Organization' parameter is empty (Delete an organization, integrated account "acc_github")`,
			'acme-labs',
		]);
	});
});
