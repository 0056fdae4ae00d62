import type { IDataObject } from 'n8n-workflow';

/** One page of a Truto list answer. */
export interface Page {
	/** [key, record]: the key is the `truto_key_by` value, or the position. */
	records: Array<[string, unknown]>;
	next?: string;
}

/**
 * A list answer: `{result: [...] | {key: record}, next_cursor}`, or a bare array
 * (stream in tool mode). `results` is taken too: one page of Truto's reference
 * names the integrated-account list that way.
 */
export function parsePage(body: unknown): Page {
	if (Array.isArray(body)) return { records: body.map((record, i) => [String(i), record]) };
	const envelope = (body ?? {}) as IDataObject;
	const result = envelope.result ?? envelope.results;
	let records: Array<[string, unknown]> = [];
	if (Array.isArray(result)) records = result.map((record, i) => [String(i), record]);
	else if (result && typeof result === 'object') records = Object.entries(result);
	const next = envelope.next_cursor;
	return { records, next: typeof next === 'string' && next ? next : undefined };
}
