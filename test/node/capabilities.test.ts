import type { INodeParameters } from 'n8n-workflow';

import type { RunOptions } from '../harness/run-node';
import { byId, runAgainst, unifiedRequests, useMockTruto } from './support';

const mock = useMockTruto();
const check = { checkCapabilities: true };
const run = (options: Partial<RunOptions> & { parameters: INodeParameters }) => runAgainst(mock, options);
const unified = () => unifiedRequests(mock);
const asked = () => mock.requests.filter((request) => request.path.endsWith('/capabilities'));

describe('Check Capabilities', () => {
	test('off by default: no capabilities call, the request goes out and Truto answers 404', async () => {
		const { error } = await run({
			parameters: { resource: 'role', operation: 'update', integratedAccountId: byId('acc_github'), id: byId('admin'), updateFields: { name: 'Boss' } },
		});

		expect(asked()).toHaveLength(0);
		expect(unified().map((request) => request.status)).toEqual([404]);
		expect(error?.message).toMatch(/cannot update roles/);
	});

	test('a method the integration lacks fails before it is sent, naming what it supports', async () => {
		const { error } = await run({
			parameters: {
				resource: 'role',
				operation: 'update',
				integratedAccountId: byId('acc_github'),
				id: byId('admin'),
				updateFields: { name: 'Boss' },
				options: check,
			},
		});

		expect(unified()).toHaveLength(0);
		expect(asked().map((request) => [request.path, request.query])).toEqual([
			['/integrated-account/acc_github/capabilities', { type: 'unified' }],
		]);
		expect(error?.message).toBe(
			`The integration of integrated account "acc_github" does not support 'Update' on roles. For roles it supports: Get Many. (Update a role "admin", integrated account "acc_github") [item 0]`,
		);
		expect(error?.description).toMatch(/Nothing was sent.*users, groups, roles, organizations, me/);
	});

	test('a resource the integration lacks entirely', async () => {
		const { error } = await run({
			parameters: { resource: 'group', operation: 'getAll', integratedAccountId: byId('acc_mist'), options: check },
		});

		expect(unified()).toHaveLength(0);
		expect(error?.message).toMatch(/does not support 'Get Many' on groups\. It supports no group operations\./);
	});

	test('custom methods are checked by their Truto name', async () => {
		const { error, items } = await run({
			parameters: {
				resource: 'group',
				operation: 'removeUser',
				integratedAccountId: byId('acc_github'),
				id: byId('platform'),
				userId: byId('usr_gh_01'),
				options: check,
			},
		});

		expect(error).toBeUndefined();
		expect(unified().map((request) => request.path)).toEqual(['/unified/user-directory/groups/remove-user']);
		expect(items[0].json.id).toBe('platform');

		mock.clearRequests();
		const missing = await run({
			parameters: { resource: 'user', operation: 'unassignRole', integratedAccountId: byId('acc_github'), id: byId('usr_gh_01'), roleId: byId('admin'), options: check },
		});
		expect(unified()).toHaveLength(0);
		expect(missing.error?.message).toMatch(/does not support 'Unassign Role' on users\. For users it supports: Get Many, Get, Create, Delete\./);
	});

	test('asked once per account per execution; supported calls go through', async () => {
		const { items, error } = await run({
			items: [
				{ account: 'acc_github', org: 'acme-corp' },
				{ account: 'acc_mist', org: 'mist_org_1' },
				{ account: 'acc_github', org: 'acme-labs' },
				{ account: 'acc_mist', org: 'mist_org_2' },
			],
			parameters: {
				resource: 'organization',
				operation: 'get',
				integratedAccountId: byId('={{ $json.account }}'),
				id: byId('={{ $json.org }}'),
				options: check,
			},
		});

		expect(error).toBeUndefined();
		expect(asked().map((request) => request.path)).toEqual([
			'/integrated-account/acc_github/capabilities',
			'/integrated-account/acc_mist/capabilities',
		]);
		expect(items.map((item) => item.json.id)).toEqual(['acme-corp', 'mist_org_1', 'acme-labs', 'mist_org_2']);

		await run({ parameters: { resource: 'me', operation: 'get', integratedAccountId: byId('acc_github'), options: check } });
		expect(asked()).toHaveLength(3);
	});

	test('with On Error: Continue, unsupported items fail and the others run', async () => {
		const { items } = await run({
			onError: 'continueRegularOutput',
			items: [{ account: 'acc_okta' }, { account: 'acc_mist' }],
			parameters: {
				resource: 'role',
				operation: 'get',
				integratedAccountId: byId('={{ $json.account }}'),
				id: byId('rol_read_only'),
				options: check,
			},
		});

		expect(unified().map((request) => request.query.integrated_account_id)).toEqual(['acc_okta']);
		expect(items[0].json.id).toBe('rol_read_only');
		expect(items[1].json.error).toMatch(/"acc_mist" does not support 'Get' on roles/);
	});

	test('an unknown account: the capabilities call fails with advice, nothing else is sent', async () => {
		const { error } = await run({
			parameters: { resource: 'user', operation: 'get', integratedAccountId: byId('acc_nope'), id: byId('x'), options: check },
		});

		expect(unified()).toHaveLength(0);
		expect(asked().map((request) => request.status)).toEqual([404]);
		expect(error?.message).toMatch(/"acc_nope".*check the 'Integrated Account' parameter/);
	});

	test('an answer without a capability list lets the call through', async () => {
		mock.inject({ match: { pathIncludes: '/capabilities' }, status: 200, body: { account: { id: 'acc_okta' } } });
		const { error } = await run({
			parameters: { resource: 'me', operation: 'get', integratedAccountId: byId('acc_okta'), options: check },
		});

		expect(error).toBeUndefined();
		expect(unified()).toHaveLength(1);
	});
});
