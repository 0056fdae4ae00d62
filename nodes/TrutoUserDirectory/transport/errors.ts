import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isTimeoutCode } from './retry';
import { scrubText, scrubValue } from './secrets';

/** What a request was about, so that its errors can name the parameter to fix. */
export interface ErrorContext {
	itemIndex?: number;
	/** Lower-case singular of the resource ("organization"). */
	singular?: string;
	/** Display name of the parameter holding the record id ("Organization"). */
	idParameter?: string;
	id?: string;
	accountId?: string;
	/** What the request tried to do, lower case ("delete organizations"). */
	action?: string;
	/** Forms of the credential's secrets: scrubbed from everything an error carries. */
	secrets?: string[];
}

interface TrutoErrorBody {
	statusCode?: number;
	error?: string;
	message?: string;
	truto_is_remote_error?: boolean;
	raw_response?: unknown;
	truto_error_insight?: Record<string, { description?: string; value?: unknown }>;
}

const MAX_DETAIL = 500;
/** Longest message shown; a longer one is cut, and given whole in the description. */
export const MAX_MESSAGE = 300;

function clip(text: string): string {
	return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** Turns a body of any kind (JSON, text, bytes) into Truto's error shape. */
export function parseErrorBody(body: unknown): TrutoErrorBody {
	let value = body;
	if (value instanceof ArrayBuffer) value = new Uint8Array(value);
	if (value instanceof Uint8Array) value = new TextDecoder().decode(value);
	if (typeof value === 'string') {
		const text = value.trim();
		try {
			value = JSON.parse(text);
		} catch {
			return text ? { message: clip(text) } : {};
		}
	}
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as TrutoErrorBody) : {};
}

/** Whether an error body says the failure happened at the provider, not at Truto. */
export function isRemoteError(body: unknown): boolean {
	return parseErrorBody(body).truto_is_remote_error === true;
}

/** Truto's own text, or the provider's answer when Truto passes on an empty message. */
function trutoText(body: TrutoErrorBody): string {
	if (typeof body.message === 'string' && body.message.trim()) return body.message.trim();
	if (body.raw_response !== undefined) {
		const raw = body.raw_response;
		return clip(typeof raw === 'string' ? raw : JSON.stringify(raw));
	}
	return '';
}

function insightLines(body: TrutoErrorBody): string[] {
	const lines: string[] = [];
	for (const [key, insight] of Object.entries(body.truto_error_insight ?? {})) {
		if (!insight || typeof insight !== 'object') continue;
		const value = Array.isArray(insight.value) ? insight.value.join(', ') : '';
		const scopes = (insight.value as IDataObject | undefined)?.missing_scopes;
		const detail = value || (Array.isArray(scopes) ? `missing scopes: ${scopes.join(', ')}` : '');
		if (key.startsWith('conditionally_required') && !detail) continue;
		lines.push(`${insight.description ?? key}${detail ? ` (${detail})` : ''}`);
	}
	return lines;
}

function record(context: ErrorContext): string {
	const what = context.singular ?? 'record';
	return context.id ? `${what} "${context.id}"` : `the ${what}`;
}

function account(context: ErrorContext): string {
	return context.accountId ? `integrated account "${context.accountId}"` : 'the integrated account';
}

