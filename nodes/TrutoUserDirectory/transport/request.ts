import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { readAnswer, readErrorBody, type Expect } from './answer';
import { CREDENTIAL_TYPE, getCredentialInfo, type TrutoContext } from './credential';
import {
	connectionError,
	credentialError,
	isRemoteError,
	rateLimitedError,
	redirectError,
	requestFailure,
	trutoApiError,
	unexpectedAnswerError,
	type ErrorContext,
} from './errors';
import { header } from './headers';
import { encodeQuery, type QueryValue } from './query';
import { MAX_TIMER_MS, RateLimited, rateLimiterFor, tokenLimiterFor } from './rateLimiter';
import { backoffMs, isRetryableStatus, networkCode, serverDelayMs } from './retry';
import { scrubValue } from './secrets';
import { sleepWithAbort } from './sleep';

export interface TrutoRequest {
	method: IHttpRequestMethods;
	/** Path from the API root, segments already encoded ("/unified/user-directory/organizations/a%2Fb"). */
	path: string;
	query?: Record<string, QueryValue>;
	body?: IDataObject;
	/** What the answer must be; `bytes` asks for the raw bytes (the `stream` response format). Default `json`. */
	expect?: Expect;
	/** Makes a POST or PATCH safe to retry; Truto answers a repeated key from its cache. */
	idempotencyKey?: string;
	/**
	 * A record the provider says is not there (its 404 or 410, `truto_is_remote_error`)
	 * is an answer marked `gone`, not an error. Truto's own 404 stays an error.
	 */
	acceptGone?: boolean;
	errorContext?: ErrorContext;
}

export interface TrutoSettings {
	/** Further tries after the first, for 429s, and for timeouts, resets and 408/502/504 (and a provider's 503) when idempotent. */
	maxRetries: number;
	/** Per-attempt timeout in milliseconds; 0 or undefined waits as long as n8n does. */
	timeoutMs?: number;
	/** Longest single wait for a rate limit or a retry, in milliseconds. */
	maxWaitMs?: number;
}

export interface TrutoResponse {
	statusCode: number;
	headers: IDataObject;
	/** The parsed JSON (or bytes for `expect: 'bytes'`), every secret scrubbed. */
	body: unknown;
	/** How many retries it took. */
	retries: number;
	/** With `acceptGone`: the provider said the record is not there. */
	gone?: boolean;
}

/** Bounds and defaults of the request settings the user can set. */
export const MAX_RETRIES = { default: 3, min: 0, max: 10 };
/** At most an hour: timers take at most 2^31 − 1 ms. */
export const TIMEOUT_MS = { default: 0, min: 0, max: 3_600_000 };
export const MAX_WAIT_SECONDS = { default: 120, min: 1, max: 3_600 };

export const DEFAULT_SETTINGS: TrutoSettings = {
	maxRetries: MAX_RETRIES.default,
	timeoutMs: TIMEOUT_MS.default,
	maxWaitMs: MAX_WAIT_SECONDS.default * 1000,
};

function cancelSignal(ctx: TrutoContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
}

function isIdempotent(request: TrutoRequest): boolean {
	return request.method === 'GET' || request.method === 'DELETE' || Boolean(request.idempotencyKey);
}

function accountOf(request: TrutoRequest): string {
	const account = request.query?.integrated_account_id;
	return typeof account === 'string' ? account : '';
}

const MIN_RATE_LIMIT_WAIT_MS = 250;

const LOST_ANSWER_NOTE =
	'An earlier attempt got no answer and may have gone through: check the record before running again.';

/** How one attempt ended: an HTTP answer, a connection that failed, or another failure. */
type Attempt =
	| { response: TrutoResponse; code?: undefined }
	| { response?: undefined; code: string }
	| { failure: unknown };

/**
 * The one way this package talks to Truto: builds the URL with Truto's bracket
 * encoding, authenticates through the credential (which sends the token only
 * to the Base URL), paces requests by the account's rate-limit headers,
 * retries what is safe to retry, never follows a redirect, checks that an
 * answer is Truto's, and turns failures into NodeApiErrors that say what to
 * do, with every secret scrubbed. Every wait is bounded and ends at once when
 * the execution is cancelled.
 */
