import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { trutoRequest, type TrutoRequest, type TrutoSettings } from '../transport/request';

interface ListPage {
	result?: unknown;
	next_cursor?: unknown;
}

/**
 * Get Many: follows `next_cursor` until it is null, empty or missing. With a
 * limit, asks Truto for no more than what is still wanted. One item per record.
 */
export async function listRecords(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: TrutoRequest,
	settings: TrutoSettings,
): Promise<INodeExecutionData[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	const items: INodeExecutionData[] = [];
	let cursor: string | undefined;
	do {
		const query = { ...request.query };
		if (!returnAll) query.limit = limit - items.length;
		if (cursor) query.next_cursor = cursor;
		const { body } = await trutoRequest(ctx, { ...request, query }, settings);
		const page = (body ?? {}) as ListPage;
		const records = Array.isArray(page.result) ? page.result : page.result ? [page.result] : [];
		for (const record of records) {
			if (items.length >= limit) break;
			items.push({ json: record as IDataObject });
		}
		cursor = typeof page.next_cursor === 'string' && page.next_cursor ? page.next_cursor : undefined;
	} while (cursor && items.length < limit);
	return items;
}
