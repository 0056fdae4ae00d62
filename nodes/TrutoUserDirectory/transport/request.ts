import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { connectionError, requestFailure, trutoApiError, type ErrorContext } from './errors';
import { rateLimiterFor } from './rateLimiter';
import { encodeQuery, type QueryValue } from './query';
import { backoffMs, isRetryableStatus, MAX_WAIT_MS, networkCode, serverDelayMs } from './retry';
import { sleepWithAbort } from './sleep';

export type TrutoContext = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'trutoApi';
export const DEFAULT_BASE_URL = 'https://api.truto.one';

export interface TrutoRequest {
	method: IHttpRequestMethods;
	/** Path from the API root, segments already encoded ("/unified/user-directory/organizations/a%2Fb"). */
	path: string;
	query?: Record<string, QueryValue>;
	body?: IDataObject;
	/** Ask for raw bytes (the `stream` response format). */
	binary?: boolean;
	/** Makes a POST or PATCH safe to retry; Truto answers a repeated key from its cache. */
	idempotencyKey?: string;
	errorContext?: ErrorContext;
}

export interface TrutoSettings {
	/** Further tries after the first, for 429s, and for timeouts, resets and 408/502/503/504 when idempotent. */
	maxRetries: number;
	/** Per-attempt timeout in milliseconds; 0 or undefined waits as long as n8n does. */
	timeoutMs?: number;
}

export interface TrutoResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	/** How many retries it took. */
	retries: number;
}

/** Bounds and default of Max Retries. */
export const MAX_RETRIES = { default: 3, min: 0, max: 10 };

export const DEFAULT_SETTINGS: TrutoSettings = { maxRetries: MAX_RETRIES.default, timeoutMs: 0 };

const baseUrls = new WeakMap<object, Promise<string>>();

/** The credential's base URL without trailing slashes (read once per execution context). */
export function getBaseUrl(ctx: TrutoContext): Promise<string> {
	let url = baseUrls.get(ctx);
	if (!url) {
		url = ctx.getCredentials(CREDENTIAL_TYPE).then((credentials) => {
			const raw = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
			return (raw || DEFAULT_BASE_URL).replace(/\/+$/, '');
		});
		baseUrls.set(ctx, url);
	}
	return url;
}

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

const LOST_ANSWER_NOTE =
	'An earlier attempt got no answer and may have gone through: check the record before running again.';

/** How one attempt ended: an HTTP answer, a connection that failed, or another failure. */
type Attempt =
	| { response: TrutoResponse; code?: undefined }
	| { response?: undefined; code: string }
	| { failure: unknown };

/**
 * The one way this package talks to Truto: builds the URL with Truto's bracket
 * encoding, authenticates through the credential, paces requests by the
 * account's rate-limit headers, retries what is safe to retry, and turns
 * failures into NodeApiErrors that say what to do. Every wait ends at once
 * when the execution is cancelled.
 */
export async function trutoRequest(
	ctx: TrutoContext,
	request: TrutoRequest,
	settings: TrutoSettings = DEFAULT_SETTINGS,
): Promise<TrutoResponse> {
	const baseUrl = await getBaseUrl(ctx);
	const query = encodeQuery(request.query ?? {});
	const headers: IDataObject = { Accept: request.binary ? '*/*' : 'application/json' };
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
	const signal = cancelSignal(ctx);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}${query ? `?${query}` : ''}`,
		headers,
		body: request.body,
		json: !request.binary,
		encoding: request.binary ? 'arraybuffer' : undefined,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: settings.timeoutMs || undefined,
		abortSignal: signal,
	};
	const context = request.errorContext ?? {};
	const idempotent = isIdempotent(request);
	const limiter = rateLimiterFor(ctx, accountOf(request));

	let lostAnswer = false;

	for (let retries = 0; ; retries++) {
		if (signal?.aborted) throw requestFailure(ctx.getNode(), signal.reason, context.itemIndex, true);
		const ticket = await cancellable(ctx, context.itemIndex, () => limiter.acquire(signal));
		const attempt = await send(ctx, options, retries, signal);
		if ('failure' in attempt) {
			limiter.settle(ticket);
			throw requestFailure(ctx.getNode(), attempt.failure, context.itemIndex, signal?.aborted);
		}
		const response = attempt.response;
		const waitMs = (response && serverDelayMs(response.statusCode, response.headers)) ?? backoffMs(retries);
		// A 429 holds back every request for the account, set before the waiting ones wake up.
		const limited = response?.statusCode === 429;
		if (limited && waitMs <= MAX_WAIT_MS) limiter.block(waitMs);
		limiter.settle(ticket, response?.headers);
		if (response && response.statusCode < 400) return response;

		const retryable = response
			? isRetryableStatus(response.statusCode, idempotent)
			: idempotent && attempt.code !== 'ECONNREFUSED';
		if (!retryable || retries >= settings.maxRetries || waitMs > MAX_WAIT_MS) {
			if (!response) {
				throw connectionError(ctx.getNode(), attempt.code, baseUrl, context, settings.timeoutMs, retries);
			}
			const note = lostAnswer ? LOST_ANSWER_NOTE : undefined;
			throw trutoApiError(ctx.getNode(), response.statusCode, response.body, context, retries, note);
		}
		if (!response) lostAnswer = true;
		// Other failures wait on their own; after a 429 the rate limiter does the waiting.
		if (!limited) await cancellable(ctx, context.itemIndex, () => sleepWithAbort(waitMs, signal));
	}
}

/** Runs a wait; when the execution is cancelled the item fails at once, saying so. */
async function cancellable<T>(ctx: TrutoContext, itemIndex: number | undefined, waiting: () => Promise<T>): Promise<T> {
	try {
		return await waiting();
	} catch (error) {
		throw requestFailure(ctx.getNode(), error, itemIndex, true);
	}
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
