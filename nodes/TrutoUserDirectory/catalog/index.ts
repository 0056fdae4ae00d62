import { dateFilters } from './fields';
import { resources as catalog } from './resources';
import type { Operation, OperationSpec, Resource, ResourceSpec } from './types';

export type {
	FieldSpec,
	Operation,
	OperationKind,
	OperationSpec,
	RecordRef,
	Resource,
	ResourceSpec,
} from './types';

/** Unified API root for every resource. */
export const UNIFIED_ROOT = '/unified/user-directory';

/** Truto's name of the unified model, as capabilities report it. */
export const UNIFIED_MODEL = 'user-directory';

function upperFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Value, name, action and description of the standard kinds. */
function derived(resource: ResourceSpec, kind: OperationSpec['kind']): Omit<Operation, 'kind'> | undefined {
	const one = `${resource.article} ${resource.singular}`;
	switch (kind) {
		case 'list':
			return {
				value: 'getAll',
				name: 'Get Many',
				action: `Get many ${resource.plural}`,
				description: `Lists ${resource.plural} in the connected directory, one item per ${resource.singular}: up to Limit, or every page with Return All. Filters narrow the list. Needs: Integrated Account.`,
			};
		case 'get':
			return {
				value: 'get',
				name: 'Get',
				action: `Get ${one}`,
				description: `Returns one ${resource.singular} by its ID. Needs: Integrated Account and the ${resource.name}.`,
			};
		case 'create':
			return {
				value: 'create',
				name: 'Create',
				action: `Create ${one}`,
				description: `Creates ${one} from the Additional Fields; which fields are required differs per integration. Needs: Integrated Account.`,
			};
		case 'update':
			return {
				value: 'update',
				name: 'Update',
				action: `Update ${one}`,
				description: `Changes ${one}: sends only the fields set in Update Fields. Needs: Integrated Account and the ${resource.name}.`,
			};
		case 'delete':
			return {
				value: 'delete',
				name: 'Delete',
				action: `Delete ${one}`,
				description: `Permanently deletes ${one} in the connected directory. This cannot be undone. Needs: Integrated Account and the ${resource.name}.`,
			};
		default:
			return undefined;
	}
}

/** The operation with its texts (a custom method states its own) and, for Get Many, the date filters. */
function withTexts(resource: ResourceSpec, spec: OperationSpec): Operation {
	const texts = { ...derived(resource, spec.kind), ...spec };
	const { value = '', name = '', action = '', description = '' } = texts;
	return {
		...texts,
		value,
		name,
		action,
		description: spec.note ? `${description} ${spec.note}` : description,
		filters: isPaged(spec) ? [...(spec.filters ?? []), ...dateFilters] : spec.filters,
	};
}

/** Every resource and operation, with derived texts filled in. */
export const resources: Resource[] = catalog.map((resource) => ({
	...resource,
	operations: resource.operations.map((operation) => withTexts(resource, operation)),
}));

/** Operations whose record id goes into the URL path. */
export function idInPath(operation: OperationSpec): boolean {
	return operation.kind === 'get' || operation.kind === 'update' || operation.kind === 'delete';
}

/** Operations that address one record, picked in the `id` parameter. */
export function needsId(operation: OperationSpec): boolean {
	return idInPath(operation) || Boolean(operation.idKey);
}

/** Lists with Return All and Limit. */
export function isPaged(operation: OperationSpec): boolean {
	return operation.kind === 'list' && operation.paged !== false;
}

export function httpMethod(operation: OperationSpec): 'GET' | 'POST' | 'PATCH' | 'DELETE' {
	switch (operation.kind) {
		case 'list':
		case 'get':
			return 'GET';
		case 'update':
			return 'PATCH';
		case 'delete':
			return 'DELETE';
		default:
			return 'POST';
	}
}

/** The method name Truto's capabilities list for an operation. */
export function trutoMethod(operation: OperationSpec): string {
	return operation.kind === 'custom' ? (operation.customPath ?? '') : operation.kind;
}

/** Path of an operation; `id` is encoded as one path segment. */
export function operationPath(resource: ResourceSpec, operation: OperationSpec, id?: string): string {
	const base = `${UNIFIED_ROOT}/${resource.path}`;
	if (operation.kind === 'custom') return `${base}/${operation.customPath}`;
	if (idInPath(operation)) return `${base}/${encodeURIComponent(id ?? '')}`;
	return base;
}

/** Name of the pick-list method that lists a resource's records. */
export function searchMethod(resource: ResourceSpec): string {
	return `search${upperFirst(resource.value)}`;
}

export function findResource(value: string): Resource | undefined {
	return resources.find((resource) => resource.value === value);
}

export function findOperation(
	resourceValue: string,
	operationValue: string,
): { resource: Resource; operation: Operation } | undefined {
	const resource = findResource(resourceValue);
	const operation = resource?.operations.find((op) => op.value === operationValue);
	return resource && operation ? { resource, operation } : undefined;
}
