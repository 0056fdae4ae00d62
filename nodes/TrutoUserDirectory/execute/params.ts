import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../catalog';
import type { QueryValue } from '../transport/query';

function problem(ctx: IExecuteFunctions, itemIndex: number, message: string, description: string) {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/**
 * A resource locator's value (or a plain string / number from an expression),
 * trimmed; an empty value is an error that names the parameter.
 */
export function readId(ctx: IExecuteFunctions, name: string, itemIndex: number, displayName: string): string {
	let value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	if (value && typeof value === 'object' && 'value' in value) value = (value as IDataObject).value;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text) {
		throw problem(
			ctx,
			itemIndex,
			`The '${displayName}' parameter is empty`,
			`Pick one from the list or enter its ID. If an expression fills it, check that the expression gives a value for item ${itemIndex}.`,
		);
	}
	return text;
}

/** A comma-separated string or an array, as a list of non-empty strings. */
function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter(Boolean);
}

/** A JSON object, or a string holding one. */
function toObject(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	displayName: string,
): IDataObject | undefined {
	let parsed = value;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw problem(
				ctx,
				itemIndex,
				`The '${displayName}' option is not valid JSON`,
				`${(error as Error).message}. Enter a JSON object such as {"key": "value"}.`,
			);
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw problem(
			ctx,
			itemIndex,
			`The '${displayName}' option must be a JSON object`,
			'Enter a JSON object such as {"key": "value"}; arrays, numbers and text are not accepted.',
		);
	}
	return parsed as IDataObject;
}

/**
 * The query parameters or body properties that `specs` map from `values`
 * (a collection's content). Empty values are left out; in a query, `false`
 * booleans too.
 */
export function mapFields(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	values: IDataObject,
	itemIndex: number,
	target: 'query' | 'body',
): Record<string, QueryValue> {
	const out: Record<string, QueryValue> = {};
	for (const spec of specs) {
		const value = values[spec.name];
		if (value === undefined || value === null || value === '') continue;
		if (spec.shape === 'list') {
			const list = toList(value);
			if (list.length) out[spec.key] = list;
		} else if (spec.type === 'json') {
			const object = toObject(ctx, value, itemIndex, spec.displayName);
			if (object) out[spec.key] = object as QueryValue;
		} else if (spec.type === 'boolean') {
			if (target === 'body' || value === true) out[spec.key] = value as boolean;
		} else {
			out[spec.key] = value as QueryValue;
		}
	}
	return out;
}

/**
 * An id that goes into the URL path. "." and ".." cannot: URL parsers resolve
 * them (even percent-encoded) and the request would reach another endpoint.
 */
export function readPathId(ctx: IExecuteFunctions, name: string, itemIndex: number, displayName: string): string {
	const id = readId(ctx, name, itemIndex, displayName);
	if (id === '.' || id === '..') {
		throw problem(
			ctx,
			itemIndex,
			`The '${displayName}' parameter cannot be "${id}"`,
			'An ID of "." or ".." cannot be sent in a URL path; check the value for this item.',
		);
	}
	return id;
}
