import type { INode, INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';

const node = new TrutoUserDirectory();
const { description } = node;

/** The parameters n8n shows (with their defaults) for these values. */
function shown(values: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(description.properties, values, true, false, { typeVersion: 1 }, description) ?? {};
}

/** The property n8n shows under `name` for these values. */
function property(values: INodeParameters, name: string): INodeProperties {
	const found = description.properties.find(
		(candidate) =>
			candidate.name === name && NodeHelpers.displayParameter(values, candidate, { typeVersion: 1 }, description),
	);
	if (!found) throw new Error(`${name} is not shown for ${JSON.stringify(values)}`);
	return found;
}

function operations(resource: string): INodePropertyOptions[] {
	return property({ resource }, 'operation').options as INodePropertyOptions[];
}

const table: Record<string, string[]> = {
	activity: ['get', 'getAll'],
	billing: ['getAll'],
	group: ['create', 'delete', 'get', 'getAll', 'removeUser', 'update'],
	license: ['get', 'getAll'],
	me: ['get'],
	organization: ['delete', 'get', 'getAll', 'update'],
	role: ['create', 'delete', 'get', 'getAll', 'update'],
	roleAssignment: ['delete', 'get', 'getAll'],
	user: ['create', 'delete', 'get', 'getAll', 'unassignRole', 'update'],
	utilization: ['getAll'],
	workspace: ['get', 'getAll'],
};

describe('resources and operations', () => {
	test("the resources and operations are those of the README's Operations table", () => {
		const resources = property({}, 'resource').options as INodePropertyOptions[];
		expect(resources.map((option) => option.value).sort()).toEqual(Object.keys(table).sort());
		for (const [resource, values] of Object.entries(table)) {
			expect(operations(resource).map((option) => option.value).sort()).toEqual(values);
		}
	});

	test('version 1 still opens on Delete Organization, so saved workflows keep what they do', () => {
		expect(shown({})).toMatchObject({ resource: 'organization', operation: 'delete' });
	});

	test('action labels follow the UX guidelines', () => {
		const actions = Object.keys(table).flatMap((resource) => operations(resource).map((option) => option.action));
		expect(actions.sort()).toEqual(
			[
				'Create a group',
				'Create a role',
				'Create a user',
				'Delete a group',
				'Delete a role',
				'Delete a role assignment',
				'Delete a user',
				'Delete an organization',
				'Get a group',
				'Get a license',
				'Get a role',
				'Get a role assignment',
				'Get a user',
				'Get a workspace',
				'Get an activity',
				'Get an organization',
				'Get many activities',
				'Get many billing records',
				'Get many groups',
				'Get many licenses',
				'Get many organizations',
				'Get many role assignments',
				'Get many roles',
				'Get many users',
				'Get many utilization records',
				'Get many workspaces',
				'Get the connected user',
				'Remove a user from a group',
				'Unassign a role from a user',
				'Update a group',
				'Update a role',
				'Update a user',
				'Update an organization',
			].sort(),
		);
	});

	test("as an agent's tool, each operation is described by its action", () => {
		for (const resource of Object.keys(table)) {
			for (const option of operations(resource)) {
				const tool = { parameters: { resource, operation: option.value } } as unknown as INode;
				expect(NodeHelpers.getToolDescriptionForNode(tool, node)).toBe(`${option.action} in Truto User Directory`);
			}
		}
	});

	test('every operation tells an agent what it does and what it needs; deletes say they delete', () => {
		for (const resource of Object.keys(table)) {
			for (const option of operations(resource)) {
				expect(option.description).toMatch(/^[A-Z].*\.$/s);
				expect(option.description).toContain('Needs: Integrated Account');
				if (option.value === 'delete') expect(option.description).toMatch(/Permanently deletes .*cannot be undone/);
			}
		}
		const names = Object.keys(table).flatMap((resource) => operations(resource).map((option) => option.name));
		expect([...new Set(names)].sort()).toEqual(['Create', 'Delete', 'Get', 'Get Many', 'Remove User', 'Unassign Role', 'Update']);
	});
});

describe('parameters shown per operation', () => {
	test('Delete Organization keeps its parameters', () => {
		expect(Object.keys(shown({ resource: 'organization', operation: 'delete' }))).toEqual([
			'resource',
			'operation',
			'integratedAccountId',
			'id',
			// The notice that a delete cannot be undone (shows only, sends nothing).
			'deleteNotice',
			'queryParameters',
			'options',
		]);
		const options = property({ resource: 'organization', operation: 'delete' }, 'options').options as INodeProperties[];
		expect(options.map((option) => option.name)).toEqual(
			expect.arrayContaining(['responseFormat', 'excludeRemoteData', 'excludeFields', 'remoteQuery']),
		);
	});

	test('Get Many: Return All (false) and Limit (50, at least 1); Limit hides with Return All', () => {
		for (const [resource, values] of Object.entries(table)) {
			if (!values.includes('getAll')) continue;
			expect(shown({ resource, operation: 'getAll' })).toMatchObject({ returnAll: false, limit: 50 });
			expect(shown({ resource, operation: 'getAll', returnAll: true })).not.toHaveProperty('limit');
			expect(property({ resource, operation: 'getAll', returnAll: false }, 'limit').typeOptions).toEqual({ minValue: 1, maxValue: 100000 });
		}
		expect(shown({ resource: 'user', operation: 'get' })).not.toHaveProperty('returnAll');
		expect(shown({ resource: 'me', operation: 'get' })).not.toHaveProperty('returnAll');
	});

	test('me needs no record; custom methods need their second record', () => {
		expect(Object.keys(shown({ resource: 'me', operation: 'get' }))).toEqual([
			'resource',
			'operation',
			'integratedAccountId',
			'queryParameters',
			'options',
		]);
		expect(shown({ resource: 'user', operation: 'unassignRole' })).toHaveProperty('roleId');
		expect(property({ resource: 'user', operation: 'unassignRole' }, 'roleId').displayName).toBe('Role');
		expect(property({ resource: 'group', operation: 'removeUser' }, 'id').displayName).toBe('Group');
		expect(property({ resource: 'group', operation: 'removeUser' }, 'userId').displayName).toBe('User');
	});

	test('create has Additional Fields, update has Update Fields, lists have Filters', () => {
		expect(shown({ resource: 'user', operation: 'create' })).toHaveProperty('additionalFields');
		expect(shown({ resource: 'user', operation: 'create' })).not.toHaveProperty('updateFields');
		expect(shown({ resource: 'user', operation: 'update' })).toHaveProperty('updateFields');
		const userFields = property({ resource: 'user', operation: 'create' }, 'additionalFields').options as INodeProperties[];
		expect(userFields.map((field) => field.displayName)).toEqual([
			'Description',
			'Emails',
			'First Name',
			'Group IDs',
			'Languages',
			'Last Name',
			'Name',
			'Other Fields (JSON)',
			'Password',
			'Phones',
			'Remote Data',
		]);
		const filters = property({ resource: 'user', operation: 'getAll' }, 'filters').options as INodeProperties[];
		expect(filters.map((field) => field.name)).toEqual(
			expect.arrayContaining(['email', 'firstName', 'lastName', 'status', 'groupId', 'organizationId', 'workspaceId', 'sortBy', 'createdAfter']),
		);
	});

	test('Key By and Ignore Limit are offered only for Get Many; Check Capabilities everywhere, off', () => {
		const names = (values: INodeParameters) =>
			(property(values, 'options').options as INodeProperties[]).map((option) => option.name);
		expect(names({ resource: 'user', operation: 'getAll' })).toEqual(expect.arrayContaining(['keyBy', 'ignoreLimit']));
		for (const values of [
			{ resource: 'user', operation: 'get' },
			{ resource: 'me', operation: 'get' },
			{ resource: 'organization', operation: 'delete' },
		]) {
			expect(names(values)).not.toContain('keyBy');
			expect(names(values)).not.toContain('ignoreLimit');
		}
		const check = (property({ resource: 'role', operation: 'update' }, 'options').options as INodeProperties[]).find(
			(option) => option.name === 'checkCapabilities',
		);
		expect(check?.default).toBe(false);
	});

	test('no two shown parameters share a name, with Return All on or off', () => {
		for (const [resource, values] of Object.entries(table)) {
			for (const operation of values) {
				for (const returnAll of [false, true]) {
					const current = { resource, operation, returnAll };
					const names = description.properties
						.filter((candidate) => NodeHelpers.displayParameter(current, candidate, { typeVersion: 1 }, description))
						.map((candidate) => candidate.name);
					expect(names.length).toBe(new Set(names).size);
				}
			}
		}
	});

	test('every record picker searches with a method the node has', () => {
		const pickers = description.properties.filter((candidate) => candidate.type === 'resourceLocator');
		expect(pickers.length).toBeGreaterThan(8);
		for (const picker of pickers) {
			const list = picker.modes?.find((mode) => mode.name === 'list');
			const method = list?.typeOptions?.searchListMethod as string;
			expect(typeof node.methods.listSearch[method]).toBe('function');
			expect(list?.typeOptions?.searchable).toBe(true);
		}
	});
});

describe('versions', () => {
	const latest = description.defaultVersion as number;
	const at = (values: INodeParameters, typeVersion: number) =>
		NodeHelpers.getNodeParameters(description.properties, values, true, false, { typeVersion }, description) ?? {};

	test('new nodes get the newest version, which opens on Organization → Get Many', () => {
		expect(description.version).toEqual([1, 1.1]);
		expect(latest).toBe(1.1);
		expect(at({}, latest)).toMatchObject({ resource: 'organization', operation: 'getAll' });
	});

	test('in the newest version no resource opens on a Delete', () => {
		for (const resource of Object.keys(table)) {
			const operation = at({ resource }, latest).operation;
			expect([resource, operation]).toEqual([resource, expect.not.stringMatching(/^delete$/)]);
		}
	});

	test('both versions offer the same operations, and an explicit choice means the same in both', () => {
		for (const [resource, values] of Object.entries(table)) {
			for (const typeVersion of [1, latest]) {
				const list = description.properties.find(
					(candidate) =>
						candidate.name === 'operation' &&
						NodeHelpers.displayParameter({ resource }, candidate, { typeVersion }, description),
				);
				expect((list?.options as INodePropertyOptions[]).map((option) => option.value).sort()).toEqual(values);
				expect(at({ resource, operation: 'delete' }, typeVersion).operation).toBe('delete');
			}
		}
	});
});
