import type { IDataObject } from 'n8n-workflow';

import { header, numberHeader } from './headers';

/**
 * Statuses worth another try; 429 always, the rest only for idempotent
 * requests. A 503 from Truto itself means the integrated account is blocked,
 * which no retry mends; a 503 passed on from the provider is retried.
 */
const RETRY_IF_IDEMPOTENT = new Set([408, 502, 504]);
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

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

export function isRetryableStatus(status: number, idempotent: boolean, remote = false): boolean {
	if (status === 429) return true;
	if (status === 503) return idempotent && remote;
	return idempotent && RETRY_IF_IDEMPOTENT.has(status);
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

/** Numbers above these are moments (Unix time in seconds or milliseconds), not durations. */
const EPOCH_SECONDS = 1e9;
const EPOCH_MILLISECONDS = 1e12;

/**
 * A number of seconds from a header as milliseconds from now. Truto documents
 * seconds until the reset; some servers send the moment of the reset instead
 * (a Unix time in seconds or milliseconds), which is read as such.
 */
export function secondsToWaitMs(value: number, now = Date.now()): number {
	if (value >= EPOCH_MILLISECONDS) return Math.max(0, value - now);
	if (value >= EPOCH_SECONDS) return Math.max(0, value * 1000 - now);
	return Math.max(0, value * 1000);
}

/** Retry-After as milliseconds: seconds (or a Unix time) or an HTTP date. */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const text = header(headers, 'retry-after')?.trim();
	if (!text) return undefined;
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return secondsToWaitMs(seconds, now);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** ratelimit-reset as milliseconds until the window ends. */
export function resetMs(headers: IDataObject, now = Date.now()): number | undefined {
	const reset = numberHeader(headers, 'ratelimit-reset');
	return reset !== undefined && reset >= 0 ? secondsToWaitMs(reset, now) : undefined;
}

/**
 * How long the server asks us to wait before the next try: Retry-After, and
 * for a 429 without it, ratelimit-reset (seconds until the window ends).
 */
export function serverDelayMs(status: number, headers: IDataObject, now = Date.now()): number | undefined {
	const retryAfter = retryAfterMs(headers, now);
	if (retryAfter !== undefined || status !== 429) return retryAfter;
	return resetMs(headers, now);
}

/** Exponential backoff with jitter for the given retry (0-based): between half and all of 500 ms × 2^retry, capped. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
