import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { PARAMETER, resources, searchMethod, UNIFIED_ROOT, type Resource } from '../catalog';
import { parsePage, trutoRequest, type QueryValue, type TrutoRequest } from '../transport';

const PAGE_SIZE = 100;
/** With a filter, pages read in one call while looking for matches. */
const MAX_PAGES = 5;

type Search = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

/** A field by dotted path ("emails.0.email"). */
function pick(record: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), record);
}

/** A record's ID as text, when it has one that can be picked. */
function idOf(record: IDataObject): string | undefined {
	const id = record.id;
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	return typeof id === 'string' && id.trim() ? id : undefined;
}

/** A value fit for a label: text or a number, not an object. */
function labelOf(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function currentId(ctx: ILoadOptionsFunctions, name: string): string {
	const value = ctx.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * Reads Truto list pages from `paginationToken` on, keeping the entries that
 * match `filter`; with a filter, reads on (up to MAX_PAGES) until some match.
 */
async function searchPages(
	ctx: ILoadOptionsFunctions,
	request: TrutoRequest,
	toEntry: (record: IDataObject) => INodeListSearchItems | undefined,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	let cursor = paginationToken;
	for (let pages = 0; pages < MAX_PAGES; pages++) {
		const query: Record<string, QueryValue> = { ...request.query, limit: PAGE_SIZE, next_cursor: cursor };
		const { body } = await trutoRequest(ctx, { ...request, query, expect: 'list' });
		const page = parsePage(body);
		for (const [, record] of page.records) {
			// Entries that are not records, or have no ID to pick, are left out.
			if (!record || typeof record !== 'object' || Array.isArray(record)) continue;
			const entry = toEntry(record as IDataObject);
			if (entry && matches(filter, entry.name, entry.value)) results.push(entry);
		}
		cursor = page.next;
		if (!cursor || !filter || results.length) break;
	}
	return { results, paginationToken: cursor };
}

/** The token's integrated accounts, filtered by integration, tenant, status or ID. */
async function searchIntegratedAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const request: TrutoRequest = { method: 'GET', path: '/integrated-account' };
	return await searchPages(
		this,
		request,
		(account) => {
			const id = idOf(account);
			if (!id) return undefined;
			const integration = account.integration && typeof account.integration === 'object' ? (account.integration as IDataObject) : {};
			const name = labelOf(integration.name) ?? 'account';
			const tenant = labelOf(account.tenant_id);
			const status = labelOf(account.status);
			// Sandbox and status tell apart accounts of one integration and tenant ("needs_reauth" → "needs reauth").
			const notes = [
				account.is_sandbox === true ? 'sandbox' : '',
				status && status !== 'active' ? status.replace(/_/g, ' ') : '',
			].filter(Boolean);
			const suffix = notes.length ? ` (${notes.join(', ')})` : '';
			return { name: `${name}${tenant ? ` · ${tenant}` : ''}${suffix}`, value: id };
		},
		filter,
		paginationToken,
	);
}

/** The pick list of one resource: its records in the selected account. */
function recordSearch(resource: Resource): Search {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		const accountId = currentId(this, PARAMETER.integratedAccount);
		if (!accountId) return { results: [] };
		const request: TrutoRequest = {
			method: 'GET',
			path: `${UNIFIED_ROOT}/${resource.path}`,
			query: { integrated_account_id: accountId, truto_ignore_remote_data: true },
			errorContext: { singular: resource.singular, accountId, action: `list ${resource.plural}` },
		};
		const toEntry = (record: IDataObject) => {
			const id = idOf(record);
			if (!id) return undefined;
			const label = resource.labelFields.map((field) => labelOf(pick(record, field))).find(Boolean);
			return { name: label ? `${label} (${id})` : id, value: id };
		};
		return await searchPages(this, request, toEntry, filter, paginationToken);
	};
}

/** Resources some operation picks a record of: by `id`, or as a further record. */
const picked = resources.filter(
	(resource) =>
		resource.operations.some((operation) => operation.needsId) ||
		resources.some((other) => other.operations.some((op) => op.refs?.some((ref) => ref.resource === resource.value))),
);

/** Every pick-list method of the node, by name. */
export const listSearch: Record<string, Search> = {
	searchIntegratedAccounts,
	...Object.fromEntries(picked.map((resource) => [searchMethod(resource), recordSearch(resource)])),
};
