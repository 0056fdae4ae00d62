import type { INodeProperties } from 'n8n-workflow';

import { PARAMETER, searchMethod, type Resource } from '../catalog';

export const integratedAccountLocator: INodeProperties = {
	displayName: 'Integrated Account',
	name: PARAMETER.integratedAccount,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The connected account in Truto to act on (integrated_account_id). Find its ID in the Truto dashboard under Integrated Accounts.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an account…',
			typeOptions: { searchListMethod: 'searchIntegratedAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8a4c5e9e-1d2f-4b1a-9c7e-0f3b2a1d4e5f',
		},
	],
};

/**
 * A locator of one record of `resource`, listed from the selected account.
 * `name` is `id` for the record an operation acts on, or a further record it needs.
 */
export function recordLocator(
	resource: Resource,
	show: NonNullable<INodeProperties['displayOptions']>['show'],
	name: string = PARAMETER.id,
	description = `The ${resource.singular} to act on. The list needs an Integrated Account first.`,
): INodeProperties {
	return {
		displayName: resource.name,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${resource.article} ${resource.singular}…`,
				typeOptions: { searchListMethod: searchMethod(resource), searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. the ${resource.singular}'s ID in the connected directory`,
			},
		],
	};
}
