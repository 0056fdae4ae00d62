import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ENTRY, LIMIT, PARAMETER, type FieldSpec } from '../catalog';
import { hasLoneSurrogate, queryProblem, type QueryValue } from '../transport';

type Values = Record<string, QueryValue>;

/** An error about a parameter's value, before anything is sent. */
export function parameterError(ctx: IExecuteFunctions, itemIndex: number, message: string, description: string) {
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
		throw parameterError(
			ctx,
			itemIndex,
			`The '${displayName}' parameter is empty`,
			`Pick one from the list or enter its ID. If an expression fills it, check that the expression gives a value for item ${itemIndex}.`,
		);
	}
	if (hasLoneSurrogate(text)) {
		throw parameterError(
			ctx,
			itemIndex,
			`The '${displayName}' parameter contains an invalid character`,
			'It holds half of a character that cannot be sent (a lone UTF-16 surrogate). Check the value or the expression that gives it.',
		);
	}
	return text;
}

/**
 * An id that goes into the URL path. "." and ".." cannot: URL parsers resolve
 * them (even percent-encoded) and the request would reach another endpoint.
 */
export function readPathId(ctx: IExecuteFunctions, name: string, itemIndex: number, displayName: string): string {
	const id = readId(ctx, name, itemIndex, displayName);
	if (id === '.' || id === '..') {
		throw parameterError(
			ctx,
			itemIndex,
			`The '${displayName}' parameter cannot be "${id}"`,
			'An ID of "." or ".." cannot be sent in a URL path; check the value for this item.',
		);
	}
	return id;
}

/** Get Many's Limit: a whole number of at least 1 and at most LIMIT.max. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter(PARAMETER.limit, itemIndex, LIMIT.default) as unknown;
	const limit = typeof value === 'string' && value.trim() ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < LIMIT.min || limit > LIMIT.max) {
		throw parameterError(
			ctx,
			itemIndex,
			`The 'Limit' parameter must be a whole number of at least ${LIMIT.min} and at most ${LIMIT.max}`,
			`It is ${JSON.stringify(value)}. Enter how many records to return, or turn on Return All.`,
		);
	}
	return limit;
}

/** A picked record's ID (a resource locator's value), or the value as it is. */
function idOrValue(value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value) && '__rl' in value) {
		const id = (value as IDataObject).value;
		return typeof id === 'string' ? id.trim() : id;
	}
	return value;
}

/** A comma-separated string or an array, as a list of non-empty strings. */
function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter(Boolean);
}

/** A JSON object, or a string holding one. */
function toObject(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): IDataObject | undefined {
	let parsed = value;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw parameterError(
				ctx,
				itemIndex,
				`The ${label} is not valid JSON`,
				`${(error as Error).message}. Enter a JSON object such as {"key": "value"}.`,
			);
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw parameterError(
			ctx,
			itemIndex,
			`The ${label} must be a JSON object`,
			'Enter a JSON object such as {"key": "value"}; arrays, numbers and text are not accepted.',
		);
	}
	return parsed as IDataObject;
}

