import type { IDataObject } from 'n8n-workflow';

import { header, numberHeader } from './headers';

/** Statuses worth another try; 429 always, the rest only for idempotent requests. */
const RETRY_IF_IDEMPOTENT = new Set([408, 502, 503, 504]);
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);
/** Codes of a request that timed out. */
const TIMEOUT_CODES = new Set([
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

/** Longest single wait; a longer Retry-After fails the item instead of stalling the run. */
export const MAX_WAIT_MS = 120_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

export function isRetryableStatus(status: number, idempotent: boolean): boolean {
	return status === 429 || (idempotent && RETRY_IF_IDEMPOTENT.has(status));
}

/** The error code of a failed connection, found on the error or its causes. */
export function networkCode(error: unknown): string | undefined {
	let current = error as IDataObject | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		const code = current.code;
		if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
		current = current.cause as IDataObject | undefined;
	}
	return undefined;
}

export function isTimeoutCode(code: string): boolean {
	return TIMEOUT_CODES.has(code);
}

/** Retry-After as milliseconds: seconds or an HTTP date. */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const text = header(headers, 'retry-after')?.trim();
	if (!text) return undefined;
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long the server asks us to wait before the next try: Retry-After, and
 * for a 429 without it, ratelimit-reset (seconds until the window ends).
 */
export function serverDelayMs(status: number, headers: IDataObject, now = Date.now()): number | undefined {
	const retryAfter = retryAfterMs(headers, now);
	if (retryAfter !== undefined || status !== 429) return retryAfter;
	const reset = numberHeader(headers, 'ratelimit-reset');
	return reset !== undefined && reset >= 0 ? reset * 1000 : undefined;
}

/** Exponential backoff with jitter for the given retry (0-based): between half and all of 500 ms × 2^retry, capped. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
