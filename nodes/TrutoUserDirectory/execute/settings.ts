import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_SETTINGS, type TrutoSettings } from '../transport/request';

/**
 * Items worked on at once by default, as in Truto's own SDK. Truto allows 50
 * requests per 10 s per account; the transport paces itself by the rate-limit
 * headers, so this only has to keep enough requests in flight to reach that
 * rate while answers are slow (10 in flight reach it at answers up to 2 s).
 */
export const DEFAULT_CONCURRENCY = 10;
export const MAX_CONCURRENCY = 50;

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
	const number = Number(value ?? fallback);
	return Number.isFinite(number) && number >= min ? Math.min(max, Math.floor(number)) : fallback;
}

/** The request settings chosen in Options (Max Retries, Timeout). */
export function requestSettings(options: IDataObject): TrutoSettings {
	const timeoutMs = Number(options.timeout ?? DEFAULT_SETTINGS.timeoutMs);
	return {
		maxRetries: wholeNumber(options.maxRetries, DEFAULT_SETTINGS.maxRetries, 0, 10),
		timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? Math.floor(timeoutMs) : 0,
	};
}

/** The Concurrency option: a setting of the node, so it is read once, from the first item. */
export function concurrencyOf(ctx: IExecuteFunctions): number {
	if (!ctx.getInputData().length) return DEFAULT_CONCURRENCY;
	const value = ctx.getNodeParameter('options.concurrency', 0, DEFAULT_CONCURRENCY);
	return wholeNumber(value, DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
}
