// The transport: the only code that talks HTTP to Truto. Callers import this file.
export { parseErrorBody, trutoApiError, type ErrorContext } from './errors';
export { header, numberHeader } from './headers';
export { itemIdempotencyKey } from './idempotency';
export { parsePage, type Page } from './page';
export { encodeQuery, type QueryValue } from './query';
export { RateLimiter, rateLimiterFor } from './rateLimiter';
export {
	CREDENTIAL_TYPE,
	DEFAULT_BASE_URL,
	DEFAULT_SETTINGS,
	MAX_RETRIES,
	trutoRequest,
	type TrutoContext,
	type TrutoRequest,
	type TrutoResponse,
	type TrutoSettings,
} from './request';
export { backoffMs, isRetryableStatus, MAX_WAIT_MS, networkCode, retryAfterMs, serverDelayMs } from './retry';
export { sleepWithAbort } from './sleep';
