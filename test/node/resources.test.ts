import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RunOptions } from '../harness/run-node';
import { byId, runAgainst, unifiedRequests, useMockTruto } from './support';

const mock = useMockTruto();
const run = (options: Partial<RunOptions> & { parameters: INodeParameters }) => runAgainst(mock, options);
const unified = () => unifiedRequests(mock);

const ids = (items: INodeExecutionData[]) => items.map((item) => item.json.id);

interface Case {
	resource: string;
	operation: string;
	account?: string;
	parameters?: INodeParameters;
	method: string;
	/** Decoded path segments after /unified/user-directory/. */
	path: string[];
	/** The whole query, integrated_account_id included. */
	query: IDataObject;
	/** The exact body (undefined: none sent). */
	body?: IDataObject;
	check: (items: INodeExecutionData[]) => void;
}

const okta = { integrated_account_id: 'acc_okta' };

/** Every resource × operation of the README's Operations table, with its request and output. */
const cases: Case[] = [
	{
		resource: 'user',
		operation: 'getAll',
		parameters: { limit: 5 },
		method: 'GET',
		path: ['users'],
		query: { ...okta, limit: '5' },
		check: (items) => expect(ids(items)).toEqual(['usr_okta_01', 'usr_okta_02', 'usr_okta_03', 'usr_okta_04', 'usr_okta_05']),
	},
	{
		resource: 'user',
		operation: 'get',
		parameters: { id: byId('usr_okta_02') },
		method: 'GET',
		path: ['users', 'usr_okta_02'],
		query: okta,
		check: (items) => expect(items.map((item) => item.json.name)).toEqual(['Jordan Patel']),
	},
	{
		resource: 'user',
		operation: 'create',
		parameters: {
			additionalFields: {
				firstName: 'Ada',
				lastName: 'King',
				emails: { values: [{ email: 'ada@globex.com', isPrimary: true, type: 'work' }] },
				phones: { values: [{ number: '+1-555-0199', type: 'mobile', extension: '' }] },
				groups: 'grp_sales, grp_admins',
				languages: 'en,fr',
				password: 's3cret!',
				description: 'New hire',
				remoteData: '{"department":"R&D"}',
				otherFields: '{"title":"Engineer","first_name":"not sent"}',
			},
			queryParameters: { organizationId: 'org_globex' },
		},
		method: 'POST',
		path: ['users'],
		query: { ...okta, organization_id: 'org_globex' },
		body: {
			first_name: 'Ada',
			last_name: 'King',
			emails: [{ email: 'ada@globex.com', is_primary: true, type: 'work' }],
			phones: [{ number: '+1-555-0199', type: 'mobile' }],
			groups: [{ id: 'grp_sales' }, { id: 'grp_admins' }],
			languages: ['en', 'fr'],
			password: 's3cret!',
			description: 'New hire',
			remote_data: { department: 'R&D' },
			title: 'Engineer',
		},
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				id: 'usr_new_0001',
				name: 'Ada King',
				title: 'Engineer',
				groups: [{ id: 'grp_sales', name: 'Sales' }, { id: 'grp_admins', name: 'Directory Admins' }],
			});
			expect((items[0].json.remote_data as IDataObject).department).toBe('R&D');
		},
	},
	{
		resource: 'user',
		operation: 'update',
		parameters: { id: byId('usr_okta_03'), updateFields: { lastName: 'Nataraj' } },
		method: 'PATCH',
		path: ['users', 'usr_okta_03'],
		query: okta,
		body: { last_name: 'Nataraj' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 'usr_okta_03', first_name: 'Priya', last_name: 'Nataraj' }),
	},
	{
		resource: 'user',
		operation: 'delete',
		parameters: {
			id: byId('usr_okta_04'),
			queryParameters: { removeFrom: 'group', removeFromId: 'grp_support', workspaceId: 'ws_globex_prod' },
		},
		method: 'DELETE',
		path: ['users', 'usr_okta_04'],
		query: { ...okta, remove_from: 'group', remove_from_id: 'grp_support', workspace_id: 'ws_globex_prod' },
		check: (items) => expect(items.map((item) => [item.json.id, item.json.name])).toEqual([['usr_okta_04', 'Marcus Johnson']]),
	},
	{
		resource: 'user',
		operation: 'unassignRole',
		parameters: { id: byId('usr_okta_01'), roleId: byId('rol_super_admin') },
		method: 'POST',
		path: ['users', 'unassign-role'],
		// Truto documents the user and role as query parameters (Slack Enterprise) and in the body (JumpCloud).
		query: { ...okta, id: 'usr_okta_01', roles: [{ id: 'rol_super_admin' }] },
		body: { id: 'usr_okta_01', roles: [{ id: 'rol_super_admin' }] },
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).not.toHaveProperty('result');
			expect(items[0].json).toMatchObject({ id: 'usr_okta_01', roles: [] });
		},
	},
	{
		resource: 'group',
		operation: 'getAll',
		parameters: { returnAll: true },
		method: 'GET',
		path: ['groups'],
		query: okta,
		check: (items) =>
			expect(ids(items)).toEqual(['grp_engineering', 'grp_sales', 'grp_marketing', 'grp_support', 'grp_finance', 'grp_admins']),
	},
	{
		resource: 'group',
		operation: 'get',
		parameters: { id: byId('grp_sales') },
		method: 'GET',
		path: ['groups', 'grp_sales'],
		query: okta,
		check: (items) => expect(items[0].json).toMatchObject({ id: 'grp_sales', name: 'Sales', group_type: 'department' }),
	},
	{
		resource: 'group',
		operation: 'create',
		parameters: { additionalFields: { name: 'Platform', description: 'Infra', groupType: 'team' } },
		method: 'POST',
		path: ['groups'],
		// Truto documents group_type as a query parameter of create.
		query: { ...okta, group_type: 'team' },
		body: { name: 'Platform', description: 'Infra' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 'grp_new_0001', name: 'Platform', group_type: 'team' }),
	},
	{
		resource: 'group',
		operation: 'update',
		parameters: { id: byId('grp_sales'), updateFields: { description: 'Revenue team' } },
		method: 'PATCH',
		path: ['groups', 'grp_sales'],
		query: okta,
		body: { description: 'Revenue team' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 'grp_sales', name: 'Sales', description: 'Revenue team' }),
	},
	{
		resource: 'group',
		operation: 'delete',
		parameters: { id: byId('grp_finance'), queryParameters: { groupType: 'department' } },
		method: 'DELETE',
		path: ['groups', 'grp_finance'],
		query: { ...okta, group_type: 'department' },
		check: (items) => expect(ids(items)).toEqual(['grp_finance']),
	},
	{
		resource: 'group',
		operation: 'removeUser',
		parameters: { id: byId('grp_admins'), userId: byId('usr_okta_02') },
		method: 'POST',
		path: ['groups', 'remove-user'],
		query: okta,
		body: { group_id: 'grp_admins', user_id: 'usr_okta_02' },
		check: (items) => expect(items.map((item) => item.json.name)).toEqual(['Directory Admins']),
	},
	{
		resource: 'role',
		operation: 'getAll',
		parameters: { limit: 2 },
		method: 'GET',
		path: ['roles'],
		query: { ...okta, limit: '2' },
		check: (items) => expect(ids(items)).toEqual(['rol_super_admin', 'rol_org_admin']),
	},
	{
		resource: 'role',
		operation: 'get',
		parameters: { id: byId('rol_help_desk') },
		method: 'GET',
		path: ['roles', 'rol_help_desk'],
		query: okta,
		check: (items) => expect(items[0].json.name).toBe('Help Desk Administrator'),
	},
	{
		resource: 'role',
		operation: 'create',
		parameters: { additionalFields: { name: 'Auditor', description: 'Reads logs', license: 'lic_okta_sso' } },
		method: 'POST',
		path: ['roles'],
		query: okta,
		body: { name: 'Auditor', description: 'Reads logs', license: 'lic_okta_sso' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 'rol_new_0001', name: 'Auditor' }),
	},
	{
		resource: 'role',
		operation: 'update',
		parameters: { id: byId('rol_read_only'), updateFields: { name: 'Viewer' } },
		method: 'PATCH',
		path: ['roles', 'rol_read_only'],
		query: okta,
		body: { name: 'Viewer' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 'rol_read_only', name: 'Viewer' }),
	},
	{
		resource: 'role',
		operation: 'delete',
		parameters: { id: byId('rol_app_admin') },
		method: 'DELETE',
		path: ['roles', 'rol_app_admin'],
		query: okta,
		check: (items) => expect(ids(items)).toEqual(['rol_app_admin']),
	},
	{
		resource: 'organization',
		operation: 'delete',
		account: 'acc_bulk',
		parameters: { id: byId('bulk_org_000001') },
		method: 'DELETE',
		path: ['organizations', 'bulk_org_000001'],
		query: { integrated_account_id: 'acc_bulk' },
		check: (items) => expect(items[0].json).toMatchObject({ id: 'bulk_org_000001', name: 'Bench Org 000001' }),
	},
	{
		resource: 'organization',
		operation: 'get',
		parameters: { id: byId('org_globex') },
		method: 'GET',
		path: ['organizations', 'org_globex'],
		query: okta,
		check: (items) => expect(items[0].json).toMatchObject({ id: 'org_globex', name: 'Globex Corporation' }),
	},
	{
		resource: 'organization',
		operation: 'getAll',
		account: 'acc_bulk',
		parameters: { returnAll: true, filters: { name: 'Bench Org 000003' } },
		method: 'GET',
		path: ['organizations'],
		query: { integrated_account_id: 'acc_bulk', name: 'Bench Org 000003' },
		check: (items) => expect(ids(items)).toEqual(['bulk_org_000003']),
	},
	{
		resource: 'organization',
		operation: 'update',
		account: 'acc_mist',
		parameters: { id: byId('mist_org_1'), updateFields: { remoteData: '{"name":"Acme HQ Wi-Fi"}' } },
		method: 'PATCH',
		path: ['organizations', 'mist_org_1'],
		query: { integrated_account_id: 'acc_mist' },
		body: { remote_data: { name: 'Acme HQ Wi-Fi' } },
		check: (items) => expect(items[0].json).toMatchObject({ id: 'mist_org_1', name: 'Acme HQ Wi-Fi' }),
	},
	{
		resource: 'license',
		operation: 'getAll',
		parameters: { returnAll: true, queryParameters: { organizationId: 'org_globex', product: 'prd_sso' } },
		method: 'GET',
		path: ['licenses'],
		query: { ...okta, organization_id: 'org_globex', product: 'prd_sso' },
		check: (items) => expect(ids(items)).toEqual(['lic_okta_sso', 'lic_okta_mfa', 'lic_okta_lcm']),
	},
	{
		resource: 'license',
		operation: 'get',
		parameters: { id: byId('lic_okta_mfa') },
		method: 'GET',
		path: ['licenses', 'lic_okta_mfa'],
		query: okta,
		check: (items) => expect(items[0].json).toMatchObject({ id: 'lic_okta_mfa', assigned_quantity: 22 }),
	},
	{
		resource: 'workspace',
		operation: 'getAll',
		parameters: { returnAll: true },
		method: 'GET',
		path: ['workspaces'],
		query: okta,
		check: (items) => expect(ids(items)).toEqual(['ws_globex_prod', 'ws_globex_preview']),
	},
	{
		resource: 'workspace',
		operation: 'get',
		parameters: { id: byId('ws_globex_preview') },
		method: 'GET',
		path: ['workspaces', 'ws_globex_preview'],
		query: okta,
		check: (items) => expect(items[0].json).toMatchObject({ name: 'Globex Preview', status: 'inactive' }),
	},
	{
		resource: 'roleAssignment',
		operation: 'getAll',
		parameters: {},
		method: 'GET',
		path: ['role_assignments'],
		query: { ...okta, limit: '50' },
		check: (items) => expect(items).toHaveLength(6),
	},
	{
		resource: 'roleAssignment',
		operation: 'get',
		parameters: { id: byId('ra_okta_02') },
		method: 'GET',
		path: ['role_assignments', 'ra_okta_02'],
		query: okta,
		check: (items) => expect(items[0].json).toMatchObject({ id: 'ra_okta_02', user_id: 'usr_okta_02', role_id: 'rol_org_admin' }),
	},
	{
		resource: 'roleAssignment',
		operation: 'delete',
		parameters: { id: byId('ra_okta_03') },
		method: 'DELETE',
		path: ['role_assignments', 'ra_okta_03'],
		query: okta,
		check: (items) => expect(ids(items)).toEqual(['ra_okta_03']),
	},
	{
		resource: 'activity',
		operation: 'getAll',
		parameters: { limit: 4 },
		method: 'GET',
		path: ['activities'],
		query: { ...okta, limit: '4' },
		check: (items) => expect(ids(items)).toEqual(['act_okta_001', 'act_okta_002', 'act_okta_003', 'act_okta_004']),
	},
	{
		resource: 'activity',
		operation: 'get',
		parameters: { id: byId('act_okta_005') },
		method: 'GET',
		path: ['activities', 'act_okta_005'],
		query: okta,
		check: (items) => expect(items[0].json).toMatchObject({ action: 'user_deactivated', actor: { type: 'system' } }),
	},
	{
		resource: 'me',
		operation: 'get',
		method: 'GET',
		path: ['me'],
		query: okta,
		check: (items) => expect(items.map((item) => [item.json.id, item.json.name])).toEqual([['usr_okta_01', 'Avery Chen']]),
	},
	{
		resource: 'billing',
		operation: 'getAll',
		parameters: { returnAll: true, queryParameters: { organizationId: 'org_globex' } },
		method: 'GET',
		path: ['billing'],
		query: { ...okta, organization_id: 'org_globex' },
		check: (items) => expect(ids(items)).toEqual(['inv_okta_2024_01', 'inv_okta_2024_02', 'inv_okta_2024_03']),
	},
	{
		resource: 'utilization',
		operation: 'getAll',
		parameters: { returnAll: true, queryParameters: { utilizationType: 'actions' } },
		method: 'GET',
		path: ['utilization'],
		query: { ...okta, utilization_type: 'actions' },
		check: (items) => expect(ids(items)).toEqual(['util_okta_actions']),
	},
];

