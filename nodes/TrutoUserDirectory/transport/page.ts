import type { IDataObject } from 'n8n-workflow';

/** One page of a Truto list answer. */
export interface Page {
	/** [key, record]: the key is the `truto_key_by` value, or the position. */
	records: Array<[string, unknown]>;
	next?: string;
}

/** A cursor as text: a number is a cursor too; null, empty or missing ends the list. */
function cursorOf(next: unknown): string | undefined {
	if (typeof next === 'string') return next || undefined;
	if (typeof next === 'number' && Number.isFinite(next)) return String(next);
	return undefined;
}

/**
 * A list answer: `{result: [...] | {key: record}, next_cursor}`, or a bare array
 * (stream in tool mode). `results` is taken too: one page of Truto's reference
 * names the integrated-account list that way. Any other object (a provider's
 * own answer in the raw format) is one record.
 */
export function parsePage(body: unknown): Page {
	if (Array.isArray(body)) return { records: body.map((record, i) => [String(i), record]) };
	if (!body || typeof body !== 'object') return { records: [] };
	const envelope = body as IDataObject;
	const result = envelope.result ?? envelope.results;
	let records: Array<[string, unknown]> = [];
	if (Array.isArray(result)) records = result.map((record, i) => [String(i), record]);
	else if (result && typeof result === 'object') records = Object.entries(result);
	else if (result === undefined && Object.keys(envelope).length) return { records: [['0', envelope]] };
	return { records, next: cursorOf(envelope.next_cursor) };
}
