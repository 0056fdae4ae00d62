import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PARAMETER } from '../catalog';
import { parsePage, trutoRequest, type TrutoRequest, type TrutoSettings } from '../transport';
import { binaryItem, recordJson } from './output';
import { readLimit } from './params';

/**
 * Get Many: follows `next_cursor` until it is null, empty or missing. With a
 * limit, asks Truto for no more than is still wanted. Outputs one item per
 * record, or with `truto_key_by` one item holding the keyed records of every
 * page. `paged: false` lists every record without Return All / Limit.
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
	let count = 0;
	let cursor: string | undefined;
	do {
		const query = { ...request.query };
		if (limit !== Infinity) query.limit = limit - count;
		if (cursor) query.next_cursor = cursor;
		const response = await trutoRequest(ctx, { ...request, query }, settings);
		if (request.binary) return [await binaryItem(ctx, response, { integrated_account_id: query.integrated_account_id })];
		const page = parsePage(response.body);
		for (const [key, record] of page.records.slice(0, limit - count)) {
			if (keyed) byKey[key] = record as IDataObject;
			else items.push({ json: recordJson(record) });
		}
		count += Math.min(page.records.length, limit - count);
		if (page.next && page.next === cursor) {
			throw new NodeOperationError(ctx.getNode(), 'Truto returned the same next_cursor twice', {
				itemIndex,
				description: `Stopped after ${count} records so as not to loop forever. Try again, or turn off Return All and set a Limit.`,
			});
		}
		cursor = page.next;
	} while (cursor && count < limit);
	return keyed && count ? [{ json: byKey }] : items;
}
