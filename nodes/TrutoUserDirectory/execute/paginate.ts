import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PARAMETER } from '../catalog';
import { parsePage, trutoRequest, type TrutoRequest, type TrutoSettings } from '../transport';
import { binaryItem, recordJson } from './output';
import { readLimit } from './params';

/** Pages in a row without a record after which a list is given up (Truto keeps handing out cursors). */
export const MAX_EMPTY_PAGES = 10;

function stopped(ctx: IExecuteFunctions, itemIndex: number, message: string, count: number) {
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		description: `Stopped after ${count} records so as not to loop forever. Try again, or turn off Return All and set a Limit.`,
	});
}

/**
 * Get Many: follows `next_cursor` until it is null, empty or missing. With a
 * limit, asks Truto for no more than is still wanted. Outputs one item per
 * record, or with `truto_key_by` one item holding the keyed records of every
 * page. `paged: false` lists every record without Return All / Limit. Every
 * list ends: a cursor handed out twice in one list, or MAX_EMPTY_PAGES pages
 * in a row without a record, stop it with an error.
 */
export async function listRecords(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: TrutoRequest,
	settings: TrutoSettings,
	paged: boolean,
): Promise<INodeExecutionData[]> {
	const returnAll = !paged || (ctx.getNodeParameter(PARAMETER.returnAll, itemIndex, false) as boolean);
	const limit = returnAll ? Infinity : readLimit(ctx, itemIndex);
	const keyed = Boolean(request.query?.truto_key_by);
	const items: INodeExecutionData[] = [];
	const byKey: IDataObject = {};
	const seen = new Set<string>();
	let count = 0;
	let emptyPages = 0;
	let cursor: string | undefined;
	do {
		const query = { ...request.query };
		if (limit !== Infinity) query.limit = limit - count;
		if (cursor) query.next_cursor = cursor;
		const response = await trutoRequest(ctx, { ...request, query }, settings);
		if (request.expect === 'bytes') {
			return [await binaryItem(ctx, response, { integrated_account_id: query.integrated_account_id })];
		}
		const page = parsePage(response.body);
		for (const [key, record] of page.records.slice(0, limit - count)) {
			if (keyed) byKey[key] = record as IDataObject;
			else items.push({ json: recordJson(record) });
		}
		count += Math.min(page.records.length, limit - count);
		emptyPages = page.records.length ? 0 : emptyPages + 1;
		if (cursor) seen.add(cursor);
		if (page.next && seen.has(page.next)) {
			throw stopped(ctx, itemIndex, 'Truto returned the same next_cursor twice', count);
		}
		if (page.next && emptyPages >= MAX_EMPTY_PAGES) {
			throw stopped(ctx, itemIndex, `Truto sent ${emptyPages} pages in a row without a record, and still a next_cursor`, count);
		}
		cursor = page.next;
	} while (cursor && count < limit);
	return keyed && count ? [{ json: byKey }] : items;
}
