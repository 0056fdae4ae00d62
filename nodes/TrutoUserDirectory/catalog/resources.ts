import {
	choice,
	description,
	name,
	organizationId,
	otherFields,
	remoteData,
	sortBy,
	text,
	workspaceId,
} from './fields';
import type { FieldSpec, ResourceSpec } from './types';

const emails: FieldSpec = {
	displayName: 'Emails',
	name: 'emails',
	key: 'emails',
	type: 'fixedCollection',
	default: {},
	typeOptions: { multipleValues: true },
	description: 'Email addresses of the user',
	placeholder: 'Add Email',
	fields: [
		text('Email', 'email', 'The address', { required: true, placeholder: 'e.g. name@email.com' }),
		{
			displayName: 'Is Primary',
			name: 'isPrimary',
			key: 'is_primary',
			type: 'boolean',
			default: false,
			description: 'Whether this is the primary address',
		},
		text('Type', 'type', 'Kind of address', { placeholder: 'e.g. work' }),
	],
};

const phones: FieldSpec = {
	displayName: 'Phones',
	name: 'phones',
	key: 'phones',
	type: 'fixedCollection',
	default: {},
	typeOptions: { multipleValues: true },
	description: 'Phone numbers of the user',
	placeholder: 'Add Phone',
	fields: [
		text('Extension', 'extension', 'Extension, if any'),
		text('Number', 'number', 'The phone number', { required: true, placeholder: 'e.g. +1-555-0100' }),
		choice('Type', 'type', 'Kind of number', [
			{ name: 'Phone', value: 'phone' },
			{ name: 'Mobile', value: 'mobile' },
		]),
	],
};

const userFields: FieldSpec[] = [
	text('Description', 'description', 'About the user'),
	emails,
	text('First Name', 'first_name', 'Given name'),
	text('Group IDs', 'groups', 'Comma-separated IDs of groups to put the user in (each sent as an object in groups[])', {
		shape: 'list',
		itemKey: 'id',
		placeholder: 'e.g. grp_1,grp_2',
	}),
	text('Languages', 'languages', 'Comma-separated language codes', { shape: 'list', placeholder: 'e.g. en,de' }),
	text('Last Name', 'last_name', 'Family name'),
	text('Name', 'name', 'Full display name'),
	{
		displayName: 'Password',
		name: 'password',
		key: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Initial password, for integrations that take one',
	},
	phones,
	remoteData,
	otherFields,
];

const userFilters: FieldSpec[] = [
	text('Email', 'emails', 'Only users with this email address (emails)', {
		name: 'email',
		placeholder: 'e.g. name@email.com',
	}),
	text('First Name', 'first_name', 'Only users with this first name'),
	text('Group ID', 'group_id', 'Only members of this group'),
	text('Last Name', 'last_name', 'Only users with this last name'),
	{ ...organizationId, description: 'Only users of this organization (organization_id)' },
	choice('Status', 'status', 'Only users with this status', [
		{ name: 'Active', value: 'active' },
		{ name: 'Deleted', value: 'deleted' },
		{ name: 'Inactive', value: 'inactive' },
		{ name: 'Invited', value: 'invited' },
	]),
	{ ...workspaceId, description: 'Only users of this workspace (workspace_id)' },
	sortBy,
];

const groupType = choice('Group Type', 'group_type', 'Kind of group', [
	{ name: 'Group', value: 'group' },
	{ name: 'Department', value: 'department' },
	{ name: 'Team', value: 'team' },
]);

const groupFields: FieldSpec[] = [
	description,
	groupType,
	name,
	text('Organization ID', 'organization', 'The organization the group belongs to'),
	remoteData,
	otherFields,
];

const roleFields: FieldSpec[] = [
	description,
	text('License ID', 'license', 'The license the role belongs to (Salesforce needs one)'),
	name,
	remoteData,
	otherFields,
];

const organizationFilters: FieldSpec[] = [
	{ ...name, description: 'Only organizations with this name' },
	{ ...sortBy, description: 'JSON object of field (created_at, name or updated_at) and direction' },
	text('User ID', 'user_id', 'Only organizations this user belongs to'),
];

/**
 * The Unified User Directory API as data. The node's UI, every request, the
 * pick lists and the capability check are derived from this list: adding a
 * resource or method is an edit here (a new kind of operation is one entry in
 * kinds.ts). Every Get Many also gets Truto's date filters (created_at /
 * updated_at).
 */
