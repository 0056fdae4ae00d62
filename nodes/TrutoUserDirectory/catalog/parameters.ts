/**
 * Names of the node's parameters and options, shared by the UI (description/)
 * and the code that reads them (execute/). Renaming one changes saved
 * workflows: it needs a new node version (see the note in the node file).
 */
export const PARAMETER = {
	resource: 'resource',
	operation: 'operation',
	integratedAccount: 'integratedAccountId',
	/** The record an operation acts on. */
	id: 'id',
	returnAll: 'returnAll',
	limit: 'limit',
	filters: 'filters',
	queryParameters: 'queryParameters',
	additionalFields: 'additionalFields',
	updateFields: 'updateFields',
	options: 'options',
	/** Get Many's sorting (from node version 1.1). */
	sort: 'sort',
	/** Short records (from node version 1.1). */
	simplify: 'simplify',
	/** The notice on delete operations (shows only). */
	deleteNotice: 'deleteNotice',
	/** A user's emails and phones, parameters of their own from node version 1.1. */
	emails: 'emails',
	phones: 'phones',
} as const;

/** Names of the options in the Options collection that are not Truto query parameters. */
export const OPTION = {
	alreadyDeleted: 'succeedIfAlreadyDeleted',
	checkCapabilities: 'checkCapabilities',
	concurrency: 'concurrency',
	maxRetries: 'maxRetries',
	maxWait: 'maxWait',
	timeout: 'timeout',
} as const;

/** Name of the one option of a catalog fixedCollection; its value is the list of entries. */
export const ENTRY = 'values';

/** Bounds and default of a number the user sets. */
export interface NumberSetting {
	default: number;
	min: number;
	max: number;
}

/**
 * Items worked on at once by default, as in Truto's own SDK. Truto allows 50
 * requests per 10 s per account; the transport paces itself by the rate-limit
 * headers, so this only has to keep enough requests in flight to reach that
 * rate while answers are slow (10 in flight reach it at answers up to 2 s).
 */
export const CONCURRENCY: NumberSetting = { default: 10, min: 1, max: 50 };

/** Get Many's Limit. */
export const LIMIT: NumberSetting = { default: 50, min: 1, max: 100_000 };
export const DEFAULT_LIMIT = LIMIT.default;
