import { containsSecret, REDACTED, scrubText } from './secrets';

/**
 * What a request expects back:
 * - `list`: Truto's list envelope (`result` or `results` holding records), or a bare array;
 * - `record`: one JSON object with at least one field;
 * - `json`: any JSON, or nothing (deletes, custom methods, the raw format);
 * - `text`: JSON when it is JSON, else the text (the stream format for an AI agent);
 * - `bytes`: anything, kept as bytes (the stream format).
 */
export type Expect = 'list' | 'record' | 'json' | 'text' | 'bytes';

/** A body read as the request expects, or why it is not what Truto sends. */
export type Reading = { body: unknown; problem?: undefined } | { problem: string; text: string };

function isObject(value: unknown): value is Record<string, unknown> {
	return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function problemOf(body: unknown, expect: Expect): string | undefined {
	if (expect === 'record') {
		if (!isObject(body)) return Array.isArray(body) ? 'a list where one record was expected' : 'no record';
		if (!Object.keys(body).length) return 'an empty object where a record was expected';
	}
	if (expect === 'list' && !Array.isArray(body)) {
		if (!isObject(body)) return 'no list of records';
		const result = 'result' in body ? body.result : body.results;
		if (result === undefined) return 'no list of records ("result" is missing)';
		if (!result || typeof result !== 'object') return `"result" is ${result === null ? 'null' : `a ${typeof result}`}, not a list of records`;
	}
	return undefined;
}

/**
 * The body of a 2xx answer as the request expects it. Text is decoded as
 * UTF-8; every form of a secret in it is replaced before it is parsed, so no
 * record, file or error can carry one.
 */
export function readAnswer(raw: unknown, expect: Expect, secrets: string[]): Reading {
	const bytes = Buffer.isBuffer(raw)
		? raw
		: raw instanceof ArrayBuffer
			? Buffer.from(raw)
			: Buffer.from(typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : JSON.stringify(raw));
	if (expect === 'bytes') return { body: scrubBytes(bytes, secrets) };
	const text = scrubText(bytes.toString('utf8').replace(/^\uFEFF/, ''), secrets);
	if (!text.trim()) {
		return expect === 'json' || expect === 'text' ? { body: undefined } : { problem: 'an empty answer', text };
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		if (expect === 'text') return { body: text };
		const looksHtml = /^\s*</.test(text);
		return { problem: looksHtml ? 'a web page instead of JSON' : 'JSON that is cut short or not valid', text };
	}
	const problem = problemOf(body, expect);
	return problem ? { problem, text } : { body };
}

/** An error answer's body, scrubbed: parsed JSON when it is JSON, else its text. */
export function readErrorBody(raw: unknown, secrets: string[]): unknown {
	const reading = readAnswer(raw, 'json', secrets);
	return reading.problem === undefined ? reading.body : reading.text;
}

/** Bytes with every form of a secret replaced (only when one is in them). */
function scrubBytes(bytes: Buffer, secrets: string[]): Buffer {
	const latin = bytes.toString('latin1');
	if (!containsSecret(latin, secrets)) return bytes;
	let out = latin;
	for (const form of secrets) out = out.split(form).join(REDACTED);
	return Buffer.from(out, 'latin1');
}
