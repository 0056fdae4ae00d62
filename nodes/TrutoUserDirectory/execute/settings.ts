import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CONCURRENCY, OPTION, PARAMETER, type NumberSetting } from '../catalog';
import { MAX_RETRIES, MAX_WAIT_SECONDS, TIMEOUT_MS, type TrutoSettings } from '../transport';
import { parameterError } from './params';

/**
 * A whole number option within its bounds, or its default when it is not set.
 * Anything else (0 where 1 is the least, a negative number, text that is not a
 * number) is an error that names the option: nothing is sent.
 */
export function readWholeNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	displayName: string,
	bounds: NumberSetting,
): number {
	if (raw === undefined || raw === null || raw === '') return bounds.default;
	const value = typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
		throw parameterError(
			ctx,
			itemIndex,
			`The '${displayName}' option must be a whole number from ${bounds.min} to ${bounds.max}`,
			`It is ${JSON.stringify(raw)}. Change it in Options, or remove it to use ${bounds.default}.`,
		);
	}
	return value;
}

/** The request settings chosen in Options (Max Retries, Timeout, Max Wait). */
export function requestSettings(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): TrutoSettings {
	return {
		maxRetries: readWholeNumber(ctx, itemIndex, options[OPTION.maxRetries], 'Max Retries', MAX_RETRIES),
		timeoutMs: readWholeNumber(ctx, itemIndex, options[OPTION.timeout], 'Timeout', TIMEOUT_MS),
		maxWaitMs: readWholeNumber(ctx, itemIndex, options[OPTION.maxWait], 'Max Wait', MAX_WAIT_SECONDS) * 1000,
	};
}

/** The Concurrency option: a setting of the node, so it is read once, from the first item. */
export function concurrencyOf(ctx: IExecuteFunctions): number {
	if (!ctx.getInputData().length) return CONCURRENCY.default;
	const value = ctx.getNodeParameter(`${PARAMETER.options}.${OPTION.concurrency}`, 0, CONCURRENCY.default);
	return readWholeNumber(ctx, 0, value, 'Concurrency', CONCURRENCY);
}
