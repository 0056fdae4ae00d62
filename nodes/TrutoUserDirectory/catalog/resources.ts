import type { ResourceSpec } from './types';

/**
 * The Unified User Directory API as data. The node's UI and every request are
 * derived from this list: adding a resource or method is an edit here.
 */
export const resources: ResourceSpec[] = [
	{
		value: 'organization',
		name: 'Organization',
		path: 'organizations',
		singular: 'organization',
		plural: 'organizations',
		labelFields: ['name'],
		operations: [
			{
				value: 'delete',
				name: 'Delete',
				action: 'Delete an organization',
				description:
					'Permanently deletes an organization in the connected directory (supported by GitHub and Juniper Mist). This cannot be undone.',
				kind: 'delete',
			},
		],
	},
];
