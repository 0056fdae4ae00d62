import { dateFilters } from './fields';
import { KINDS } from './kinds';
import { resourceSpecs } from './resources';
import type { Operation, OperationSpec, Resource, ResourceSpec } from './types';

export { otherQueryFields } from './fields';
export { KINDS, type Kind } from './kinds';
export { trutoOptions, type OptionSpec } from './options';
export { DEFAULT_RESOURCE, LATEST_VERSION, NODE_VERSIONS, VERSION_1_DEFAULT_OPERATIONS } from './versions';
export { CONCURRENCY, DEFAULT_LIMIT, ENTRY, LIMIT, OPTION, PARAMETER, type NumberSetting } from './parameters';
export type {
	BodyCollection,
	FieldSpec,
	HttpMethod,
	Operation,
	OperationKind,
	OperationSpec,
	OperationTexts,
	OutputShape,
	Placement,
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

/** An operation with everything its kind implies: texts, HTTP method, path rules, output, filters. */
function toOperation(resource: ResourceSpec, spec: OperationSpec): Operation {
	const kind = KINDS[spec.kind];
	const texts = { ...kind.texts?.(resource), ...spec };
	const { value = '', name = '', action = '', description = '' } = texts;
	const paged = spec.kind === 'getAll';
	return {
		...spec,
		value,
		name,
		action,
		description: spec.note ? `${description} ${spec.note}` : description,
		method: spec.method ?? kind.method ?? 'POST',
		trutoMethod: kind.trutoMethod ?? spec.customPath ?? '',
		idInPath: kind.idInPath,
		needsId: kind.idInPath || Boolean(spec.idKey),
		paged,
		output: kind.output,
		body: kind.body,
		filters: paged && spec.dateFilters !== false ? [...(spec.filters ?? []), ...dateFilters] : spec.filters,
	};
}

function toResource(spec: ResourceSpec): Resource {
	const operations = spec.operations.map((operation) => toOperation(spec, operation));
	const defaults = operations.filter((operation) => operation.isDefault);
	if (defaults.length !== 1 || defaults[0].kind === 'delete') {
		throw new Error(`Resource ${spec.value}: mark exactly one operation, not a delete, with isDefault`);
	}
	return { ...spec, operations, defaultOperation: defaults[0].value };
}

/** Every resource and operation as the node uses them, derived from the catalog. */
export const resources: Resource[] = resourceSpecs.map(toResource);

/** Path of an operation; `id` is encoded as one path segment. */
export function operationPath(resource: Resource, operation: Operation, id?: string): string {
	const base = `${UNIFIED_ROOT}/${resource.path}`;
	if (operation.kind === 'custom') return `${base}/${operation.customPath}`;
	if (operation.idInPath) return `${base}/${encodeURIComponent(id ?? '')}`;
	return base;
}

/** Name of the pick-list method that lists a resource's records. */
export function searchMethod(resource: ResourceSpec | Resource): string {
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
