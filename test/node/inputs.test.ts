// Inputs are checked before sending: ids that would change a path, reserved
// query keys under other spellings, values a query cannot carry, and numbers
// outside their bounds fail the item naming the parameter; nothing is sent.
import type { INodeParameters } from 'n8n-workflow';

import { byId, runAgainst, useMockTruto } from './support';

const mock = useMockTruto();
const entries = (...values: INodeParameters[]) => ({ values });
const get = { resource: 'user', operation: 'get', id: byId('usr_okta_01') };

function run(parameters: INodeParameters, account = 'acc_okta') {
	return runAgainst(mock, {
		parameters: { integratedAccountId: byId(account), ...parameters },
		onError: 'continueRegularOutput',
	});
}

async function refused(parameters: INodeParameters, message: RegExp, account?: string) {
	const { items } = await run(parameters, account);
	expect(items).toHaveLength(1);
	expect(items[0].json.error).toMatch(message);
	expect(mock.requests).toEqual([]);
}

describe('ids that would change the path are refused', () => {
	test.each(['.', '..'])('an account id of "%s", also with Check Capabilities (a path of its own)', async (account) => {
		await refused({ ...get, options: { checkCapabilities: true } }, new RegExp(`'Integrated Account' parameter cannot be "\\${account === '.' ? '.' : '.\\.'}"`), account);
	});

	test('an id with half a character (a lone surrogate) names its parameter', async () => {
		await refused({ ...get, id: byId('usr\uD800x') }, /The 'User' parameter contains an invalid character/);
		await refused(get, /The 'Integrated Account' parameter contains an invalid character/, 'acc\uDC00');
	});
});

describe('reserved query keys cannot be smuggled in', () => {
	test.each(['integrated_account_id[]', 'Integrated_Account_ID', 'integrated_account_id%5B%5D', 'integrated_account_id%255B%255D', ' integrated_account_id[x]', 'truto_response_format'])(
		'"%s" in Other Parameters',
		async (name) => {
			await refused({ ...get, queryParameters: { otherParameters: entries({ name, value: 'acc_mist' }) } }, /is set by the node/);
		},
	);

	test('limit and next_cursor under other spellings on Get Many', async () => {
		for (const name of ['LIMIT', 'next_cursor[]', 'Next_Cursor%5B0%5D']) {
			mock.reset();
			await refused({ resource: 'user', operation: 'getAll', queryParameters: { otherParameters: entries({ name, value: '5' }) } }, /is set by the node/);
		}
	});

	test('remote_query keys stay inside remote_query', async () => {
		const { items } = await run({ ...get, options: { remoteQuery: '{"integrated_account_id": "acc_mist", "limit": 1}' } });
		expect(items[0].json.id).toBe('usr_okta_01');
		const [request] = mock.requests;
		expect(request.query.integrated_account_id).toBe('acc_okta');
		expect(request.query.remote_query).toEqual({ integrated_account_id: 'acc_mist', limit: '1' });
	});
});

describe('values a query cannot carry are refused; nested ones are sent in bracket form', () => {
	test('nested arrays and objects in Remote Query arrive as they were', async () => {
		const remote = { ids: [['a', 'b'], ['c']], people: [{ name: 'A', role: 'x' }, { name: 'B' }], scope: { teams: ['core'] } };
		const { items } = await run({ ...get, options: { remoteQuery: JSON.stringify(remote) } });
		expect(items[0].json.id).toBe('usr_okta_01');
		expect(mock.requests[0].query.remote_query).toEqual(remote);
	});

	test('a Remote Query key with brackets is refused, naming the option', async () => {
		await refused({ ...get, options: { remoteQuery: '{"a[b]": 1}' } }, /The 'Remote Query' option cannot be sent: the key "a\[b\]" contains a bracket/);
	});

	test('a lone surrogate in a query value is refused, naming the field', async () => {
		await refused(
			{ ...get, queryParameters: { otherParameters: entries({ name: 'note', value: 'x\uDBFF' }) } },
			/The 'Other Parameters' field in 'Query Parameters' cannot be sent: it contains an invalid character/,
		);
	});
});

describe('numbers have bounds the node enforces', () => {
	test.each([
		['Concurrency 0', { concurrency: 0 }, /'Concurrency' option must be a whole number from 1 to 50/],
		['Concurrency -3', { concurrency: -3 }, /'Concurrency' option must be a whole number from 1 to 50/],
		['Concurrency "many"', { concurrency: '={{ "many" }}' }, /'Concurrency' option must be a whole number from 1 to 50/],
		['Concurrency 51', { concurrency: 51 }, /'Concurrency' option must be a whole number from 1 to 50/],
		['Max Retries 11', { maxRetries: 11 }, /'Max Retries' option must be a whole number from 0 to 10/],
		['Max Retries 1.5', { maxRetries: 1.5 }, /'Max Retries' option must be a whole number from 0 to 10/],
		['Timeout -1', { timeout: -1 }, /'Timeout' option must be a whole number from 0 to 3600000/],
	])('%s', async (_what, options, message) => {
		await refused({ ...get, options }, message);
	});

	test('a Limit above its maximum', async () => {
		await refused({ resource: 'user', operation: 'getAll', limit: 100_001 }, /'Limit' parameter must be a whole number of at least 1 and at most 100000/);
	});

	test('a Concurrency that cannot be used fails every item, in order, under On Error: Continue', async () => {
		const { items } = await runAgainst(mock, {
			parameters: { integratedAccountId: byId('acc_okta'), ...get, options: { concurrency: 0 } },
			items: [{}, {}, {}],
			onError: 'continueRegularOutput',
		});
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items.every((i) => /Concurrency/.test(String(i.json.error)))).toBe(true);
		expect(mock.requests).toEqual([]);
	});
});
