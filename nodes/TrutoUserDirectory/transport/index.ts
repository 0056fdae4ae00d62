// The transport: the only code that talks HTTP to Truto. Callers import this file.
export { MAX_MESSAGE, parseErrorBody, trutoApiError, type ErrorContext } from './errors';
export { header, numberHeader } from './headers';
export { itemIdempotencyKey } from './idempotency';
export { parsePage, type Page } from './page';
export { encodeQuery, hasLoneSurrogate, queryProblem, type QueryValue } from './query';
export { forgetRateLimits, MAX_TIMER_MS, RateLimited, RateLimiter, rateLimiterFor, tokenKey } from './rateLimiter';
export { type Expect } from './answer';
export { CREDENTIAL_TYPE, getCredentialInfo, type TrutoContext } from './credential';
export {
	DEFAULT_SETTINGS,
	MAX_RETRIES,
	MAX_WAIT_SECONDS,
	TIMEOUT_MS,
	trutoRequest,
	type TrutoRequest,
	type TrutoResponse,
	type TrutoSettings,
} from './request';
export { backoffMs, isRetryableStatus, networkCode, resetMs, retryAfterMs, serverDelayMs } from './retry';
export { REDACTED, scrubValue } from './secrets';
export { sleepWithAbort } from './sleep';
