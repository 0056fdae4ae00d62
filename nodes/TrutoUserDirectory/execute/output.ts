import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { header, type TrutoResponse } from '../transport';

/** File name from a Content-Disposition header (plain or RFC 5987 form). */
export function fileNameOf(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			return extended[1].trim();
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
	return plain ? (plain[2] ?? plain[1]).trim() : undefined;
}

function isEmptyBody(body: unknown): boolean {
	if (body === undefined || body === null || body === '') return true;
	if (typeof body === 'object' && !Array.isArray(body)) return Object.keys(body).length === 0;
	return false;
}

/** One JSON item from a single-record answer; a non-object body is wrapped. */
export function jsonItem(body: unknown, whenEmpty: IDataObject): INodeExecutionData {
	if (isEmptyBody(body)) return { json: whenEmpty };
	if (Array.isArray(body)) return { json: { result: body } };
	if (typeof body === 'object') return { json: body as IDataObject };
	return { json: { data: body as string | number | boolean } };
}

/** A record of a list as an item's JSON; anything but an object is wrapped. */
export function recordJson(record: unknown): IDataObject {
	return record && typeof record === 'object' && !Array.isArray(record)
		? (record as IDataObject)
		: { data: record as IDataObject['data'] };
}

/**
 * Items of a custom method's answer: `{result: …}` is unwrapped, an array gives
 * one item per entry; an empty array still gives one item (with `result: []`),
 * so that every input item has its output.
 */
export function resultItems(body: unknown, whenEmpty: IDataObject): INodeExecutionData[] {
	const envelope = body && typeof body === 'object' && !Array.isArray(body) && 'result' in body;
	const inner = envelope ? (body as IDataObject).result : body;
	if (Array.isArray(inner) && inner.length) return inner.map((record) => ({ json: recordJson(record) }));
	if (Array.isArray(inner)) return [{ json: { ...whenEmpty, result: [] } }];
	return [jsonItem(inner, whenEmpty)];
}

/** The answer's bytes as binary property `data`, with a small JSON summary. */
export async function binaryItem(
	ctx: IExecuteFunctions,
	response: TrutoResponse,
	summary: IDataObject,
): Promise<INodeExecutionData> {
	const raw = response.body;
	const bytes = Buffer.isBuffer(raw)
		? raw
		: raw instanceof ArrayBuffer
			? Buffer.from(raw)
			: Buffer.from(typeof raw === 'string' ? raw : JSON.stringify(raw ?? ''));
	const mimeType = header(response.headers, 'content-type')?.split(';')[0].trim() || undefined;
	const fileName = fileNameOf(header(response.headers, 'content-disposition'));
	const data = await ctx.helpers.prepareBinaryData(bytes, fileName, mimeType);
	return {
		json: { ...summary, fileName: data.fileName, mimeType: data.mimeType, fileSize: bytes.length },
		binary: { data },
	};
}

/** A value at a path ("organization.name"); the step `primary` in a list takes the entry marked `is_primary`, else the first. */
function valueAt(record: IDataObject, path: string): unknown {
	let value: unknown = record;
	for (const step of path.split('.')) {
		if (Array.isArray(value)) {
			const entries = value as IDataObject[];
			value = step === 'primary' ? (entries.find((entry) => entry?.is_primary === true) ?? entries[0]) : entries[Number(step)];
		} else if (value && typeof value === 'object') {
			value = (value as IDataObject)[step];
		} else {
			return undefined;
		}
	}
	return value;
}

/** The short form of a record (Simplify): the listed fields, flat, those it has. */
export function simplifyRecord(record: IDataObject, fields: Array<[string, string]>): IDataObject {
	const out: IDataObject = {};
	for (const [name, path] of fields) {
		const value = valueAt(record, path);
		if (value !== undefined) out[name] = value as IDataObject[string];
	}
	return out;
}