describe.each([
	['as a node', false],
	['as an AI tool', true],
])('every resource and operation, %s', (_mode, asTool) => {
	test.each(cases.map((entry) => [`${entry.resource} ${entry.operation}`, entry] as const))('%s', async (_name, entry) => {
		const { items, error } = await run({
			asTool,
			items: [{ n: 1 }],
			parameters: {
				resource: entry.resource,
				operation: entry.operation,
				integratedAccountId: byId(entry.account ?? 'acc_okta'),
				...entry.parameters,
			},
		});

		expect(error).toBeUndefined();
		expect(mock.requests).toHaveLength(1);
		const [request] = unified();
		expect(request.method).toBe(entry.method);
		expect(request.segments).toEqual(['unified', 'user-directory', ...entry.path]);
		expect(request.query).toEqual(entry.query);
		expect(request.body).toEqual(entry.body);
		entry.check(items);
		expect(items.every((item) => item.binary === undefined)).toBe(true);
		expect(items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
	});
});

test("the cases cover the README's Operations table exactly", () => {
	const covered = cases.map((entry) => `${entry.resource}.${entry.operation}`).sort();
	expect(covered).toEqual(
		[
			'user.create', 'user.delete', 'user.get', 'user.getAll', 'user.update', 'user.unassignRole',
			'group.create', 'group.delete', 'group.get', 'group.getAll', 'group.update', 'group.removeUser',
			'role.create', 'role.delete', 'role.get', 'role.getAll', 'role.update',
			'organization.delete', 'organization.get', 'organization.getAll', 'organization.update',
			'license.get', 'license.getAll',
			'workspace.get', 'workspace.getAll',
			'roleAssignment.delete', 'roleAssignment.get', 'roleAssignment.getAll',
			'activity.get', 'activity.getAll',
			'me.get',
			'billing.getAll',
			'utilization.getAll',
		].sort(),
	);
});

describe('create and update', () => {
	test('update sends only the fields filled in, including a false boolean inside an entry', async () => {
		const { error } = await run({
			parameters: {
				resource: 'user',
				operation: 'update',
				integratedAccountId: byId('acc_okta'),
				id: byId('usr_okta_05'),
				updateFields: { emails: { values: [{ email: 'sofia@globex.com', isPrimary: false, type: '' }] } },
			},
		});

		expect(error).toBeUndefined();
		expect(unified()[0].body).toEqual({ emails: [{ email: 'sofia@globex.com', is_primary: false }] });
	});

	test('fields come from expressions per item; Other Fields may be an object', async () => {
		const { items, error } = await run({
			items: [
				{ name: 'Red', extra: { organization: 'org_globex' } },
				{ name: 'Blue', extra: { description: 'Second' } },
			],
			parameters: {
				resource: 'group',
				operation: 'create',
				integratedAccountId: byId('acc_okta'),
				additionalFields: { name: '={{ $json.name }}', otherFields: '={{ $json.extra }}' },
			},
		});

		expect(error).toBeUndefined();
		expect(unified().map((request) => request.body)).toEqual([
			{ organization: 'org_globex', name: 'Red' },
			{ description: 'Second', name: 'Blue' },
		]);
		expect(items.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['Red', { item: 0 }],
			['Blue', { item: 1 }],
		]);
	});

	test('a custom method answering a bare record is output as it is', async () => {
		mock.inject({
			match: { pathIncludes: 'remove-user' },
			status: 200,
			body: { id: 'grp_admins', name: 'Directory Admins' },
		});
		const { items } = await run({
			parameters: {
				resource: 'group',
				operation: 'removeUser',
				integratedAccountId: byId('acc_okta'),
				id: byId('grp_admins'),
				userId: byId('usr_okta_02'),
			},
		});

		expect(items.map((item) => item.json)).toEqual([{ id: 'grp_admins', name: 'Directory Admins' }]);
	});

	test('a custom method answering an empty body gives an item with the ids sent', async () => {
		mock.inject({ match: { pathIncludes: 'unassign-role' }, status: 200, body: '' });
		const { items } = await run({
			parameters: {
				resource: 'user',
				operation: 'unassignRole',
				integratedAccountId: byId('acc_okta'),
				id: byId('usr_okta_01'),
				roleId: byId('rol_super_admin'),
			},
		});

		expect(items.map((item) => item.json)).toEqual([{ integrated_account_id: 'acc_okta', id: 'usr_okta_01' }]);
	});

	test('the provider rejecting a create is reported with what it needs', async () => {
		const { error } = await run({
			parameters: {
				resource: 'user',
				operation: 'create',
				integratedAccountId: byId('acc_okta'),
				additionalFields: { emails: { values: [{ email: 'x@globex.com' }] } },
			},
		});

		expect(unified()[0].status).toBe(422);
		expect(error?.message).toMatch(/provider rejected the values sent: check the fields of the user/);
		expect(error?.description).toMatch(/first_name, last_name/);
	});
});

