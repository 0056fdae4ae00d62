import type { IDataObject } from 'n8n-workflow';

/** A header's value as text (the first one when repeated). */
export function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

/** A header holding a number ("12", "0.35"), or undefined. */
export function numberHeader(headers: IDataObject, name: string): number | undefined {
	const text = header(headers, name)?.trim();
	if (!text) return undefined;
	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}