export async function trutoRequest(
	ctx: TrutoContext,
	request: TrutoRequest,
	settings: TrutoSettings = DEFAULT_SETTINGS,
): Promise<TrutoResponse> {
	const { origin, secrets, tokenKey } = await getCredentialInfo(ctx);
	const context: ErrorContext = { ...request.errorContext, secrets };
	const node = ctx.getNode();
	if (origin instanceof Error) throw credentialError(node, origin, context);
	const expect = request.expect ?? 'json';
	const query = encodeQuery(request.query ?? {});
	const url = `${origin}${request.path}${query ? `?${query}` : ''}`;
	const headers: IDataObject = { Accept: expect === 'bytes' ? '*/*' : 'application/json' };
	if (request.body) headers['Content-Type'] = 'application/json';
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
	const signal = cancelSignal(ctx);
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers,
		body: request.body,
		json: false,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: settings.timeoutMs ? Math.min(settings.timeoutMs, MAX_TIMER_MS) : undefined,
		abortSignal: signal,
	};
	const maxWaitMs = Math.min(settings.maxWaitMs ?? DEFAULT_SETTINGS.maxWaitMs!, MAX_TIMER_MS);
	const idempotent = isIdempotent(request);
	const limiter = rateLimiterFor(origin, tokenKey, accountOf(request));
	const tokenLimiter = tokenLimiterFor(origin, tokenKey);
	const limits = { maxRetries: settings.maxRetries, maxWaitMs };
	// Executions take turns for the account's budget; pick lists are a party of their own.
	const party = 'getExecutionId' in ctx ? String(ctx.getExecutionId() ?? '') : 'pick list';
	const waitWithin = async <T>(waiting: () => Promise<T>): Promise<T> => {
		try {
			return await waiting();
		} catch (error) {
			if (error instanceof RateLimited) {
				throw rateLimitedError(node, error.reason, error.waitMs, maxWaitMs, error.lastBody, context);
			}
			throw requestFailure(node, error, context, true);
		}
	};

	let lostAnswer = false;
	for (let retries = 0; ; retries++) {
		if (signal?.aborted) throw requestFailure(node, signal.reason, context, true);
		// The account's budget first, then the token's (shared by every account's requests).
		const ticket = await waitWithin(() => limiter.acquire(signal, limits, party));
		const tokenTicket = await waitWithin(() => tokenLimiter.acquire(signal, limits, party)).catch((error: unknown) => {
			limiter.settle(ticket);
			throw error;
		});
		const attempt = await send(ctx, options, retries, signal);
		if ('failure' in attempt) {
			limiter.settle(ticket);
			tokenLimiter.settle(tokenTicket);
			throw requestFailure(node, attempt.failure, context, signal?.aborted);
		}
		const response = attempt.response;
		const status = response?.statusCode;
		const asked = (response && serverDelayMs(response.statusCode, response.headers)) ?? backoffMs(retries);
		// A server that answers 429 with "retry now" still gets a short pause, never a tight loop.
		const waitMs = status === 429 ? Math.max(asked, MIN_RATE_LIMIT_WAIT_MS) : asked;
		// Answers tell of the account's limit, or of the token's when it is the nearer one.
		const ofToken = limiter.tellsLargerLimit(response?.headers);
		// A 429 pauses every request for the account (or the token), set before the waiting ones wake up.
		if (status === 429) (ofToken ? tokenLimiter : limiter).block(waitMs, Date.now(), readErrorBody(response?.body, secrets));
		else if (response) {
			limiter.lifted();
			tokenLimiter.lifted();
		}
		limiter.settle(ticket, response?.headers);
		tokenLimiter.settle(tokenTicket, ofToken ? response?.headers : undefined);

		if (response && response.statusCode < 300) {
			// A write may answer 204 with nothing; a read never should.
			const nothing = response.statusCode === 204 && request.method !== 'GET' && expect !== 'bytes';
			return answered(response, nothing ? 'json' : expect, context, node, secrets);
		}
		if (response && response.statusCode < 400) {
			throw redirectError(node, response.statusCode, header(response.headers, 'location'), url, context);
		}
		const retryable = response
			? isRetryableStatus(response.statusCode, idempotent, isRemoteError(readErrorBody(response.body, secrets)))
			: idempotent && attempt.code !== 'ECONNREFUSED';
		if (retryable && retries < settings.maxRetries && waitMs > maxWaitMs) {
			throw rateLimitedError(node, 'long', waitMs, maxWaitMs, response?.body, context);
		}
		if (response && request.acceptGone && (status === 404 || status === 410)) {
			if (isRemoteError(readErrorBody(response.body, secrets))) return { ...response, body: undefined, gone: true };
		}
		if (!retryable || retries >= settings.maxRetries) {
			if (!response) throw connectionError(node, attempt.code, origin, context, settings.timeoutMs, retries);
			const note = lostAnswer ? LOST_ANSWER_NOTE : undefined;
			throw trutoApiError(node, response.statusCode, readErrorBody(response.body, secrets), context, retries, note);
		}
		if (!response) lostAnswer = true;
		// Other failures wait on their own; after a 429 the rate limiter does the waiting.
		if (status !== 429) await waitWithin(() => sleepWithAbort(waitMs, signal));
	}
}

/** A 2xx answer, read as the request expects; anything else is an error that quotes it. */
function answered(
	response: TrutoResponse,
	expect: Expect,
	context: ErrorContext,
	node: ReturnType<TrutoContext['getNode']>,
	secrets: string[],
): TrutoResponse {
	const reading = readAnswer(response.body, expect, secrets);
	if (reading.problem !== undefined) {
		const contentType = header(response.headers, 'content-type');
		throw unexpectedAnswerError(node, response.statusCode, reading.problem, reading.text, contentType, context);
	}
	return { ...response, headers: scrubValue(response.headers, secrets), body: reading.body };
}

/** One attempt: an answer, a lost connection, or another failure (cancellation among them). */
async function send(ctx: TrutoContext, options: IHttpRequestOptions, retries: number, signal?: AbortSignal): Promise<Attempt> {
	try {
		const full = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
			...options,
			headers: { ...options.headers },
		})) as { statusCode: number; headers?: IDataObject; body: unknown };
		return { response: { statusCode: full.statusCode, headers: full.headers ?? {}, body: full.body, retries } };
	} catch (error) {
		const code = networkCode(error);
		return code && !signal?.aborted ? { code } : { failure: error };
	}
}