/** The entries of a fixedCollection value (`{values: [...]}`), or of an array from an expression. */
function entriesOf(value: unknown): IDataObject[] {
	const list = Array.isArray(value) ? value : (value as IDataObject | undefined)?.[ENTRY];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

interface Where {
	ctx: IExecuteFunctions;
	itemIndex: number;
	target: 'query' | 'body';
	/** Display name of the collection the fields are in; Options when left out. */
	collection?: string;
}

function labelOf(spec: FieldSpec, where: Where): string {
	return where.collection ? `'${spec.displayName}' field in '${where.collection}'` : `'${spec.displayName}' option`;
}

/** The objects of a fixedCollection field; an entry without a required sub-field is an error. */
function entryObjects(spec: FieldSpec, value: unknown, where: Where): IDataObject[] {
	return entriesOf(value).map((entry, position) => {
		const object = mapFields(where.ctx, spec.fields ?? [], entry, where.itemIndex, 'body');
		const missing = (spec.fields ?? []).find((field) => field.required && object[field.key ?? field.name] === undefined);
		if (missing) {
			throw parameterError(
				where.ctx,
				where.itemIndex,
				`'${missing.displayName}' is empty in entry ${position + 1} of the ${labelOf(spec, where)}`,
				`Fill in '${missing.displayName}' or remove the entry.`,
			);
		}
		return object as IDataObject;
	});
}

/** Name/value entries as one object; an entry without a name is an error. */
function pairs(spec: FieldSpec, value: unknown, where: Where): Values {
	const out: Values = {};
	for (const entry of entryObjects(spec, value, where)) out[String(entry.name)] = entry.value as QueryValue;
	return out;
}

/** One field's contribution: its key and value, or entries merged in. Undefined when empty. */
function mapOne(spec: FieldSpec, value: unknown, where: Where): { key?: string; value?: QueryValue; merge?: Values } {
	const key = spec.key ?? spec.name;
	if (spec.shape === 'pairs') return { merge: pairs(spec, value, where) };
	if (spec.type === 'fixedCollection') {
		const objects = entryObjects(spec, value, where);
		return objects.length ? { key, value: objects as QueryValue } : {};
	}
	if (spec.type === 'json') {
		const object = toObject(where.ctx, value, where.itemIndex, labelOf(spec, where)) as Values | undefined;
		return spec.shape === 'merge' ? { merge: object } : { key, value: object };
	}
	if (spec.shape === 'list') {
		const list = toList(value);
		if (!list.length) return {};
		return { key, value: spec.itemKey ? list.map((entry) => ({ [spec.itemKey as string]: entry })) : list };
	}
	if (spec.type === 'boolean' && where.target === 'query' && value !== true) return {};
	return { key, value: value as QueryValue };
}

/**
 * Why a field's query value cannot be sent. Names of Other Parameters may hold
 * brackets (`created_at[gt]`), as Truto reads them; keys inside a value may not.
 */
function queryValueProblem(spec: FieldSpec, mapped: { value?: QueryValue; merge?: Values }): string | undefined {
	if (!mapped.merge) return queryProblem(mapped.value);
	for (const [name, value] of Object.entries(mapped.merge ?? {})) {
		const problem = hasLoneSurrogate(name) ? 'a name contains an invalid character (a lone surrogate)' : queryProblem(value);
		if (problem) return problem;
	}
	return undefined;
}

/**
 * The query parameters or body properties that `specs` map from `values`
 * (a collection's content). Empty values are left out; in a query, `false`
 * booleans too. Fields with an operator go to `key[operator]`. Entries merged
 * in (`merge`, `pairs`) never replace a field set one by one.
 */
export function mapFields(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	values: IDataObject,
	itemIndex: number,
	target: 'query' | 'body',
	collection?: string,
): Values {
	const where: Where = { ctx, itemIndex, target, collection };
	const out: Values = {};
	const merged: Values = {};
	for (const spec of specs) {
		const value = idOrValue(values[spec.name]);
		if (value === undefined || value === null || value === '') continue;
		const mapped = mapOne(spec, value, where);
		const problem = target === 'query' ? queryValueProblem(spec, mapped) : undefined;
		if (problem) {
			throw parameterError(
				ctx,
				itemIndex,
				`The ${labelOf(spec, where)} cannot be sent: ${problem}`,
				'Query parameters are sent in Truto\'s bracket form, which cannot carry this. Change the value.',
			);
		}
		if (mapped.merge) Object.assign(merged, mapped.merge);
		if (mapped.key === undefined || mapped.value === undefined) continue;
		if (spec.operator) {
			const current = out[mapped.key];
			const operators = current && typeof current === 'object' && !Array.isArray(current) ? current : {};
			out[mapped.key] = { ...(operators as Values), [spec.operator]: mapped.value };
		} else {
			out[mapped.key] = mapped.value;
		}
	}
	return { ...merged, ...out };
}
