import type { INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_RESOURCE,
	findResource,
	LIMIT,
	otherParameters,
	PARAMETER,
	resources,
	VERSION_1_DEFAULT_OPERATIONS,
	type Operation,
	type Resource,
} from '../catalog';
import { collection } from './fields';
import { integratedAccountLocator, recordLocator } from './locators';
import { optionsFor, optionsProperty } from './options';
import { onVersions } from './versions';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

const defaultLimit = LIMIT.default;

function byName<T extends { name: string }>(list: T[]): T[] {
	return [...list].sort((a, b) => a.name.localeCompare(b.name));
}

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: PARAMETER.resource,
	type: 'options',
	noDataExpression: true,
	options: byName(resources).map((resource) => ({ name: resource.name, value: resource.value })),
	default: DEFAULT_RESOURCE,
};

function operationProperty(resource: Resource, defaultOperation: string, show: Show = {}): INodeProperties {
	return {
		displayName: 'Operation',
		name: PARAMETER.operation,
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value], ...show } },
		options: byName(resource.operations).map((operation) => ({
			name: operation.name,
			value: operation.value,
			action: operation.action,
			description: operation.description,
		})),
		default: defaultOperation,
	};
}

/**
 * The Operation list of a resource. Where version 1 opened on another operation
 * (a Delete), version 1 keeps it: a saved workflow leaves out parameters that
 * equal their default, so changing a default would change what it does.
 */
function operationProperties(resource: Resource): INodeProperties[] {
	const before = VERSION_1_DEFAULT_OPERATIONS[resource.value];
	if (!before || before === resource.defaultOperation) return [operationProperty(resource, resource.defaultOperation)];
	return [
		operationProperty(resource, before, onVersions('1')),
		operationProperty(resource, resource.defaultOperation, onVersions('1.1+')),
	];
}

function pagination(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: PARAMETER.returnAll,
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: PARAMETER.limit,
			type: 'number',
			typeOptions: { minValue: LIMIT.min, maxValue: LIMIT.max },
			default: defaultLimit,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** The parameters of one operation, after the account and the record. */
function parametersOf(resource: Resource, operation: Operation): INodeProperties[] {
	const show: Show = { resource: [resource.value], operation: [operation.value] };
	const properties: INodeProperties[] = [];
	for (const ref of operation.refs ?? []) {
		const target = findResource(ref.resource);
		if (target) properties.push(recordLocator(target, show, ref.name, ref.description));
	}
	if (operation.paged) properties.push(...pagination(show));
	if (operation.body && operation.fields?.length) {
		properties.push(collection(operation.body.displayName, operation.body.name, operation.fields, show));
	}
	if (operation.filters?.length) {
		properties.push(collection('Filters', PARAMETER.filters, operation.filters, show, 'Add Filter'));
	}
	const query = [...(operation.query ?? []), otherParameters];
	properties.push(collection('Query Parameters', PARAMETER.queryParameters, query, show, 'Add Parameter'));
	return properties;
}

function resourceParameters(resource: Resource): INodeProperties[] {
	const withId = resource.operations.filter((operation) => operation.needsId).map((operation) => operation.value);
	const locator = withId.length
		? [recordLocator(resource, { resource: [resource.value], operation: withId })]
		: [];
	return [...locator, ...resource.operations.flatMap((operation) => parametersOf(resource, operation))];
}

const pagedValues = [
	...new Set(
		resources.flatMap((resource) => resource.operations.filter((op) => op.paged).map((op) => op.value)),
	),
];

const deleteValues = [
	...new Set(
		resources.flatMap((resource) => resource.operations.filter((op) => op.kind === 'delete').map((op) => op.value)),
	),
];

/** Every node property, derived from the catalog. */
export const properties: INodeProperties[] = [
	resourceProperty,
	...resources.flatMap(operationProperties),
	integratedAccountLocator,
	...resources.flatMap(resourceParameters),
	optionsProperty(optionsFor('other'), { hide: { operation: [...pagedValues, ...deleteValues] } }),
	optionsProperty(optionsFor('list'), { show: { operation: pagedValues } }),
	optionsProperty(optionsFor('delete'), { show: { operation: deleteValues } }),
];
