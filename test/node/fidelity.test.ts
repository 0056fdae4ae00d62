// Every request matches Truto's API reference: the catalog held against the
// table of docs/truto-api.md, and the places where the node once differed.
import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { resources, trutoOptions, type Operation, type Resource } from '../../nodes/TrutoUserDirectory/catalog';
import { COMMON_QUERY, referenceRows } from '../mock/reference';
import { byId, runAgainst, unifiedRequests, useMockTruto } from './support';

/** What the node can send for an operation, read from the catalog alone. */
function wireForm(resource: Resource, operation: Operation) {
	const query = new Set<string>();
	const body = new Set<string>();
	const keyOf = (field: { key?: string; shape?: string }) => (field.shape === 'merge' || field.shape === 'pairs' ? undefined : field.key);
	for (const field of [...(operation.query ?? []), ...(operation.filters ?? [])]) {
		const key = keyOf(field);
		if (key) query.add(key);
	}
	for (const field of operation.fields ?? []) {
		const key = keyOf(field);
		if (key) (field.inQuery ? query : body).add(key);
	}
	const place = (key: string, placement = 'body') => {
		if (placement !== 'query') body.add(key);
		if (placement !== 'body') query.add(key);
	};
	if (operation.idKey) place(operation.idKey, operation.idPlacement);
	for (const ref of operation.refs ?? []) place(ref.key, ref.placement);
	const suffix = operation.kind === 'custom' ? `/${operation.customPath}` : operation.idInPath ? '/{id}' : '';
	const format = trutoOptions.find((option) => option.key === 'truto_response_format');
	return {
		http: operation.method,
		path: `/${resource.path}${suffix}`,
		query: [...query].sort(),
		body: [...body].sort(),
		formats: (format?.options as INodePropertyOptions[]).map((option) => String(option.value)).sort(),
	};
}

