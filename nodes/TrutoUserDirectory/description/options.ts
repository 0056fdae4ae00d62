import type { INodeProperties } from 'n8n-workflow';

import { LATEST_VERSION, OPTION, PARAMETER, trutoOptions } from '../catalog';
import { sortedFields } from './fields';
import { settingsOptions } from './settings';

/** Truto's options are the same on every version. */
const NEWEST = LATEST_VERSION;

const checkCapabilities: INodeProperties = {
	displayName: 'Check Capabilities',
	name: OPTION.checkCapabilities,
	type: 'boolean',
	default: false,
	description:
		"Whether to ask Truto first which methods the account's integration supports (one extra call per account per run) and fail the item before sending a call it lacks, naming what it supports",
};

const alreadyDeleted: INodeProperties = {
	displayName: 'Succeed If Already Deleted',
	name: OPTION.alreadyDeleted,
	type: 'boolean',
	default: false,
	description:
		"Whether a record the connected directory no longer has counts as deleted, so that a run can be repeated: the provider's 404 for the record gives a success item marked already_deleted. Truto's own 404 (an unknown integrated account, a method the integration lacks) still fails.",
};

/** Which operations an Options collection is for. */
export type OptionSet = 'list' | 'delete' | 'other';

/** Truto's options (with the Get Many ones for lists), the capability check, the request settings, and for deletes whether a gone record counts. */
export function optionsFor(set: OptionSet): INodeProperties[] {
	const truto = sortedFields(trutoOptions.filter((option) => set === 'list' || !option.listOnly), NEWEST);
	const own = set === 'delete' ? [alreadyDeleted] : [];
	return [...truto, checkCapabilities, ...own, ...settingsOptions].sort((a, b) =>
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