/** Message that says what happened and what to do, for a Truto error status. */
function errorMessage(status: number, body: TrutoErrorBody, context: ErrorContext): string {
	const remote = body.truto_is_remote_error === true;
	const action = context.action ?? 'do this';
	const idParameter = context.idParameter ? `'${context.idParameter}'` : 'ID';
	switch (status) {
		case 400:
			return "Truto rejected the request's parameters: check the node's fields and Options";
		case 401:
			return remote
				? `The provider rejected the stored login of ${account(context)}: reconnect the account in Truto`
				: "Truto did not accept the API token: check the API Token in the node's Truto API credential";
		case 403:
			return `Truto refused to ${action} for ${account(context)}: the token or the connected account lacks permission (missing scopes)`;
		case 404:
			return remote
				? `The ${record(context)} was not found in ${account(context)} (it may already be gone): check the ${idParameter} parameter`
				: `Truto found no ${account(context)}, or its integration cannot ${action}: check the 'Integrated Account' parameter`;
		case 405:
			return `Truto will not ${action} on ${account(context)}: sandbox accounts are read-only, or the integration does not support it`;
		case 408:
			return 'The provider took too long to answer: try again, or raise the Timeout option';
		case 409:
			return `The provider refused to ${action} because of a conflict (for example a duplicate): check the values sent`;
		case 422:
			return `The provider rejected the values sent: check the fields of the ${context.singular ?? 'record'}`;
		case 429:
			return 'Truto rate limit reached and retries ran out: lower Concurrency, raise Max Retries, or run again later';
		case 500:
			return 'Truto had an internal problem: try again later';
		case 502:
		case 504:
			return 'The provider behind Truto gave no clean answer: try again later';
		case 503:
			return remote
				? 'The provider behind Truto is unavailable: try again later'
				: `Truto has blocked ${account(context)}: contact Truto support (support@truto.one). Reconnecting the account or retrying does not help`;
		default:
			return `Truto answered with status ${status}${body.error ? ` (${body.error})` : ''}`;
	}
}

interface ErrorParts {
	message: string;
	description?: string;
	httpCode?: string;
}

/**
 * Every error the transport throws is built here: each secret scrubbed from
 * each text and from the response it carries, and a long message cut to a
 * readable length (whole in the description).
 */
function apiError(node: INode, response: JsonObject, parts: ErrorParts, context: ErrorContext): NodeApiError {
	const secrets = context.secrets ?? [];
	const message = scrubText(parts.message, secrets);
	const clipped = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
	const description = [clipped === message ? '' : message, parts.description ? scrubText(parts.description, secrets) : '']
		.filter(Boolean)
		.join('\n');
	return new NodeApiError(node, scrubValue(response, secrets), {
		message: clipped,
		description: description || undefined,
		httpCode: parts.httpCode,
		itemIndex: context.itemIndex,
	});
}

/** A NodeApiError from Truto's error shape (`statusCode`, `error`, `message`, remote fields). */
export function trutoApiError(
	node: INode,
	status: number,
	rawBody: unknown,
	context: ErrorContext,
	retries = 0,
	note?: string,
): NodeApiError {
	const body = parseErrorBody(rawBody);
	const details = [trutoText(body) && `Truto said: ${trutoText(body)}`, ...insightLines(body), note, retryNote(retries)];
	const response: JsonObject = {
		statusCode: status,
		error: body.error ?? '',
		message: trutoText(body),
	};
	if (body.truto_is_remote_error !== undefined) response.truto_is_remote_error = body.truto_is_remote_error;
	if (body.truto_error_insight !== undefined) response.truto_error_insight = body.truto_error_insight as JsonObject;
	return apiError(
		node,
		response,
		{
			message: errorMessage(status, body, context),
			description: details.filter(Boolean).join('\n') || undefined,
			httpCode: String(status),
		},
		context,
	);
}

const CONNECTION_PROBLEMS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was closed while sending',
	EAI_AGAIN: 'the host name could not be resolved',
	UND_ERR_SOCKET: 'the connection was closed',
};

function retryNote(retries: number): string | undefined {
	return retries > 0 ? `Gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'}.` : undefined;
}

/**
 * A NodeApiError for a request that got no HTTP answer (refused, reset, timed
 * out). The error code stays out of the message: n8n would replace a message
 * naming one with its own generic text.
 */
export function connectionError(
	node: INode,
	code: string,
	baseUrl: string,
	context: ErrorContext,
	timeoutMs?: number,
	retries = 0,
): NodeApiError {
	const message = isTimeoutCode(code)
		? timeoutMs
			? `Truto did not answer within ${timeoutMs} ms: raise the Timeout option or try again later`
			: 'Truto did not answer in time: try again later, or set the Timeout option'
		: `Could not reach Truto at ${baseUrl}: check the Base URL in the Truto API credential and the network`;
	const problem = CONNECTION_PROBLEMS[code] ?? (isTimeoutCode(code) ? 'the request timed out' : 'the connection failed');
	const description = [`Network error: ${problem} (${code}).`, retryNote(retries)].filter(Boolean).join(' ');
	return apiError(node, { message }, { message, description }, context);
}

