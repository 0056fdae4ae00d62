import type { INodeProperties } from 'n8n-workflow';

import { trutoOptions } from '../catalog/options';
import { sortedFields } from './fields';
import { settingsOptions } from './settings';

/** Options-collection name of the capability check. */
export const CHECK_CAPABILITIES = 'checkCapabilities';

const checkCapabilities: INodeProperties = {
	displayName: 'Check Capabilities',
	name: CHECK_CAPABILITIES,
	type: 'boolean',
	default: false,
	description:
		"Whether to ask Truto first which methods the account's integration supports (one extra call per account per run) and fail the item before sending a call it lacks, naming what it supports",
};

/** Truto's options (with the Get Many ones for lists), the capability check and the request settings. */
export function listOptions(paged: boolean): INodeProperties[] {
	const truto = sortedFields(trutoOptions.filter((option) => paged || !option.listOnly));
	return [...truto, checkCapabilities, ...settingsOptions].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
}

export function optionsProperty(
	options: INodeProperties[],
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options,
	};
}
