import type { INodeProperties } from 'n8n-workflow';

import { findResource, isPaged, needsId, resources, type Operation, type Resource } from '../catalog';
import { otherParameters } from '../catalog/fields';
import { collection } from './fields';
import { integratedAccountLocator, recordLocator } from './locators';
import { listOptions, optionsProperty } from './options';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

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

function operationProperty(resource: Resource): INodeProperties {
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

function pagination(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** The parameters of one operation, after the account and the record. */
function operationProperties(resource: Resource, operation: Operation): INodeProperties[] {
	const show: Show = { resource: [resource.value], operation: [operation.value] };
	const properties: INodeProperties[] = [];
	for (const ref of operation.refs ?? []) {
		const target = findResource(ref.resource);
		if (target) properties.push(recordLocator(target, show, ref.name, ref.description));
	}
	if (isPaged(operation)) properties.push(...pagination(show));
	if (operation.fields?.length) {
		properties.push(
			operation.kind === 'update'
				? collection('Update Fields', 'updateFields', operation.fields, show)
				: collection('Additional Fields', 'additionalFields', operation.fields, show),
		);
	}
	if (operation.filters?.length) {
		properties.push(collection('Filters', 'filters', operation.filters, show, 'Add Filter'));
	}
	const query = [...(operation.query ?? []), otherParameters];
	properties.push(collection('Query Parameters', 'queryParameters', query, show, 'Add Parameter'));
	return properties;
}

function resourceProperties(resource: Resource): INodeProperties[] {
	const withId = resource.operations.filter(needsId).map((operation) => operation.value);
	const locator = withId.length
		? [recordLocator(resource, { resource: [resource.value], operation: withId })]
		: [];
	return [
		...locator,
		...resource.operations.flatMap((operation) => operationProperties(resource, operation)),
	];
}

const pagedValues = [
	...new Set(resources.flatMap((resource) => resource.operations.filter(isPaged).map((op) => op.value))),
];

/** Every node property, derived from the catalog. */
export const properties: INodeProperties[] = [
	resourceProperty,
	...resources.map(operationProperty),
	integratedAccountLocator,
	...resources.flatMap(resourceProperties),
	optionsProperty(listOptions(false), { hide: { operation: pagedValues } }),
	optionsProperty(listOptions(true), { show: { operation: pagedValues } }),
];
