import {
	choice,
	choices,
	description,
	groupId,
	idList,
	name,
	organizationId,
	otherFields,
	remoteData,
	sortBy,
	text,
	userId,
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
	{ ...emails, versions: 'v1' },
	text('First Name', 'first_name', 'Given name'),
	idList('Group IDs', 'groups', 'Comma-separated IDs of groups to put the user in (each sent as an object in groups[])'),
	text('Languages', 'languages', 'Comma-separated language codes', { shape: 'list', placeholder: 'e.g. en,de' }),
	text('Last Name', 'last_name', 'Family name'),
	text('Name', 'name', 'Full display name', { placeholder: 'e.g. Ada Lovelace' }),
	{
		displayName: 'Password',
		name: 'password',
		key: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Initial password, for integrations that take one',
	},
	{ ...phones, versions: 'v1' },
	remoteData,
	otherFields,
];

/** From version 1.1 a user's emails and phones are parameters of their own (no list inside a collection). */
const userTopFields: FieldSpec[] = [emails, phones];

const userFilters: FieldSpec[] = [
	{ ...idList('Email', 'emails', 'Only users with this email address (sent as emails[][email])', 'email'), name: 'email' },
	text('First Name', 'first_name', 'Only users with this first name'),
	{ ...groupId, description: 'Only members of this group', pick: 'group' },
	text('Last Name', 'last_name', 'Only users with this last name'),
	{ ...organizationId, description: 'Only users of this organization', pick: 'organization' },
	choice('Status', 'status', 'Only users with this status', choices('active', 'created', 'deleted', 'inactive', 'invited')),
	{ ...workspaceId, description: 'Only users of this workspace', pick: 'workspace' },
	{ ...sortBy, versions: 'v1' },
];

/** Integration-specific query parameters of Get, Update and Delete User. */
const userProduct = (...values: string[]) =>
	choice('Product', 'product', 'The product of the integration to act in (product), for integrations with several', choices(...values));
const userType = (...values: string[]) =>
	choice('User Type', 'user_type', 'The kind of user (user_type), for integrations that need it', choices(...values));

const groupType = choice('Group Type', 'group_type', 'Kind of group (group_type)', choices('department', 'group', 'team'));

const groupFields: FieldSpec[] = [description, name, remoteData, otherFields];

const roleFields: FieldSpec[] = [description, name, remoteData, otherFields];

const organizationFilters: FieldSpec[] = [
	{ ...name, description: 'Only organizations with this name' },
	{ ...sortBy, description: 'JSON object of field (created_at, name or updated_at) and direction', versions: 'v1' },
	{ ...userId, description: 'Only organizations this user belongs to' },
];

const groupFilters: FieldSpec[] = [
	choice('Group Type', 'group_type', 'Only groups of this kind', choices('department', 'group', 'product', 'team')),
	{ ...name, description: 'Only groups with this name' },
	{ ...organizationId, description: 'Only groups of this organization; some integrations need it', pick: 'organization' },
	{ ...sortBy, description: 'JSON object of field (created_at, id or name) and direction', versions: 'v1' },
	{ ...userId, description: 'Only groups this user belongs to (user_id)' },
];

const workspaceFilters: FieldSpec[] = [
	{ ...groupId, description: 'Only workspaces of this group', pick: 'group' },
	{ ...name, description: 'Only workspaces with this name' },
	{ ...organizationId, description: 'Only workspaces of this organization; some integrations need it', pick: 'organization' },
	choice('Product', 'product', 'The product to list workspaces of (product)', choices('analytics', 'sharepoint', 'teams')),
	{ ...sortBy, description: 'JSON object of field (created_at, name or updated_at) and direction', versions: 'v1' },
	choice('Status', 'status', 'Only workspaces with this status', choices('active', 'inactive')),
];

const activityFilters: FieldSpec[] = [
	choice(
		'Action',
		'action',
		'Only activities of this action',
		choices('create', 'destroy', 'exported', 'login', 'login_failed', 'logout', 'updated', 'user_created', 'user_deactivated', 'user_deleted', 'user_invited', 'user_joined', 'user_updated'),
	),
	text('Actor ID', 'actor_id', 'Only activities by this actor'),
	{ ...organizationId, description: 'Only activities of this organization; Asana and GitHub need it', pick: 'organization' },
	choice('Product', 'product', 'The product to list activities of (product)', choices('azure_active_directory')),
];

