import type { INodeParameters } from 'n8n-workflow';

import { byId, runAgainst, useMockTruto } from './support';

const mock = useMockTruto();
const account = { integratedAccountId: byId('acc_okta') };
const entries = (...values: INodeParameters[]) => ({ values });

function run(parameters: INodeParameters) {
	return runAgainst(mock, { parameters: { ...account, ...parameters } });
}

describe('bad input fails the item before anything is sent, naming the field', () => {
	test.each([
		[
			'an update with nothing to change',
			{ resource: 'user', operation: 'update', id: byId('usr_okta_01'), updateFields: {} },
			/Nothing to update: 'Update Fields' is empty/,
		],
		[
			'an update whose only field is empty',
			{ resource: 'group', operation: 'update', id: byId('grp_sales'), updateFields: { name: '' } },
			/Nothing to update/,
		],
		[
			'an email entry without an address',
			{ resource: 'user', operation: 'create', additionalFields: { emails: entries({ email: 'a@globex.com' }, { email: '', type: 'work' }) } },
			/'Email' is empty in entry 2 of the 'Emails' field in 'Additional Fields'/,
		],
		[
			'a phone entry without a number',
			{ resource: 'user', operation: 'update', id: byId('usr_okta_01'), updateFields: { phones: entries({ type: 'mobile' }) } },
			/'Number' is empty in entry 1 of the 'Phones' field in 'Update Fields'/,
		],
		[
			'Other Fields that are not JSON',
			{ resource: 'role', operation: 'create', additionalFields: { otherFields: '{name:' } },
			/The 'Other Fields \(JSON\)' field in 'Additional Fields' is not valid JSON/,
		],
		[
			'Remote Data that is an array',
			{ resource: 'organization', operation: 'update', id: byId('org_globex'), updateFields: { remoteData: '[1]' } },
			/The 'Remote Data' field in 'Update Fields' must be a JSON object/,
		],
		[
			'a query parameter without a name',
			{ resource: 'user', operation: 'get', id: byId('usr_okta_01'), queryParameters: { otherParameters: entries({ name: '', value: 'x' }) } },
			/'Name' is empty in entry 1 of the 'Other Parameters' field in 'Query Parameters'/,
		],
		[
			'the account id among the query parameters',
			{ resource: 'user', operation: 'get', id: byId('usr_okta_01'), queryParameters: { otherParameters: entries({ name: 'integrated_account_id', value: 'acc_mist' }) } },
			/query parameter 'integrated_account_id' is set by the node/,
		],
		[
			'unassign role without a role',
			{ resource: 'user', operation: 'unassignRole', id: byId('usr_okta_01'), roleId: byId(' ') },
			/The 'Role' parameter is empty/,
		],
		[
			'remove user without a user',
			{ resource: 'group', operation: 'removeUser', id: byId('grp_sales'), userId: byId('={{ $json.missing }}') },
			/The 'User' parameter is empty/,
		],
		[
			'remove user without a group',
			{ resource: 'group', operation: 'removeUser', id: byId('={{ $json.missing }}'), userId: byId('usr_okta_01') },
			/The 'Group' parameter is empty/,
		],
		[
			'a get with an empty id',
			{ resource: 'workspace', operation: 'get', id: byId('={{ "" }}') },
			/The 'Workspace' parameter is empty/,
		],
		[
			'a role assignment id of ".."',
			{ resource: 'roleAssignment', operation: 'delete', id: byId('..') },
			/The 'Role Assignment' parameter cannot be "\.\."/,
		],
		[
			'an operation the resource does not have',
			{ resource: 'organization', operation: 'create' },
			/The operation 'create' is not available for 'organization'/,
		],
		[
			'a resource that does not exist',
			{ resource: 'team', operation: 'get' },
			/The resource 'team' is not available/,
		],
		[
			'a create with no fields',
			{ resource: 'group', operation: 'create', additionalFields: { name: '' } },
			/Nothing to create: 'Additional Fields' is empty/,
		],
	])('%s', async (_name, parameters, message) => {
		const { error } = await run(parameters as INodeParameters);

		expect(mock.requests).toHaveLength(0);
		expect(error?.message).toMatch(message);
		expect(error?.message).toMatch(/\[item 0\]$/);
	});
});

describe('not errors', () => {
	test('a query parameter with an empty value is left out; an object value is sent in brackets', async () => {
		const { error } = await runAgainst(mock, {
			items: [{ scope: { team: 'core', ids: ['a', 'b'] } }],
			parameters: {
				...account,
				resource: 'user',
				operation: 'get',
				id: byId('usr_okta_01'),
				queryParameters: {
					otherParameters: entries({ name: 'empty', value: '' }, { name: 'scope', value: '={{ $json.scope }}' }),
				},
			},
		});

		expect(error).toBeUndefined();
		expect(mock.requests[0].rawUrl).toContain('scope[team]=core&scope[ids][]=a&scope[ids][]=b');
		expect(mock.requests[0].query).toEqual({ integrated_account_id: 'acc_okta', scope: { team: 'core', ids: ['a', 'b'] } });
	});
});
