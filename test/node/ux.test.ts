// The node as n8n users expect it (node version 1.1): short records by default,
// a Sort parameter, filters picked from lists, a notice on deletes, a subtitle in
// words, a placeholder on every text field, and nothing nested more than two deep.
import type { INodeParameters, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { TrutoUserDirectory } from '../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { byId, runAgainst, unifiedRequests, useMockTruto } from './support';

const { description } = new TrutoUserDirectory();
const LATEST = description.defaultVersion as number;
const mock = useMockTruto();

function run(parameters: INodeParameters, typeVersion = LATEST) {
	return runAgainst(mock, {
		parameters: { integratedAccountId: byId('acc_okta'), ...parameters },
		typeVersion,
		onError: 'continueRegularOutput',
	});
}

/** Every property n8n shows on the newest version for these values. */
function shown(values: INodeParameters) {
	return description.properties.filter((p) => NodeHelpers.displayParameter(values, p, { typeVersion: LATEST }, description));
}

describe('Simplify', () => {
	test('on by default: a user comes back in its short form, the primary email as one field', async () => {
		const { items } = await run({ resource: 'user', operation: 'get', id: byId('usr_okta_01') });
		expect(items[0].json).toEqual({
			id: 'usr_okta_01',
			name: 'Avery Chen',
			first_name: 'Avery',
			last_name: 'Chen',
			email: 'avery.chen@globex.com',
			username: expect.any(String),
			title: expect.any(String),
			status: 'active',
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
	});

	test('off: the whole record; on version 1 (saved workflows): the whole record, as before', async () => {
		const off = await run({ resource: 'user', operation: 'get', id: byId('usr_okta_01'), simplify: false });
		const v1 = await run({ resource: 'user', operation: 'get', id: byId('usr_okta_01') }, 1);
		for (const { items } of [off, v1]) {
			expect(items[0].json).toHaveProperty('emails');
			expect(items[0].json).toHaveProperty('remote_data');
		}
	});

	test("as an AI agent's tool, records come short too, fit for a model's context", async () => {
		const { items } = await runAgainst(mock, {
			parameters: { integratedAccountId: byId('acc_okta'), resource: 'user', operation: 'getAll', limit: 5 },
			typeVersion: LATEST,
			asTool: true,
		});
		expect(items).toHaveLength(5);
		for (const item of items) {
			expect(Object.keys(item.json).length).toBeLessThanOrEqual(10);
			expect(item.json).not.toHaveProperty('remote_data');
		}
	});

	test('Get Many: every record short; the raw format is left whole', async () => {
		const list = await run({ resource: 'group', operation: 'getAll', limit: 3 });
		expect(list.items.map((item) => Object.keys(item.json).sort())).toEqual(
			list.items.map(() => ['created_at', 'description', 'group_type', 'id', 'name', 'organization', 'updated_at'].filter((key) => key in list.items[0].json).sort()),
		);
		expect(list.items[0].json).not.toHaveProperty('remote_data');
		const raw = await run({ resource: 'group', operation: 'getAll', limit: 1, options: { responseFormat: 'raw' } });
		expect(Object.keys(raw.items[0].json).length).toBeGreaterThan(3);
	});
});

describe('parameters of version 1.1', () => {
	test('Sort sends sort_by[field]=direction', async () => {
		await run({ resource: 'user', operation: 'getAll', limit: 5, sort: { field: 'name', direction: 'desc' } });
		expect(unifiedRequests(mock)[0].query).toMatchObject({ sort_by: { name: 'desc' } });
	});

	test('a group filter picked from the list sends the picked ID', async () => {
		await run({ resource: 'user', operation: 'getAll', returnAll: true, filters: { groupId: { __rl: true, mode: 'list', value: 'grp_sales' } } });
		expect(unifiedRequests(mock)[0].query).toMatchObject({ group_id: 'grp_sales' });
	});

	test('ID filters offer From list and By ID', () => {
		const filters = shown({ resource: 'user', operation: 'getAll' }).find((p) => p.name === 'filters')!;
		const kinds = Object.fromEntries((filters.options as INodeProperties[]).map((option) => [option.name, option.type]));
		expect(kinds).toMatchObject({ groupId: 'resourceLocator', organizationId: 'resourceLocator', workspaceId: 'resourceLocator' });
		const roleFilters = shown({ resource: 'roleAssignment', operation: 'getAll' }).find((p) => p.name === 'filters')!;
		expect((roleFilters.options as INodeProperties[]).find((option) => option.name === 'roleId')?.type).toBe('resourceLocator');
	});

	test("a user's emails and phones are parameters of their own, sent in the body", async () => {
		const names = shown({ resource: 'user', operation: 'create' }).map((p) => p.name);
		expect(names).toEqual(expect.arrayContaining(['emails', 'phones']));
		await run({ resource: 'user', operation: 'create', emails: { values: [{ email: 'new@globex.com', isPrimary: true }] }, additionalFields: { firstName: 'New', lastName: 'Person' } });
		expect(unifiedRequests(mock)[0].body).toEqual({ emails: [{ email: 'new@globex.com', is_primary: true }], first_name: 'New', last_name: 'Person' });
	});

	test('every Delete shows that it cannot be undone', () => {
		for (const resource of ['user', 'group', 'role', 'organization', 'roleAssignment']) {
			const notice = shown({ resource, operation: 'delete' }).find((p) => p.type === 'notice');
			expect(notice?.displayName).toMatch(/cannot be undone/);
		}
	});

	test('the subtitle reads like n8n\'s own nodes: "Delete: Organization"', () => {
		const maps = [...String(description.subtitle).matchAll(/\((\{.*?\})\)/g)].map((match) => JSON.parse(match[1]));
		expect(maps[0].delete).toBe('Delete');
		expect(maps[0].getAll).toBe('Get Many');
		expect(maps[1].organization).toBe('Organization');
		expect(maps[1].roleAssignment).toBe('Role Assignment');
	});

	test('Max Retries explains how it adds to n8n\'s Retry On Fail', () => {
		const options = shown({ resource: 'organization', operation: 'delete' }).find((p) => p.name === 'options')!;
		const retries = (options.options as INodeProperties[]).find((option) => option.name === 'maxRetries');
		expect(retries?.description).toMatch(/Retry On Fail/);
	});
});

describe('every field, on the newest version', () => {
	/** Every property and nested option with its depth (a top-level parameter is 1). */
	function walk(properties: INodeProperties[], depth = 1): Array<{ property: INodeProperties; depth: number }> {
		return properties.flatMap((property) => {
			const own = [{ property, depth }];
			const children = (property.options ?? []).flatMap((option) => {
				if ('values' in option) return walk((option as INodePropertyCollection).values, depth + 1);
				if ('type' in option) return walk([option as INodeProperties], depth + 1);
				return [];
			});
			return [...own, ...children];
		});
	}
	const latest = description.properties.filter(
		(p) => !p.displayOptions?.show?.['@version'] || NodeHelpers.displayParameter({}, { ...p, displayOptions: { show: { '@version': p.displayOptions.show['@version'] } } }, { typeVersion: LATEST }, description),
	);

	test('no option is more than two levels deep', () => {
		const deep = walk(latest).filter(({ depth }) => depth > 2);
		expect(deep.map(({ property }) => property.name)).toEqual([]);
	});

	test('every free-text field has a placeholder', () => {
		const bare = walk(latest)
			.map(({ property }) => property)
			.filter((p) => (p.type === 'string' || p.type === 'json') && !p.typeOptions?.password && !p.placeholder);
		expect(bare.map((p) => `${p.displayName} (${p.name})`)).toEqual([]);
	});
});
