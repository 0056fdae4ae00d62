import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CONCURRENCY, OPTION, PARAMETER } from '../catalog';
import { DEFAULT_SETTINGS, MAX_RETRIES, type TrutoSettings } from '../transport';

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
	const number = Number(value ?? fallback);
	return Number.isFinite(number) && number >= min ? Math.min(max, Math.floor(number)) : fallback;
}

/** The request settings chosen in Options (Max Retries, Timeout). */
export function requestSettings(options: IDataObject): TrutoSettings {
	const timeoutMs = Number(options[OPTION.timeout] ?? DEFAULT_SETTINGS.timeoutMs);
	return {
		maxRetries: wholeNumber(options[OPTION.maxRetries], MAX_RETRIES.default, MAX_RETRIES.min, MAX_RETRIES.max),
		timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? Math.floor(timeoutMs) : 0,
	};
}

/** The Concurrency option: a setting of the node, so it is read once, from the first item. */
export function concurrencyOf(ctx: IExecuteFunctions): number {
	if (!ctx.getInputData().length) return CONCURRENCY.default;
	const value = ctx.getNodeParameter(`${PARAMETER.options}.${OPTION.concurrency}`, 0, CONCURRENCY.default);
	return wholeNumber(value, CONCURRENCY.default, CONCURRENCY.min, CONCURRENCY.max);
}
