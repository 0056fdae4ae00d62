import { LoadOptionsContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { TrutoUserDirectory } from '../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { TestCredentialsHelper } from '../harness/credentials';
import { NODE_NAME, NODE_TYPE } from '../harness/run-node';
import { byId, useMockTruto } from './support';

const mock = useMockTruto();

const nodeType = new TrutoUserDirectory();

class NodeTypes implements INodeTypes {
	getByName(): INodeType {
		return nodeType;
	}

	getByNameAndVersion(): INodeType {
		return nodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: 'x' });

/** Calls a pick-list method the way the n8n editor does, through n8n-core's LoadOptionsContext. */
async function search(
	method: string,
	parameters: INodeParameters,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'truto-node',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { trutoApi: { id: '1', name: 'Truto account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes: new NodeTypes(), active: false });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			{ trutoApi: new TrutoApi() },
			{ trutoApi: { apiToken: mock.token, baseUrl: mock.url } },
		),
		currentNodeParameters: parameters,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.id');
	return await nodeType.methods.listSearch[method].call(context, filter, paginationToken);
}

/** A cursor the mock reads as "from the first record". */
const FIRST = Buffer.from('o:0').toString('base64url');

const user = (account: INodeParameters[string]): INodeParameters => ({ resource: 'user', operation: 'get', integratedAccountId: account });

describe('integrated accounts', () => {
	test('every account, labelled by integration, tenant and a status that is not active', async () => {
		const { results, paginationToken } = await search('searchIntegratedAccounts', {});

		expect(mock.requests.map((request) => [request.path, request.query])).toEqual([
			['/integrated-account', { limit: '100' }],
		]);
		expect(paginationToken).toBeUndefined();
		expect(results).toEqual([
			{ name: 'github · acme', value: 'acc_github' },
			{ name: 'juniper-mist · acme', value: 'acc_mist' },
			{ name: 'okta · globex', value: 'acc_okta' },
			{ name: 'github · acme (sandbox)', value: 'acc_sandbox' },
			{ name: 'trutotest · bench', value: 'acc_bulk' },
			{ name: 'zendesk · globex (needs reauth)', value: 'acc_zendesk_reauth' },
			{ name: 'slack · initech (connecting)', value: 'acc_slack_connecting' },
			{ name: 'googleworkspace · initech (post install error)', value: 'acc_gws_error' },
		]);
	});

	test.each([
		['an integration', 'OKTA', ['acc_okta']],
		['a tenant', 'initech', ['acc_slack_connecting', 'acc_gws_error']],
		['an id', 'acc_mi', ['acc_mist']],
		['a status', 'reauth', ['acc_zendesk_reauth']],
	])('filtered by %s', async (_what, filter, expected) => {
		const { results } = await search('searchIntegratedAccounts', {}, filter);

		expect(results.map((result) => result.value)).toEqual(expected);
	});

	test("follows Truto's cursor: the token goes back as next_cursor", async () => {
		mock.inject({
			match: { pathIncludes: '/integrated-account' },
			status: 200,
			body: { result: [{ id: 'acc_1', tenant_id: 't1', status: 'active', integration: { name: 'okta' } }], next_cursor: FIRST },
		});
		const first = await search('searchIntegratedAccounts', {});
		expect(first).toEqual({ results: [{ name: 'okta · t1', value: 'acc_1' }], paginationToken: FIRST });

		const second = await search('searchIntegratedAccounts', {}, undefined, FIRST);
		expect(mock.requests[1].query).toEqual({ limit: '100', next_cursor: FIRST });
		expect(second.results).toHaveLength(8);
	});

	test('with a filter, reads on past pages without a match', async () => {
		mock.inject({
			match: { pathIncludes: '/integrated-account' },
			status: 200,
			body: { result: [{ id: 'acc_x', tenant_id: 'other', integration: { name: 'slack' } }], next_cursor: FIRST },
		});
		const { results, paginationToken } = await search('searchIntegratedAccounts', {}, 'okta');

		expect(mock.requests.map((request) => request.query.next_cursor)).toEqual([undefined, FIRST]);
		expect(results.map((result) => result.value)).toEqual(['acc_okta']);
		expect(paginationToken).toBeUndefined();
	});
});

describe('records of the selected account', () => {
	test('users, labelled by name, with the account from an ID or from the list', async () => {
		for (const account of [byId('acc_okta'), fromList('acc_okta'), 'acc_okta']) {
			mock.clearRequests();
			const { results } = await search('searchUser', user(account));

			expect(mock.requests.map((request) => [request.path, request.query])).toEqual([
				[
					'/unified/user-directory/users',
					{ integrated_account_id: 'acc_okta', truto_ignore_remote_data: 'true', limit: '100' },
				],
			]);
			expect(results).toHaveLength(36);
			expect(results[0]).toEqual({ name: 'Avery Chen (usr_okta_01)', value: 'usr_okta_01' });
		}
	});

	test('a filter matches the label, accents included', async () => {
		const { results } = await search('searchUser', user(byId('acc_okta')), 'müller');

		expect(results).toEqual([{ name: 'Hannah Müller (usr_okta_07)', value: 'usr_okta_07' }]);
	});

	test('pages of 100 with the cursor as pagination token', async () => {
		const first = await search('searchUser', user(byId('acc_bulk')));
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.any(String));

		const second = await search('searchUser', user(byId('acc_bulk')), undefined, first.paginationToken);
		expect(mock.requests[1].query.next_cursor).toBe(first.paginationToken);
		expect(second.results[0].value).toBe('bulk_user_000100');
	});

	test.each([
		['searchGroup', 'acc_okta', { name: 'Engineering (grp_engineering)', value: 'grp_engineering' }],
		['searchRole', 'acc_okta', { name: 'Super Administrator (rol_super_admin)', value: 'rol_super_admin' }],
		['searchOrganization', 'acc_github', { name: 'Acme Corporation (acme-corp)', value: 'acme-corp' }],
		['searchLicense', 'acc_okta', { name: 'Single Sign-On (lic_okta_sso)', value: 'lic_okta_sso' }],
		['searchWorkspace', 'acc_okta', { name: 'Globex Production (ws_globex_prod)', value: 'ws_globex_prod' }],
		['searchRoleAssignment', 'acc_okta', { name: 'rol_super_admin (ra_okta_01)', value: 'ra_okta_01' }],
		['searchActivity', 'acc_okta', { name: 'User signed in (act_okta_001)', value: 'act_okta_001' }],
	])('%s lists its resource', async (method, account, first) => {
		const { results } = await search(method, { integratedAccountId: byId(account) });

		expect(results[0]).toEqual(first);
	});

	test('ids that need encoding are offered as they are', async () => {
		const { results } = await search('searchOrganization', { integratedAccountId: byId('acc_github') }, 'org');

		expect(results.map((result) => result.value)).toEqual(
			expect.arrayContaining(['org/with/slash', 'org?q=1', 'org#frag', 'org with space', 'org+plus']),
		);
	});

	test('without an account: nothing, and no request', async () => {
		const { results } = await search('searchUser', user(byId('')));

		expect(results).toEqual([]);
		expect(mock.requests).toHaveLength(0);
	});

	test('an account whose integration lacks the resource: the error says what to check', async () => {
		await expect(search('searchRole', { integratedAccountId: byId('acc_mist') })).rejects.toThrow(
			/cannot list roles: check the 'Integrated Account' parameter/,
		);
	});
});
