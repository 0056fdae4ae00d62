import type { INodeProperties } from 'n8n-workflow';

import type { FieldSpec } from '../catalog';

/** An n8n property for a catalog field. */
export function fieldProperty(spec: FieldSpec): INodeProperties {
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: spec.type,
		default: spec.default,
		description: spec.description,
	};
	if (spec.placeholder) property.placeholder = spec.placeholder;
	if (spec.options) {
		property.options = [...spec.options].sort((a, b) => a.name.localeCompare(b.name));
	}
	return property;
}

/** Properties sorted by display name, as n8n's collections expect. */
export function sortedFields(specs: FieldSpec[]): INodeProperties[] {
	return specs.map(fieldProperty).sort((a, b) => a.displayName.localeCompare(b.displayName));
}