/**
 * Any other failure of the HTTP call, or a wait ended by cancellation. Rebuilt
 * from the message only: the original error carries the request, headers included.
 */
export function requestFailure(node: INode, error: unknown, context: ErrorContext, cancelled = false): NodeApiError {
	const message = cancelled
		? 'The execution was cancelled while waiting for Truto'
		: `The request to Truto failed: ${(error as Error)?.message ?? String(error)}`;
	return apiError(node, { message }, { message }, context);
}

/** The credential cannot be used as it is (its Base URL): nothing was sent. */
export function credentialError(node: INode, problem: Error, context: ErrorContext): NodeApiError {
	return apiError(node, { message: problem.message }, { message: problem.message, description: 'Nothing was sent.' }, context);
}

/** A 3xx answer: never followed, since the next request would carry the token elsewhere. */
export function redirectError(node: INode, status: number, location: string | undefined, from: string, context: ErrorContext): NodeApiError {
	let target = 'no address';
	if (location) {
		try {
			const url = new URL(location, from);
			target = `${url.protocol}//${url.host}`;
		} catch {
			target = 'an address that is not a URL';
		}
	}
	const message = `Truto answered with a redirect (${status}) to ${target}, which the node does not follow: the Base URL in the Truto API credential is probably wrong (for example http:// where https:// is needed)`;
	const description = 'Requests with the Truto API credential never follow redirects, so that the API token is sent only to the Base URL. Enter https://api.truto.one, or your custom Truto domain with https://.';
	return apiError(node, { message, statusCode: status }, { message, description, httpCode: String(status) }, context);
}

/**
 * A 2xx answer that is not what Truto sends for this request (an HTML page,
 * JSON cut short, an empty body where a record is expected). Quotes the start
 * of the body.
 */
export function unexpectedAnswerError(
	node: INode,
	status: number,
	problem: string,
	text: string,
	contentType: string | undefined,
	context: ErrorContext,
): NodeApiError {
	const message = `Truto's answer was not what this operation expects: ${problem}. Check the Base URL in the Truto API credential (https://api.truto.one or your custom Truto domain)`;
	const start = text.trim().slice(0, 200);
	const description = [
		`Status ${status}${contentType ? `, content type ${contentType}` : ''}, ${text.length} characters.`,
		start ? `The answer starts: ${start}${text.trim().length > 200 ? '…' : ''}` : 'The answer was empty.',
		context.action?.startsWith('list') || !context.action ? '' : 'Nothing was retried: the request may have taken effect.',
	]
		.filter(Boolean)
		.join('\n');
	return apiError(node, { message, statusCode: status }, { message, description, httpCode: String(status) }, context);
}

/** The account stays rate limited beyond Max Retries or Max Wait: the item fails without waiting. */
export function rateLimitedError(
	node: INode,
	reason: 'spent' | 'long',
	waitMs: number,
	maxWaitMs: number,
	lastBody: unknown,
	context: ErrorContext,
): NodeApiError {
	const seconds = Number.isFinite(waitMs) ? `${Math.ceil(waitMs / 1000)} s` : 'an unknown time';
	const message =
		reason === 'long'
			? `Truto rate limited ${account(context)} for ${seconds}, more than Max Wait (${Math.round(maxWaitMs / 1000)} s) allows: raise Max Wait in Options, or run again later`
			: `Truto rate limit reached and retries ran out for ${account(context)}: lower Concurrency, raise Max Retries, or run again later`;
	const body = parseErrorBody(lastBody);
	const description = [
		reason === 'spent' ? 'The account was rate limited again after every pause; this item was not sent.' : '',
		trutoText(body) && `Truto said: ${trutoText(body)}`,
	]
		.filter(Boolean)
		.join('\n');
	return apiError(node, { message, statusCode: 429 }, { message, description: description || undefined, httpCode: '429' }, context);
}
