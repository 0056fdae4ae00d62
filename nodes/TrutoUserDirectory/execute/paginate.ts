import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { trutoRequest, type TrutoRequest, type TrutoSettings } from '../transport/request';
import { binaryItem, recordJson } from './output';
import { readLimit } from './params';

export interface Page {
	/** [key, record]: the key is the `truto_key_by` value, or the position. */
	records: Array<[string, unknown]>;
	next?: string;
}

/**
 * A list answer: `{result: [...] | {key: record}, next_cursor}`, or a bare array
 * (stream in tool mode). `results` is taken too: one page of Truto's reference
 * names the integrated-account list that way.
 */
export function pageOf(body: unknown): Page {
	if (Array.isArray(body)) return { records: body.map((record, i) => [String(i), record]) };
	const envelope = (body ?? {}) as IDataObject;
	const result = envelope.result ?? envelope.results;
	let records: Array<[string, unknown]> = [];
	if (Array.isArray(result)) records = result.map((record, i) => [String(i), record]);
	else if (result && typeof result === 'object') records = Object.entries(result);
	const next = envelope.next_cursor;
	return { records, next: typeof next === 'string' && next ? next : undefined };
}

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
	const returnAll = !paged || (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean);
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
		const page = pageOf(response.body);
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