describe("the catalog against Truto's reference (docs/truto-api.md)", () => {
	const rows = referenceRows();
	const operations = resources.flatMap((resource) => resource.operations.map((operation) => ({ resource, operation })));

	test('every operation of the node has a row, and every row an operation', () => {
		const names = operations.map(({ resource, operation }) => `${resource.value}.${operation.value}`).sort();
		expect(rows.map((row) => row.operation).sort()).toEqual(names);
	});

	test.each(operations.map(({ resource, operation }) => [`${resource.value}.${operation.value}`, resource, operation] as const))(
		'%s sends what the reference documents, where it documents it',
		(name, resource, operation) => {
			const row = rows.find((candidate) => candidate.operation === name)!;
			expect(wireForm(resource, operation)).toEqual({
				http: row.http,
				path: row.path,
				query: [...row.query].sort(),
				body: [...row.body].sort(),
				formats: [...row.formats].sort(),
			});
			expect(row.docs).toMatch(/^https:\/\/truto\.one\/docs\/api-reference\/unified-user-directory-api\//);
			for (const key of row.query) expect(COMMON_QUERY.has(key)).toBe(false);
		},
	);
});

describe('the places where the node differed from the reference', () => {
	const mock = useMockTruto();
	const okta = { integratedAccountId: byId('acc_okta') };
	const run = (parameters: INodeParameters, account = okta) =>
		runAgainst(mock, { parameters: { ...account, ...parameters }, onError: 'continueRegularOutput' });

	test('Groups → Create sends group_type as a query parameter, the group in the body', async () => {
		const { items } = await run({ resource: 'group', operation: 'create', additionalFields: { name: 'Ops', groupType: 'team' } });
		const [request] = unifiedRequests(mock);
		expect(request.query).toMatchObject({ group_type: 'team' });
		expect(request.body).toEqual({ name: 'Ops' });
		expect(items[0].json).toMatchObject({ name: 'Ops', group_type: 'team' });
	});

	test('the mock refuses a field sent where the reference does not put it, as Truto does', async () => {
		const response = await fetch(`${mock.url}/unified/user-directory/groups?integrated_account_id=acc_okta`, {
			method: 'POST',
			headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'Ops', group_type: 'team' }),
		});
		expect(response.status).toBe(400);
		expect((await response.json()).message).toMatch(/"group_type" is a query parameter of this method/);
	});

	test('Users → Unassign Role sends id, roles and workspace_id as query parameters (and id, roles in the body)', async () => {
		const { items } = await run({
			resource: 'user',
			operation: 'unassignRole',
			id: byId('usr_okta_01'),
			roleId: byId('rol_super_admin'),
			queryParameters: { workspaceId: 'ws_globex_prod' },
		});
		const [request] = unifiedRequests(mock);
		expect(request.rawQuery).toContain('id=usr_okta_01');
		expect(request.query).toMatchObject({ id: 'usr_okta_01', roles: [{ id: 'rol_super_admin' }], workspace_id: 'ws_globex_prod' });
		expect(request.body).toEqual({ id: 'usr_okta_01', roles: [{ id: 'rol_super_admin' }] });
		expect(items[0].json.id).toBe('usr_okta_01');
	});

	describe("capabilities in either documented shape; any other shape is skipped with a notice", () => {
		const check = { options: { checkCapabilities: true } };
		const hints = (result: Awaited<ReturnType<typeof run>>) =>
			(result.run.data.resultData.runData['Truto User Directory']?.[0]?.hints ?? []).map((hint) => hint.message);

		test("the reference's shape: a standard method the integration lacks is stopped before it is sent", async () => {
			mock.quirks.capabilities = 'reference';
			const result = await run({ resource: 'organization', operation: 'delete', id: byId('org_globex'), ...check });
			expect(result.items[0].json.error).toMatch(/does not support 'Delete' on organizations\. For organizations it supports: Get Many, Get\./);
			expect(unifiedRequests(mock)).toHaveLength(0);
		});

		test("the reference's shape: a custom method cannot be checked, so it is sent, with a notice", async () => {
			mock.quirks.capabilities = 'reference';
			const result = await run({ resource: 'group', operation: 'removeUser', id: byId('grp_admins'), userId: byId('usr_okta_01'), ...check });
			expect(result.items[0].json.error).toBeUndefined();
			expect(unifiedRequests(mock)).toHaveLength(1);
			expect(hints(result)).toEqual([expect.stringMatching(/could not check 'Remove User' on groups: Truto lists only the standard methods/)]);
		});

		test("the guides' shape: a custom method is recognised by its Truto name", async () => {
			const result = await run({ resource: 'group', operation: 'removeUser', id: byId('grp_admins'), userId: byId('usr_okta_01'), ...check });
			expect(result.items[0].json.error).toBeUndefined();
			expect(hints(result)).toEqual([]);
		});

		test('an answer of another shape neither passes nor blocks silently: the call goes out with a notice', async () => {
			mock.quirks.capabilities = 'other';
			const result = await run({ resource: 'user', operation: 'get', id: byId('usr_okta_01'), ...check });
			expect(result.items[0].json.id).toBe('usr_okta_01');
			expect(hints(result)).toEqual([expect.stringMatching(/Check Capabilities was skipped: .* a form the node does not know/)]);
		});
	});

	test('503 means the account is blocked: not retried, and the message says what to do', async () => {
		mock.quirks.blocked = ['acc_okta'];
		const { items } = await run({ resource: 'user', operation: 'get', id: byId('usr_okta_01'), options: { maxRetries: 5 } });
		expect(items[0].json.error).toMatch(/Truto has blocked integrated account "acc_okta": contact Truto support/);
		expect(unifiedRequests(mock)).toHaveLength(1);
	});

	test('the email filter finds the user by address', async () => {
		const { items } = await run({ resource: 'user', operation: 'getAll', returnAll: true, filters: { email: 'avery.chen@globex.com' } });
		expect(items.map((item) => item.json.id)).toEqual(['usr_okta_01']);
	});

	test.each([
		['Users → Get: product and user type', { resource: 'user', operation: 'get', id: byId('usr_okta_01'), queryParameters: { product: 'teams', userType: 'end_user', groupId: 'grp_sales' } }, { product: 'teams', user_type: 'end_user', group_id: 'grp_sales' }],
		['Users → Update: the query parameters of the page', { resource: 'user', operation: 'update', id: byId('usr_okta_01'), updateFields: { title: 'x', firstName: 'Ava' }, queryParameters: { organizationId: 'o1', workspace: 'w', userId: 'u1' } }, { organization_id: 'o1', workspace: 'w', user_id: 'u1' }],
		['Users → Delete: emails as email entries', { resource: 'user', operation: 'delete', id: byId('usr_okta_03'), queryParameters: { emails: 'a@globex.com' } }, { emails: [{ email: 'a@globex.com' }] }],
		['Users → Get Many: the email filter as email entries', { resource: 'user', operation: 'getAll', filters: { email: 'avery.chen@globex.com' } }, { emails: [{ email: 'avery.chen@globex.com' }] }],
		['Groups → Get Many: type and organization', { resource: 'group', operation: 'getAll', filters: { groupType: 'department', organizationId: 'org_globex' } }, { group_type: 'department', organization_id: 'org_globex' }],
		['Licenses → Get: organizations and include_assigned_to', { resource: 'license', operation: 'get', id: byId('lic_okta_sso'), queryParameters: { organizations: 'org_globex', includeAssignedTo: 'user' } }, { organizations: 'org_globex', include_assigned_to: 'user' }],
		['Workspaces → Get Many: organization', { resource: 'workspace', operation: 'getAll', filters: { organizationId: 'org_globex', status: 'active' } }, { organization_id: 'org_globex', status: 'active' }],
		['Activities → Get Many: action', { resource: 'activity', operation: 'getAll', filters: { action: 'login' } }, { action: 'login' }],
		['Utilization → Get Many: created_at as a plain date', { resource: 'utilization', operation: 'getAll', queryParameters: { utilizationType: 'user_activity', createdAt: '2026-01-02T00:00:00.000Z' } }, { utilization_type: 'user_activity', created_at: '2026-01-02T00:00:00.000Z' }],
	])('%s', async (_what, parameters, expected) => {
		await run(parameters as INodeParameters);
		const [request] = unifiedRequests(mock);
		expect(request.query).toMatchObject(expected);
	});

	test('Response Format offers every documented value, and only those', () => {
		const format = trutoOptions.find((option) => option.key === 'truto_response_format');
		const offered = (format?.options as INodePropertyOptions[]).map((option) => option.value).sort();
		for (const row of referenceRows()) expect([...row.formats].sort()).toEqual(offered);
		expect(offered).toEqual(['normalized', 'raw', 'stream', 'unified']);
	});
});
