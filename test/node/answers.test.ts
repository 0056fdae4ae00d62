// A 2xx that is not Truto's answer is an error that quotes it; pick lists survive
// odd records; long messages are cut, whole in the description.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { TrutoUserDirectory } from '../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, runAgainst, useMockTruto } from './support';

const mock = useMockTruto();

function run(parameters: INodeParameters) {
	return runAgainst(mock, { parameters: { integratedAccountId: byId('acc_okta'), ...parameters }, onError: 'continueRegularOutput' });
}

const getUser = { resource: 'user', operation: 'get', id: byId('usr_okta_01') };
const listUsers = { resource: 'user', operation: 'getAll', returnAll: true };

describe('a 2xx that is not Truto’s answer is an item error, never success with 0 items', () => {
	test.each([
		['an HTML page', { raw: '<!doctype html><html><body>Welcome to nginx!</body></html>' }, /a web page instead of JSON/, 'Welcome to nginx'],
		['JSON cut short', { raw: '{"id": "usr_okta_01", "name": "Av', contentType: 'application/json' }, /JSON that is cut short or not valid/, '{"id": "usr_okta_01"'],
		['an empty body', { raw: '', contentType: 'application/json' }, /an empty answer/, 'The answer was empty'],
		['an empty object', { body: {} }, /an empty object where a record was expected/, '{}'],
		['a list', { body: [{ id: 1 }] }, /a list where one record was expected/, '[{"id":1}]'],
	])('Get: %s', async (_what, fault, problem, quoted) => {
		mock.inject({ status: 200, ...fault });
		const { items } = await run(getUser);
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toMatch(problem);
		expect(items[0].json.error).toMatch(/Check the Base URL/);
		expect(String(items[0].json.description)).toContain(quoted);
	});

	test.each([
		['an HTML page', { raw: '<html>login</html>' }, /a web page instead of JSON/],
		['no result', { body: { next_cursor: null } }, /"result" is missing/],
		['a result that is not a list', { body: { result: 'nope', next_cursor: null } }, /"result" is a string/],
		['a null result', { body: { result: null } }, /"result" is null/],
		['an empty body', { raw: '', contentType: 'application/json' }, /an empty answer/],
	])('Get Many: %s', async (_what, fault, problem) => {
		mock.inject({ status: 200, ...fault });
		const { items } = await run(listUsers);
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toMatch(problem);
	});

	test('a delete answered 204 stays a success, as documented', async () => {
		mock.inject({ status: 204, raw: '', contentType: 'application/json' });
		const { items } = await run({ resource: 'role', operation: 'delete', id: byId('rol_read_only') });
		expect(items.map((i) => i.json)).toEqual([{ id: 'rol_read_only', integrated_account_id: 'acc_okta', deleted: true }]);
	});

	test('a delete answered with a web page is an error, not a deletion', async () => {
		mock.inject({ status: 200, raw: '<html>moved</html>' });
		const { items } = await run({ resource: 'role', operation: 'delete', id: byId('rol_read_only') });
		expect(items[0].json.error).toMatch(/a web page instead of JSON/);
	});

	test('a custom method answering {"result": []} still gives exactly one item for its input item', async () => {
		mock.inject({ status: 200, body: { result: [] } });
		const { items } = await run({ resource: 'group', operation: 'removeUser', id: byId('grp_sales'), userId: byId('usr_okta_02') });
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ integrated_account_id: 'acc_okta', id: 'grp_sales', result: [] });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('pick lists and long errors', () => {
	const node = new TrutoUserDirectory();
	const context = (current: Record<string, unknown>) =>
		({
			getNode: () => ({ id: 'n', name: 'Truto User Directory', type: 'n8n-nodes-truto.trutoUserDirectory', typeVersion: 1.1, position: [0, 0], parameters: {} }),
			getCredentials: async () => ({ apiToken: mock.token, baseUrl: mock.url }),
			getCurrentNodeParameter: (name: string) => current[name],
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IDataObject) => {
					const authed = await new TrutoApi().authenticate({ apiToken: mock.token, baseUrl: mock.url }, options as never);
					const res = await fetch(authed.url, { headers: authed.headers as Record<string, string> });
					const headers: Record<string, string> = {};
					res.headers.forEach((value, key) => (headers[key] = value));
					return { statusCode: res.status, headers, body: Buffer.from(await res.arrayBuffer()) };
				},
			},
		}) as never;

	test('null records, missing names and odd ids do not break the account list', async () => {
		mock.inject({
			status: 200,
			body: {
				result: [null, 7, 'x', { id: null }, { id: { a: 1 } }, { id: 42 }, { id: 'acc_1', integration: null, tenant_id: { x: 1 }, status: 5 }, { id: 'acc_2', integration: { name: 'okta' } }],
				next_cursor: null,
			},
		});
		const result = await node.methods.listSearch.searchIntegratedAccounts.call(context({}));
		expect(result.results).toEqual([
			{ name: 'account', value: '42' },
			{ name: 'account (5)', value: 'acc_1' },
			{ name: 'okta', value: 'acc_2' },
		]);
	});

	test('records without a usable id or label are left out or labelled by id', async () => {
		mock.inject({ status: 200, body: { result: [null, { name: 'No id' }, { id: 'u1', name: { first: 'A' } }, { id: 'u2', emails: null }], next_cursor: null } });
		const result = await node.methods.listSearch.searchUser.call(context({ integratedAccountId: 'acc_okta' }));
		expect(result.results).toEqual([
			{ name: 'u1', value: 'u1' },
			{ name: 'u2', value: 'u2' },
		]);
	});

	test('a very long id gives a message cut to a readable length, whole in the description', async () => {
		const id = `missing-${'x'.repeat(5000)}`;
		const { items } = await run({ resource: 'user', operation: 'get', id: byId(id) });
		const message = String(items[0].json.error);
		expect(message.length).toBeLessThanOrEqual(320);
		expect(message).toMatch(/…/);
		expect(String(items[0].json.description)).toContain(id);
	});
});
