import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_SETTINGS, type TrutoSettings } from '../transport/request';

/** The request settings chosen in Options (Max Retries, Timeout). */
export function requestSettings(options: IDataObject): TrutoSettings {
	const maxRetries = Number(options.maxRetries ?? DEFAULT_SETTINGS.maxRetries);
	const timeoutMs = Number(options.timeout ?? DEFAULT_SETTINGS.timeoutMs);
	return {
		maxRetries: Number.isFinite(maxRetries) && maxRetries >= 0 ? Math.floor(maxRetries) : DEFAULT_SETTINGS.maxRetries,
		timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 0,
	};
}
