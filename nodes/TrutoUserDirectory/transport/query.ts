/** A value that can go into Truto's bracket-encoded query string. */
export type QueryValue =
	| string
	| number
	| boolean
	| Date
	| null
	| undefined
	| QueryValue[]
	| { [key: string]: QueryValue };

function encodePart(text: string): string {
	return encodeURIComponent(text);
}

function scalar(value: string | number | boolean | Date): string {
	return value instanceof Date ? value.toISOString() : String(value);
}

function isNested(value: QueryValue): boolean {
	return value !== null && typeof value === 'object' && !(value instanceof Date);
}

function append(pairs: string[], key: string, value: QueryValue): void {
	if (value === undefined || value === null) return;
	if (Array.isArray(value)) {
		// Empty brackets for a list of values (Truto's documented form); a list of
		// objects or lists needs positions, or the entries would merge on the way in.
		const indexed = value.some(isNested);
		value.forEach((entry, i) => append(pairs, indexed ? `${key}[${i}]` : `${key}[]`, entry));
		return;
	}
	if (typeof value === 'object' && !(value instanceof Date)) {
		for (const [child, entry] of Object.entries(value)) append(pairs, `${key}[${encodePart(child)}]`, entry);
		return;
	}
	pairs.push(`${key}=${encodePart(scalar(value))}`);
}

/**
 * Truto's documented query encoding: scalars as-is, objects as `a[b]=c`,
 * arrays with empty brackets `a[]=x` (with positions, `a[0][b]=c`, when the
 * entries are objects or arrays). Keys and values are percent-encoded,
 * brackets stay literal. Undefined and null values are left out.
 */
export function encodeQuery(params: Record<string, QueryValue>): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(params)) append(pairs, encodePart(key), value);
	return pairs.join('&');
}

/** A lone half of a UTF-16 surrogate pair: such a string cannot be sent. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
	return LONE_SURROGATE.test(text);
}

/**
 * Why a value cannot be sent as it is in a query, or undefined: a string
 * with a lone surrogate, a key with brackets (it would change the structure
 * Truto reads), a number that is not finite.
 */
export function queryProblem(value: QueryValue, depth = 0): string | undefined {
	if (depth > 10) return 'it is nested more than 10 levels deep';
	if (typeof value === 'string') return hasLoneSurrogate(value) ? 'it contains an invalid character (a lone surrogate)' : undefined;
	if (typeof value === 'number') return Number.isFinite(value) ? undefined : `it contains the number ${value}`;
	if (!value || typeof value !== 'object' || value instanceof Date) return undefined;
	for (const [key, entry] of Object.entries(value)) {
		if (!Array.isArray(value)) {
			if (/[[\]]/.test(key)) return `the key "${key}" contains a bracket`;
			if (hasLoneSurrogate(key)) return 'a key contains an invalid character (a lone surrogate)';
		}
		const problem = queryProblem(entry, depth + 1);
		if (problem) return problem;
	}
	return undefined;
}
