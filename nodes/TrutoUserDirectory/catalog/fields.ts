import type { INodePropertyOptions } from 'n8n-workflow';

import type { FieldSpec } from './types';

function camelCase(key: string): string {
	return key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** A text field sent as `key`; its parameter name is `key` in camelCase unless `extra` gives one. */
export function text(displayName: string, key: string, description: string, extra: Partial<FieldSpec> = {}): FieldSpec {
	const field: FieldSpec = { displayName, name: camelCase(key), key, type: 'string', default: '', description };
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

/** Every operation's escape hatch for integration-specific query parameters. */
export const otherParameters: FieldSpec = {
	displayName: 'Other Parameters',
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
