import type { INodeProperties } from 'n8n-workflow';

import { ENTRY, findResource, type FieldSpec } from '../catalog';
import { recordLocator } from './locators';

/** A node version the UI is built for. */
export type Version = number;

/** Whether a catalog field is shown on this node version. */
export function onVersion(spec: FieldSpec, version: Version): boolean {
	if (spec.versions === 'v1') return version < 1.1;
	if (spec.versions === 'v1.1+') return version >= 1.1;
	return true;
}

/** An n8n property for a catalog field, as this node version shows it. */
export function fieldProperty(spec: FieldSpec, version: Version): INodeProperties {
	const picked = spec.pick && version >= 1.1 ? findResource(spec.pick) : undefined;
	if (picked) {
		// From version 1.1 an ID filter offers the records of its resource, or an ID.
		const { displayOptions, required, ...locator } = recordLocator(picked, {}, spec.name, spec.description);
		void displayOptions;
		void required;
		return { ...locator, displayName: spec.displayName };
	}
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
		property.options = [{ displayName: spec.displayName, name: ENTRY, values: sortedFields(spec.fields, version) }];
	}
	return property;
}

/** Properties of the fields shown on this version, sorted by display name as n8n's collections expect. */
export function sortedFields(specs: FieldSpec[], version: Version): INodeProperties[] {
	return specs
		.filter((spec) => onVersion(spec, version))
		.map((spec) => fieldProperty(spec, version))
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A collection ("Filters", "Additional Fields", …) of catalog fields, shown where `show` says. */
export function collection(
	displayName: string,
	name: string,
	specs: FieldSpec[],
	show: NonNullable<INodeProperties['displayOptions']>['show'],
	version: Version,
	placeholder = 'Add Field',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		displayOptions: { show },
		options: sortedFields(specs, version),
	};
}
