import type { INodePropertyOptions } from 'n8n-workflow';

import type { FieldSpec } from './types';

function camelCase(key: string): string {
	return key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Examples shown in empty text fields, by the key they are sent as. */
const EXAMPLES: Record<string, string> = {
	actor_id: 'e.g. usr_123',
	description: 'e.g. Everyone in the sales team',
	extension: 'e.g. 42',
	first_name: 'e.g. Ada',
	group_id: 'e.g. grp_123',
	last_name: 'e.g. Lovelace',
	license: 'e.g. lic_123',
	name: 'e.g. Sales',
	organization_id: 'e.g. org_123',
	organizations: 'e.g. org_123',
	remove_from_id: 'e.g. grp_123',
	role_id: 'e.g. rol_123',
	user_id: 'e.g. usr_123',
	workspace: 'e.g. Sales workspace',
	workspace_id: 'e.g. ws_123',
};

/** A text field sent as `key`; its parameter name is `key` in camelCase unless `extra` gives one. */
export function text(displayName: string, key: string, description: string, extra: Partial<FieldSpec> = {}): FieldSpec {
	const field: FieldSpec = { displayName, name: camelCase(key), key, type: 'string', default: '', description };
	if (EXAMPLES[key]) field.placeholder = EXAMPLES[key];
	return { ...field, ...extra };
}

/** A choice among `options`, sent as `key`. */
export function choice(
	displayName: string,
	key: string,
	description: string,
	options: INodePropertyOptions[],
): FieldSpec {
	const first = options[0].value;
	return { displayName, name: camelCase(key), key, type: 'options', default: first, description, options };
}

/** Options for documented values, named in words ("service-account" → "Service Account"). */
export function choices(...values: string[]): INodePropertyOptions[] {
	return values.map((value) => ({
		name: value.replace(/[-_]/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase()),
		value,
	}));
}

/** A comma-separated list of IDs sent as objects (`[{id: "a"}, {id: "b"}]`). */
export function idList(displayName: string, key: string, description: string, itemKey = 'id'): FieldSpec {
	return text(displayName, key, description, { shape: 'list', itemKey, placeholder: 'e.g. id_1,id_2' });
}

/** Fields that several operations share. */

export const remoteData: FieldSpec = {
	displayName: 'Remote Data',
	name: 'remoteData',
	key: 'remote_data',
	type: 'json',
	default: '',
	description:
		'JSON object passed to the provider as-is, for provider fields that have no unified field (remote_data)',
	placeholder: 'e.g. {"department": "Sales"}',
};

export const otherFields: FieldSpec = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFields',
	type: 'json',
	default: '',
	shape: 'merge',
	description:
		'JSON object merged into the request body as it is, for unified fields not listed here. Fields set one by one take precedence.',
	placeholder: 'e.g. {"title": "Engineer"}',
};

/** Every operation's escape hatch for integration-specific query parameters (version 1: name/value pairs). */
export const otherParameters: FieldSpec = {
	displayName: 'Other Parameters',
	versions: 'v1',
	name: 'otherParameters',
	type: 'fixedCollection',
	default: {},
	shape: 'pairs',
	typeOptions: { multipleValues: true },
	description:
		'Further query parameters, for example ones a single integration needs. A value from an expression may be an object or an array (sent in brackets).',
	placeholder: 'Add Parameter',
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'Query parameter name, as Truto documents it',
			placeholder: 'e.g. organization_id',
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			description: 'Value of the parameter',
		},
	],
};

/** From version 1.1: further query parameters as one JSON object (no list inside a collection). */
export const otherQuery: FieldSpec = {
	displayName: 'Other Parameters (JSON)',
	name: 'otherQuery',
	type: 'json',
	default: '',
	shape: 'merge',
	versions: 'v1.1+',
	description:
		'Further query parameters as a JSON object, for example ones a single integration needs. Objects and arrays are sent in brackets; a name may hold brackets itself ("created_at[gt]").',
	placeholder: 'e.g. {"remove_from": "group"}',
};

/** The escape hatches every operation has for query parameters the node has no field for. */
export const otherQueryFields: FieldSpec[] = [otherParameters, otherQuery];

/** Truto's date filters, accepted by every unified list (ISO 8601): [display name, name, key, operator, what]. */
const dates: Array<[string, string, string, string, string]> = [
	['Created After', 'createdAfter', 'created_at', 'gt', 'created after'],
	['Created Before', 'createdBefore', 'created_at', 'lt', 'created before'],
	['Updated After', 'updatedAfter', 'updated_at', 'gt', 'changed after'],
	['Updated Before', 'updatedBefore', 'updated_at', 'lt', 'changed before'],
];

export const dateFilters: FieldSpec[] = dates.map(([displayName, name, key, operator, what]) => ({
	displayName,
	name,
	key,
	operator,
	type: 'dateTime',
	default: '',
	description: `Only records ${what} this time (${key}[${operator}])`,
}));

export const sortBy: FieldSpec = {
	displayName: 'Sort By',
	name: 'sortBy',
	key: 'sort_by',
	type: 'json',
	default: '',
	description: 'JSON object of field and direction (sort_by[field]=asc|desc)',
	placeholder: 'e.g. {"created_at": "desc"}',
};

export const organizationId = text(
	'Organization ID',
	'organization_id',
	'The organization to act in (organization_id), for integrations that need one',
);

export const workspaceId = text(
	'Workspace ID',
	'workspace_id',
	'The workspace to act in (workspace_id), for integrations that need one',
);

export const groupId = text('Group ID', 'group_id', 'The group to act in (group_id), for integrations that need one');

export const userId = text('User ID', 'user_id', 'The user to act on (user_id), for integrations that need one');

export const description = text('Description', 'description', 'Free text describing the record');

export const name = text('Name', 'name', 'Display name');
