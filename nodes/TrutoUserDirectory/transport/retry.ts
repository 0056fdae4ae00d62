import type { IDataObject } from 'n8n-workflow';

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
]);

/** Longest single wait; a longer Retry-After fails the item instead of stalling the run. */
export const MAX_WAIT_MS = 120_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

export function isRetryableStatus(status: number, idempotent: boolean): boolean {
	return status === 429 || (idempotent && RETRY_IF_IDEMPOTENT.has(status));
}

/** The error code of a failed connection, found on the error or its cause. */
export function networkCode(error: unknown): string | undefined {
	let current = error as IDataObject | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		const code = current.code;
		if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
		current = current.cause as IDataObject | undefined;
	}
	return undefined;
}

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	if (Array.isArray(value)) return String(value[0]);
	return value === undefined || value === null ? undefined : String(value);
}

/** Seconds (or an HTTP date) from Retry-After, else ratelimit-reset, as milliseconds. */
export function serverDelayMs(headers: IDataObject, now = Date.now()): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = Number(header(headers, 'ratelimit-reset'));
	return Number.isFinite(reset) && reset >= 0 ? reset * 1000 : undefined;
}

/** Exponential backoff with full jitter for the given retry (0-based). */
export function backoffMs(retry: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
