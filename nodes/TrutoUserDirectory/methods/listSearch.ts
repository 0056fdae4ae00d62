import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { findResource, UNIFIED_ROOT } from '../catalog';
import { trutoRequest } from '../transport/request';

const PAGE_SIZE = 100;

interface Page {
	result?: unknown;
	results?: unknown;
	next_cursor?: unknown;
}

function records(page: Page): IDataObject[] {
	const list = page.result ?? page.results;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function nextToken(page: Page): string | undefined {
	return typeof page.next_cursor === 'string' && page.next_cursor ? page.next_cursor : undefined;
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

/** A field by dotted path ("emails.0.email"). */
function pick(record: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], record);
}

function currentId(ctx: ILoadOptionsFunctions, name: string): string {
	const value = ctx.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** The token's integrated accounts, one Truto page at a time, filtered by integration, tenant or ID. */
export async function searchIntegratedAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { body } = await trutoRequest(this, {
		method: 'GET',
		path: '/integrated-account',
		query: { limit: PAGE_SIZE, next_cursor: paginationToken },
	});
	const page = (body ?? {}) as Page;
	const results = records(page)
		.filter((account) => {
			const integration = (account.integration as IDataObject | undefined)?.name;
			return matches(filter, integration, account.tenant_id, account.id);
		})
		.map((account) => {
			const integration = (account.integration as IDataObject | undefined)?.name ?? 'account';
			const status = account.status && account.status !== 'active' ? ` (${String(account.status)})` : '';
			const tenant = account.tenant_id ? ` · ${String(account.tenant_id)}` : '';
			return { name: `${String(integration)}${tenant}${status}`, value: String(account.id) };
		});
	return { results, paginationToken: nextToken(page) };
}

/** Records of the selected resource in the selected account, for the ID pick list. */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const resource = findResource(this.getCurrentNodeParameter('resource') as string);
	const accountId = currentId(this, 'integratedAccountId');
	if (!resource || !accountId) return { results: [] };
	const { body } = await trutoRequest(this, {
		method: 'GET',
		path: `${UNIFIED_ROOT}/${resource.path}`,
		query: {
			integrated_account_id: accountId,
			limit: PAGE_SIZE,
			next_cursor: paginationToken,
			truto_ignore_remote_data: true,
		},
		subject: { singular: resource.singular, accountId, action: `list ${resource.plural}` },
	});
	const page = (body ?? {}) as Page;
	const results = records(page)
		.map((record) => {
			const label = resource.labelFields.map((field) => pick(record, field)).find((v) => v);
			const id = String(record.id);
			return { name: label ? `${String(label)} (${id})` : id, value: id };
		})
		.filter((entry) => matches(filter, entry.name));
	return { results, paginationToken: nextToken(page) };
}
