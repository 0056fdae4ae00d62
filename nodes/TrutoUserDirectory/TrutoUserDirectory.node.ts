import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { LATEST_VERSION, NODE_VERSIONS } from './catalog';
import { properties, subtitle } from './description';
import { executeNode } from './execute';
import { listSearch } from './methods';

export class TrutoUserDirectory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Truto User Directory',
		name: 'trutoUserDirectory',
		icon: { light: 'file:truto.svg', dark: 'file:truto.dark.svg' },
		group: ['transform'],
		// A change that alters what saved workflows do needs a new version: see catalog/versions.ts.
		version: NODE_VERSIONS,
		defaultVersion: LATEST_VERSION,
		subtitle,
		description:
			"Manage users, groups, roles, organizations, licenses, workspaces, role assignments and more in any directory connected to Truto's Unified User Directory API. Delete operations permanently remove records.",
		defaults: { name: 'Truto User Directory' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trutoApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeNode(this);
	}
}