describe('other formats', () => {
	test('a get with stream gives the record as a file; as an AI tool, JSON', async () => {
		const parameters = {
			resource: 'role',
			operation: 'get',
			integratedAccountId: byId('acc_okta'),
			id: byId('rol_help_desk'),
			options: { responseFormat: 'stream' },
		};
		const file = await run({ parameters });
		const bytes = Buffer.from(file.items[0].binary?.data.data ?? '', 'base64');
		expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ id: 'rol_help_desk' });

		const tool = await run({ parameters, asTool: true });
		expect(tool.items[0].binary).toBeUndefined();
		expect(tool.items[0].json).toMatchObject({ id: 'rol_help_desk', name: 'Help Desk Administrator' });
	});

	test('raw format and the shared options reach every kind of operation', async () => {
		const { items } = await run({
			parameters: {
				resource: 'user',
				operation: 'getAll',
				integratedAccountId: byId('acc_okta'),
				limit: 1,
				options: { responseFormat: 'raw', excludeFields: 'credentials', remoteQuery: '{"search":"x"}' },
			},
		});

		expect(unified()[0].query).toEqual({
			...okta,
			limit: '1',
			truto_response_format: 'raw',
			truto_exclude_fields: ['credentials'],
			remote_query: { search: 'x' },
		});
		expect(items[0].json).toMatchObject({ id: 'usr_okta_01', status: 'ACTIVE', remote_query: { search: 'x' } });
	});
});
