// The user-directory resources and their methods (docs/truto-api.md).

export const RESOURCE_METHODS = {
  users: ['list', 'get', 'create', 'update', 'delete', 'unassign-role'],
  groups: ['list', 'get', 'create', 'update', 'delete', 'remove-user'],
  roles: ['list', 'get', 'create', 'update', 'delete'],
  organizations: ['list', 'get', 'update', 'delete'],
  licenses: ['list', 'get'],
  workspaces: ['list', 'get'],
  role_assignments: ['list', 'get', 'delete'],
  activities: ['list', 'get'],
  me: ['list'],
  billing: ['list'],
  utilization: ['list'],
} as const;

export type Resource = keyof typeof RESOURCE_METHODS;
export type Support = Partial<Record<Resource, readonly string[]>>;

export const RESOURCES = Object.keys(RESOURCE_METHODS) as Resource[];

/** Methods reached with `POST /{resource}/{method}`. */
export const CUSTOM_METHODS = new Set(['unassign-role', 'remove-user']);

/** Older spellings accepted as aliases. */
export const METHOD_ALIASES: Record<string, string> = { unassign_role: 'unassign-role' };

export const WRITE_METHODS = new Set(['create', 'update', 'delete', 'unassign-role', 'remove-user']);

export function isResource(name: string): name is Resource {
  return Object.prototype.hasOwnProperty.call(RESOURCE_METHODS, name);
}

export const RESOURCE_INFO: Record<Resource, { label: string; doc: string }> = {
  users: { label: 'Users', doc: 'users' },
  groups: { label: 'Groups', doc: 'groups' },
  roles: { label: 'Roles', doc: 'roles' },
  organizations: { label: 'Organizations', doc: 'organizations' },
  licenses: { label: 'Licenses', doc: 'licenses' },
  workspaces: { label: 'Workspaces', doc: 'workspaces' },
  role_assignments: { label: 'Role assignments', doc: 'roleassignments' },
  activities: { label: 'Activities', doc: 'activities' },
  me: { label: 'Me', doc: 'me' },
  billing: { label: 'Billing', doc: 'billing' },
  utilization: { label: 'Utilization', doc: 'utilization' },
};

export const DOCS_ROOT = 'https://truto.one/docs/api-reference/unified-user-directory-api';

/** Singular noun used in provider messages, e.g. "User usr_1 not found". */
export const SINGULAR: Record<Resource, string> = {
  users: 'User',
  groups: 'Group',
  roles: 'Role',
  organizations: 'Organization',
  licenses: 'License',
  workspaces: 'Workspace',
  role_assignments: 'Role assignment',
  activities: 'Activity',
  me: 'User',
  billing: 'Invoice',
  utilization: 'Utilization record',
};
