import type { INodeProperties } from 'n8n-workflow';

import { needsId, resources, type ResourceSpec } from '../catalog';
import { trutoOptions } from '../catalog/options';
import { sortedFields } from './fields';
import { integratedAccountLocator, recordLocator } from './locators';
import { settingsOptions } from './settings';

function byName<T extends { name: string }>(list: T[]): T[] {
	return [...list].sort((a, b) => a.name.localeCompare(b.name));
}

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: byName(resources).map((resource) => ({ name: resource.name, value: resource.value })),
	default: 'organization',
};

function operationProperty(resource: ResourceSpec): INodeProperties {
	const firstOperation = resource.operations[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: byName(resource.operations).map((operation) => ({
			name: operation.name,
			value: operation.value,
			action: operation.action,
			description: operation.description,
		})),
		default: firstOperation,
	};
}

function idLocators(resource: ResourceSpec): INodeProperties[] {
	const operations = resource.operations.filter(needsId).map((operation) => operation.value);
	return operations.length ? [recordLocator(resource, operations)] : [];
}

const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [...sortedFields(trutoOptions), ...settingsOptions].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	),
};

/** Every node property, derived from the catalog. */
export const properties: INodeProperties[] = [
	resourceProperty,
	...resources.map(operationProperty),
	integratedAccountLocator,
	...resources.flatMap(idLocators),
	optionsProperty,
];