export const resourceSpecs: ResourceSpec[] = [
	{
		value: 'user',
		name: 'User',
		path: 'users',
		singular: 'user',
		plural: 'users',
		article: 'a',
		labelFields: ['name', 'emails.0.email', 'username'],
		operations: [
			{ kind: 'getAll', isDefault: true, filters: userFilters },
			{ kind: 'get' },
			{ kind: 'create', fields: userFields, query: [organizationId, workspaceId] },
			{ kind: 'update', fields: userFields },
			{
				kind: 'delete',
				query: [
					organizationId,
					choice('Remove From', 'remove_from', 'Remove the user from a group or from the organization instead (Asana)', [
						{ name: 'Organization', value: 'organization' },
						{ name: 'Group', value: 'group' },
					]),
					text('Remove From ID', 'remove_from_id', 'ID of the group or organization to remove the user from (Asana)'),
					workspaceId,
				],
			},
			{
				kind: 'custom',
				method: 'POST',
				value: 'unassignRole',
				name: 'Unassign Role',
				action: 'Unassign a role from a user',
				description:
					'Takes a role away from a user; the user is not deleted. Needs: Integrated Account, the User and the Role. Both IDs are sent in the request body.',
				customPath: 'unassign-role',
				idKey: 'id',
				refs: [
					{
						name: 'roleId',
						resource: 'role',
						key: 'roles',
						itemKey: 'id',
						description: 'The role to take away from the user',
					},
				],
				query: [workspaceId],
				fields: [remoteData, otherFields],
			},
		],
	},
	{
		value: 'group',
		name: 'Group',
		path: 'groups',
		singular: 'group',
		plural: 'groups',
		article: 'a',
		labelFields: ['name'],
		operations: [
			{ kind: 'getAll', isDefault: true },
			{ kind: 'get' },
			{ kind: 'create', fields: groupFields },
			{ kind: 'update', fields: groupFields },
			{ kind: 'delete', query: [{ ...groupType, description: 'Kind of group, for integrations that need it' }] },
			{
				kind: 'custom',
				method: 'POST',
				value: 'removeUser',
				name: 'Remove User',
				action: 'Remove a user from a group',
				description:
					'Takes a user out of a group; the user is not deleted. Needs: Integrated Account, the Group and the User. Outputs the group.',
				customPath: 'remove-user',
				idKey: 'group_id',
				refs: [{ name: 'userId', resource: 'user', key: 'user_id', description: 'The user to take out of the group' }],
				fields: [remoteData, otherFields],
			},
		],
	},
	{
		value: 'role',
		name: 'Role',
		path: 'roles',
		singular: 'role',
		plural: 'roles',
		article: 'a',
		labelFields: ['label', 'name'],
		operations: [
			{ kind: 'getAll', isDefault: true },
			{ kind: 'get' },
			{ kind: 'create', fields: roleFields },
			{ kind: 'update', fields: roleFields },
			{ kind: 'delete' },
		],
	},
	{
		value: 'organization',
		name: 'Organization',
		path: 'organizations',
		singular: 'organization',
		plural: 'organizations',
		article: 'an',
		labelFields: ['name'],
		operations: [
			{ kind: 'delete', note: 'Supported by GitHub and Juniper Mist.' },
			{ kind: 'get' },
			{ kind: 'getAll', isDefault: true, filters: organizationFilters },
			{
				kind: 'update',
				note: 'Supported by Juniper Mist; the changes go in Remote Data.',
				fields: [remoteData, otherFields],
			},
		],
	},
	{
		value: 'license',
		name: 'License',
		path: 'licenses',
		singular: 'license',
		plural: 'licenses',
		article: 'a',
		labelFields: ['name'],
		operations: [
			{
				kind: 'getAll',
				isDefault: true,
				query: [
					organizationId,
					text('Product', 'product', 'Only licenses of this product, for integrations that sell several'),
				],
			},
			{ kind: 'get', note: 'Supported by Cisco Meraki, Salesforce and Webex.' },
		],
	},
	{
		value: 'workspace',
		name: 'Workspace',
		path: 'workspaces',
		singular: 'workspace',
		plural: 'workspaces',
		article: 'a',
		labelFields: ['name'],
		operations: [{ kind: 'getAll', isDefault: true }, { kind: 'get' }],
	},
	{
		value: 'roleAssignment',
		name: 'Role Assignment',
		path: 'role_assignments',
		singular: 'role assignment',
		plural: 'role assignments',
		article: 'a',
		labelFields: ['role_id', 'user_id', 'group_id'],
		operations: [{ kind: 'getAll', isDefault: true }, { kind: 'get' }, { kind: 'delete' }],
	},
	{
		value: 'activity',
		name: 'Activity',
		path: 'activities',
		singular: 'activity',
		plural: 'activities',
		article: 'an',
		labelFields: ['description', 'action'],
		operations: [
			{ kind: 'getAll', isDefault: true },
			{ kind: 'get', note: 'Supported by Atlassian.' },
		],
	},
	{
		value: 'me',
		name: 'Me',
		path: 'me',
		singular: 'connected user',
		plural: 'connected users',
		article: 'a',
		labelFields: ['name'],
		operations: [
			{
				kind: 'getList',
				isDefault: true,
				description:
					'Returns the user whose login connected the integrated account (Truto answers with a list; each record is one item). Needs: Integrated Account.',
			},
		],
	},
	{
		value: 'billing',
		name: 'Billing',
		path: 'billing',
		singular: 'billing record',
		plural: 'billing records',
		article: 'a',
		labelFields: ['description'],
		operations: [{ kind: 'getAll', isDefault: true, query: [organizationId] }],
	},
	{
		value: 'utilization',
		name: 'Utilization',
		path: 'utilization',
		singular: 'utilization record',
		plural: 'utilization records',
		article: 'a',
		labelFields: ['name'],
		operations: [
			{
				kind: 'getAll',
				isDefault: true,
				query: [
					choice('Utilization Type', 'utilization_type', 'What to report usage of (utilization_type)', [
						{ name: 'Licenses', value: 'licenses' },
						{ name: 'Actions', value: 'actions' },
						{ name: 'Packages', value: 'packages' },
						{ name: 'Shared Storage', value: 'shared-storage' },
						{ name: 'User Activity', value: 'user_activity' },
					]),
				],
			},
		],
	},
];
