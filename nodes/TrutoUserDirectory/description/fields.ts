import type { INodeProperties } from 'n8n-workflow';

import { ENTRY, type FieldSpec } from '../catalog';

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
	if (spec.typeOptions) property.typeOptions = spec.typeOptions;
	if (spec.options) {
		property.options = [...spec.options].sort((a, b) => a.name.localeCompare(b.name));
	}
	if (spec.fields) {
		property.options = [{ displayName: spec.displayName, name: ENTRY, values: sortedFields(spec.fields) }];
	}
	return property;
}

/** Properties sorted by display name, as n8n's collections expect. */
export function sortedFields(specs: FieldSpec[]): INodeProperties[] {
	return specs.map(fieldProperty).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A collection ("Filters", "Additional Fields", …) of catalog fields, shown where `show` says. */
export function collection(
	displayName: string,
	name: string,
	specs: FieldSpec[],
	show: NonNullable<INodeProperties['displayOptions']>['show'],
	placeholder = 'Add Field',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		displayOptions: { show },
		options: sortedFields(specs),
	};
}