const roleAssignmentFilters: FieldSpec[] = [
	{ ...groupId, description: 'Only assignments to this group', pick: 'group' },
	choice('Product', 'product', 'The product to list role assignments of (product)', choices('workspace')),
	text('Role ID', 'role_id', 'Only assignments of this role; Jenkins needs it', { pick: 'role' }),
	{ ...workspaceId, description: 'Only assignments in this workspace; Slack Enterprise needs it', pick: 'workspace' },
];

/** A user in short (Simplify): the primary (or first) email as one field. */
const userShort: Array<[string, string]> = [
	['id', 'id'],
	['name', 'name'],
	['first_name', 'first_name'],
	['last_name', 'last_name'],
	['email', 'emails.primary.email'],
	['username', 'username'],
	['title', 'title'],
	['status', 'status'],
	['created_at', 'created_at'],
	['updated_at', 'updated_at'],
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
		simplified: userShort,
		operations: [
			{
				kind: 'getAll',
				isDefault: true,
				filters: userFilters,
				sortFields: ['created_at', 'emails', 'first_name', 'groups', 'id', 'last_active_at', 'last_login_at', 'name', 'roles', 'status', 'updated_at', 'username'],
			},
			{
				kind: 'get',
				query: [groupId, organizationId, userProduct('azure_active_directory', 'onedrive', 'teams', 'workspace'), userType('admin', 'end_user', 'service-account', 'user'), workspaceId],
			},
			{ kind: 'create', fields: userFields, topFields: userTopFields, query: [organizationId, workspaceId] },
			{
				kind: 'update',
				fields: userFields,
				topFields: userTopFields,
				query: [
					groupId,
					idList('Group IDs', 'groups', 'Groups sent as query parameter groups[] (Vercel needs them)'),
					organizationId,
					userId,
					text('Workspace', 'workspace', 'The workspace (workspace), for Power BI and WordPress'),
					workspaceId,
				],
			},
			{
				kind: 'delete',
				query: [
					idList('Email', 'emails', 'The address of the user (sent as emails[][email]); BrowserStack needs it', 'email'),
					groupId,
					organizationId,
					userProduct('azure_active_directory', 'workspace'),
					choice('Remove From', 'remove_from', 'Remove the user from a group or from the organization instead (Asana)', [
						{ name: 'Organization', value: 'organization' },
						{ name: 'Group', value: 'group' },
					]),
					text('Remove From ID', 'remove_from_id', 'ID of the group or organization to remove the user from (Asana)'),
					userType('admin', 'end_user'),
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
					'Takes a role away from a user; the user is not deleted. Needs: Integrated Account, the User and the Role.',
				customPath: 'unassign-role',
				idKey: 'id',
				idPlacement: 'both',
				refs: [
					{
						name: 'roleId',
						resource: 'role',
						key: 'roles',
						itemKey: 'id',
						placement: 'both',
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
		simplified: [['id', 'id'], ['name', 'name'], ['description', 'description'], ['group_type', 'group_type'], ['organization', 'organization'], ['created_at', 'created_at'], ['updated_at', 'updated_at']],
		operations: [
			{ kind: 'getAll', isDefault: true, filters: groupFilters, sortFields: ['created_at', 'id', 'name'] },
			{ kind: 'get' },
			{
				kind: 'create',
				fields: [...groupFields, { ...groupType, description: 'Kind of group (sent as query parameter group_type); BlackLine needs it', inQuery: true }],
			},
			{ kind: 'update', fields: groupFields },
			{ kind: 'delete', query: [{ ...groupType, description: 'Kind of group (group_type), for integrations that need it' }] },
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
		simplified: [['id', 'id'], ['name', 'name'], ['label', 'label'], ['description', 'description'], ['type', 'type'], ['applicable_in', 'applicable_in'], ['created_at', 'created_at'], ['updated_at', 'updated_at']],
		operations: [
			{ kind: 'getAll', isDefault: true },
			{ kind: 'get', query: [groupId, workspaceId] },
			{
				kind: 'create',
				fields: [...roleFields, text('License ID', 'license', 'The license the role belongs to (Salesforce needs one)')],
			},
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
		simplified: [['id', 'id'], ['name', 'name'], ['pricing_plan', 'pricing_plan'], ['created_at', 'created_at'], ['updated_at', 'updated_at']],
		operations: [
			{ kind: 'delete', note: 'Supported by GitHub and Juniper Mist.' },
			{ kind: 'get' },
			{ kind: 'getAll', isDefault: true, filters: organizationFilters, sortFields: ['created_at', 'name', 'updated_at'] },
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
		simplified: [['id', 'id'], ['name', 'name'], ['status', 'status'], ['available_quantity', 'available_quantity'], ['assigned_quantity', 'assigned_quantity'], ['is_paid', 'is_paid'], ['currency', 'currency'], ['created_at', 'created_at'], ['updated_at', 'updated_at']],
		operations: [
			{
				kind: 'getAll',
				isDefault: true,
				query: [
					organizationId,
					choice('Product', 'product', 'The product to list licenses of (product); Microsoft 365 needs it', choices('azure_active_directory', 'onedrive')),
				],
			},
			{
				kind: 'get',
				note: 'Supported by Cisco Meraki, Salesforce and Webex.',
				query: [
					choice('Include Assigned To', 'include_assigned_to', 'Also return to whom the license is assigned (include_assigned_to), for Webex', choices('user')),
					text('Organizations', 'organizations', 'The organization of the license (organizations); Cisco Meraki needs it'),
				],
			},
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
		simplified: [['id', 'id'], ['name', 'name'], ['description', 'description'], ['status', 'status'], ['organization', 'organization.name'], ['created_at', 'created_at'], ['updated_at', 'updated_at']],
		operations: [
			{ kind: 'getAll', isDefault: true, filters: workspaceFilters, sortFields: ['created_at', 'name', 'updated_at'] },
			{ kind: 'get', query: [{ ...organizationId, description: 'The organization of the workspace (organization_id); Zoho BugTracker needs it' }] },
		],
	},
	{
		value: 'roleAssignment',
		name: 'Role Assignment',
		path: 'role_assignments',
		singular: 'role assignment',
		plural: 'role assignments',
		article: 'a',
		labelFields: ['role_id', 'user_id', 'group_id'],
		simplified: [['id', 'id'], ['user_id', 'user_id'], ['group_id', 'group_id'], ['group_type', 'group_type'], ['role_id', 'role_id'], ['created_at', 'created_at'], ['updated_at', 'updated_at']],
		operations: [{ kind: 'getAll', isDefault: true, filters: roleAssignmentFilters }, { kind: 'get' }, { kind: 'delete' }],
	},
	{
		value: 'activity',
		name: 'Activity',
		path: 'activities',
		singular: 'activity',
		plural: 'activities',
		article: 'an',
		labelFields: ['description', 'action'],
		simplified: [['id', 'id'], ['action', 'action'], ['description', 'description'], ['actor_type', 'actor.type'], ['actor_id', 'actor.user.id'], ['entity', 'entity'], ['entity_type', 'entity_type'], ['organization', 'organization'], ['created_at', 'created_at']],
		operations: [
			{ kind: 'getAll', isDefault: true, filters: activityFilters },
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
		simplified: userShort,
		operations: [
			{
				kind: 'getList',
				isDefault: true,
				description:
					'Returns the user whose login connected the account in Truto. Needs: Integrated Account.',
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
		simplified: [['id', 'id'], ['description', 'description'], ['billing_frequency', 'billing_frequency'], ['currency', 'currency'], ['total_amount', 'total_amount'], ['tax_amount', 'tax_amount'], ['start_date', 'start_date'], ['end_date', 'end_date']],
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
				// Utilization reports have no created_at of their own: the date is a plain parameter.
				dateFilters: false,
				query: [
					{
						displayName: 'Created At',
						name: 'createdAt',
						key: 'created_at',
						type: 'dateTime',
						default: '',
						description: 'The day to report (created_at), only with the User Activity type (Zoom)',
					},
					organizationId,
					userId,
					choice('Utilization Type', 'utilization_type', 'What to report usage of (utilization_type); every integration needs it', [
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
