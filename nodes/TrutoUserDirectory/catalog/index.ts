import { resources } from './resources';
import type { OperationSpec, ResourceSpec } from './types';

export { resources };
export type { FieldSpec, OperationKind, OperationSpec, ResourceSpec } from './types';

/** Unified API root for every resource. */
export const UNIFIED_ROOT = '/unified/user-directory';

/** Operations that address one record by id. */
export function needsId(operation: OperationSpec): boolean {
	return operation.kind === 'get' || operation.kind === 'update' || operation.kind === 'delete';
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

/** Path of an operation; `id` is encoded as one path segment. */
export function operationPath(resource: ResourceSpec, operation: OperationSpec, id?: string): string {
	const base = `${UNIFIED_ROOT}/${resource.path}`;
	if (operation.kind === 'custom') return `${base}/${operation.customPath}`;
	if (needsId(operation)) return `${base}/${encodeURIComponent(id ?? '')}`;
	return base;
}

export function findResource(value: string): ResourceSpec | undefined {
	return resources.find((resource) => resource.value === value);
}

export function findOperation(
	resourceValue: string,
	operationValue: string,
): { resource: ResourceSpec; operation: OperationSpec } | undefined {
	const resource = findResource(resourceValue);
	const operation = resource?.operations.find((op) => op.value === operationValue);
	return resource && operation ? { resource, operation } : undefined;
}
