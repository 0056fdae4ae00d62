import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { sleepWithAbort } from './sleep';
import { connectionError, trutoApiError, type RequestSubject } from './errors';
import { encodeQuery, type QueryValue } from './query';
import { backoffMs, isRetryableStatus, MAX_WAIT_MS, networkCode, serverDelayMs } from './retry';

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
	subject?: RequestSubject;
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

export const DEFAULT_SETTINGS: TrutoSettings = { maxRetries: 3, timeoutMs: 0 };

const baseUrls = new WeakMap<object, Promise<string>>();

/** The credential's base URL without trailing slashes (read once per execution context). */
export function baseUrlOf(ctx: TrutoContext): Promise<string> {
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

/**
 * The one way this package talks to Truto: builds the URL with Truto's bracket
 * encoding, authenticates through the credential, retries what is safe to
 * retry, and turns failures into NodeApiErrors that say what to do.
 */
export async function trutoRequest(
	ctx: TrutoContext,
	request: TrutoRequest,
	settings: TrutoSettings = DEFAULT_SETTINGS,
): Promise<TrutoResponse> {
	const baseUrl = await baseUrlOf(ctx);
	const query = encodeQuery(request.query ?? {});
	const headers: IDataObject = { Accept: request.binary ? '*/*' : 'application/json' };
	if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
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
	};
	const subject = request.subject ?? {};
	const signal = cancelSignal(ctx);
	const idempotent = isIdempotent(request);

	for (let retries = 0; ; retries++) {
		let response: TrutoResponse | undefined;
		let code: string | undefined;
		try {
			const full = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				CREDENTIAL_TYPE,
				{ ...options },
			)) as { statusCode: number; headers: IDataObject; body: unknown };
			response = { statusCode: full.statusCode, headers: full.headers ?? {}, body: full.body, retries };
		} catch (error) {
			code = networkCode(error);
			if (!code || signal?.aborted) throw new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex: subject.itemIndex });
		}

		if (response && response.statusCode < 400) return response;

		const retryable = response
			? isRetryableStatus(response.statusCode, idempotent)
			: idempotent && code !== 'ECONNREFUSED';
		const waitMs = response ? (serverDelayMs(response.headers) ?? backoffMs(retries)) : backoffMs(retries);
		if (!retryable || retries >= settings.maxRetries || waitMs > MAX_WAIT_MS) {
			if (response) throw trutoApiError(ctx.getNode(), response.statusCode, response.body, subject, retries);
			throw connectionError(ctx.getNode(), code ?? 'ERROR', baseUrl, subject, settings.timeoutMs, retries);
		}
		await sleepWithAbort(waitMs, signal);
	}
}
