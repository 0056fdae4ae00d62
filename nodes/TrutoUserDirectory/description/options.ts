import type { INodeProperties } from 'n8n-workflow';

import { OPTION, PARAMETER, trutoOptions } from '../catalog';
import { sortedFields } from './fields';
import { settingsOptions } from './settings';

const checkCapabilities: INodeProperties = {
	displayName: 'Check Capabilities',
	name: OPTION.checkCapabilities,
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
		name: PARAMETER.options,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options,
	};
}
