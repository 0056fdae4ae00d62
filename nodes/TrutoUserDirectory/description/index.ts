import type { INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_RESOURCE,
	findResource,
	LIMIT,
	NODE_VERSIONS,
	otherQueryFields,
	PARAMETER,
	resources,
	VERSION_1_DEFAULT_OPERATIONS,
	type Operation,
	type Resource,
} from '../catalog';
import { collection, fieldProperty, onVersion, type Version } from './fields';
import { integratedAccountLocator, recordLocator } from './locators';
import { optionsFor, optionsProperty } from './options';
import { mergeVersions } from './versions';

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

/**
 * The Operation list of a resource. Version 1 opened some resources on another
 * operation (a Delete): a saved workflow leaves out parameters that equal
 * their default, so version 1 keeps its default.
 */
function operationProperty(resource: Resource, version: Version): INodeProperties {
	const opensOn = version < 1.1 ? (VERSION_1_DEFAULT_OPERATIONS[resource.value] ?? resource.defaultOperation) : resource.defaultOperation;
	return {
		displayName: 'Operation',
		name: PARAMETER.operation,
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: byName(resource.operations).map((operation) => ({
			name: operation.name,
			value: operation.value,
			action: operation.action,
			description: operation.description,
		})),
		default: opensOn,
	};
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

/** Get Many's sorting: one field and a direction (from version 1.1; version 1 took JSON among the Filters). */
function sortProperty(fields: string[], show: Show): INodeProperties {
	const firstField = fields[0];
	return {
		displayName: 'Sort',
		name: PARAMETER.sort,
		type: 'collection',
		placeholder: 'Add Sort Rule',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
				description: 'Whether the first record is the smallest or the largest',
			},
			{
				displayName: 'Sort By',
				name: 'field',
				type: 'options',
				options: fields.map((field) => ({ name: field.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()), value: field })),
				default: firstField,
				description: 'The field to sort the records by',
			},
		],
	};
}

/** The parameters of one operation, after the account and the record. */
function parametersOf(resource: Resource, operation: Operation, version: Version): INodeProperties[] {
	const show: Show = { resource: [resource.value], operation: [operation.value] };
	const properties: INodeProperties[] = [];
	if (operation.kind === 'delete') {
		properties.push({
			displayName: `Deleting removes the ${resource.singular} in the connected directory itself. It cannot be undone.`,
			name: PARAMETER.deleteNotice,
			type: 'notice',
			default: '',
			displayOptions: { show },
		});
	}
	for (const ref of operation.refs ?? []) {
		const target = findResource(ref.resource);
		if (target) properties.push(recordLocator(target, show, ref.name, ref.description));
	}
	if (operation.paged) properties.push(...pagination(show));
	if (version >= 1.1) {
		for (const field of operation.topFields ?? []) properties.push({ ...fieldProperty(field, version), displayOptions: { show } });
	}
	if (operation.body && operation.fields?.some((field) => onVersion(field, version))) {
		properties.push(collection(operation.body.displayName, operation.body.name, operation.fields, show, version));
	}
	if (operation.filters?.some((field) => onVersion(field, version))) {
		properties.push(collection('Filters', PARAMETER.filters, operation.filters, show, version, 'Add Filter'));
	}
	if (version >= 1.1 && operation.sortFields?.length) properties.push(sortProperty(operation.sortFields, show));
	const query = [...(operation.query ?? []), ...otherQueryFields];
	properties.push(collection('Query Parameters', PARAMETER.queryParameters, query, show, version, 'Add Parameter'));
	if (version >= 1.1 && resource.simplified && ['getAll', 'get', 'getList'].includes(operation.kind)) {
		properties.push({
			displayName: 'Simplify',
			name: PARAMETER.simplify,
			type: 'boolean',
			default: true,
			description: 'Whether to return a simplified version of the response instead of the raw data',
			displayOptions: { show },
		});
	}
	return properties;
}

function resourceParameters(resource: Resource, version: Version): INodeProperties[] {
	const withId = resource.operations.filter((operation) => operation.needsId).map((operation) => operation.value);
	const locator = withId.length
		? [recordLocator(resource, { resource: [resource.value], operation: withId })]
		: [];
	return [...locator, ...resource.operations.flatMap((operation) => parametersOf(resource, operation, version))];
}

const valuesOf = (test: (operation: Operation) => boolean) => [
	...new Set(resources.flatMap((resource) => resource.operations.filter(test).map((op) => op.value))),
];
const pagedValues = valuesOf((operation) => operation.paged);
const deleteValues = valuesOf((operation) => operation.kind === 'delete');

/** Every property of one node version, derived from the catalog. */
function propertiesOf(version: Version): INodeProperties[] {
	return [
		resourceProperty,
		...resources.map((resource) => operationProperty(resource, version)),
		integratedAccountLocator,
		...resources.flatMap((resource) => resourceParameters(resource, version)),
		optionsProperty(optionsFor('other'), { hide: { operation: [...pagedValues, ...deleteValues] } }),
		optionsProperty(optionsFor('list'), { show: { operation: pagedValues } }),
		optionsProperty(optionsFor('delete'), { show: { operation: deleteValues } }),
	];
}

/** Every node property, for every version. */
export const properties: INodeProperties[] = mergeVersions(NODE_VERSIONS.map((version) => [version, propertiesOf(version)]));

/** "Delete: Organization": the operation and resource as their names read, not their values. */
export const subtitle = (() => {
	const names = (list: Array<{ value: string; name: string }>) => JSON.stringify(Object.fromEntries(list.map((entry) => [entry.value, entry.name])));
	const operations = names(resources.flatMap((resource) => resource.operations));
	return `={{ (${operations})[$parameter["operation"]] + ": " + (${names(resources)})[$parameter["resource"]] }}`;
})();

export { integratedAccountLocator } from './locators';
