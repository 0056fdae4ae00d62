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

function append(pairs: string[], key: string, value: QueryValue): void {
	if (value === undefined || value === null) return;
	if (Array.isArray(value)) {
		for (const entry of value) append(pairs, `${key}[]`, entry);
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
 * arrays with empty brackets `a[]=x`. Keys and values are percent-encoded,
 * brackets stay literal. Undefined and null values are left out.
 */
export function encodeQuery(params: Record<string, QueryValue>): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(params)) append(pairs, encodePart(key), value);
	return pairs.join('&');
}
