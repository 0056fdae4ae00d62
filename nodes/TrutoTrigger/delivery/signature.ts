// Truto signs each delivery: header x-truto-signature, an HMAC-SHA256 of the raw body keyed with
// the webhook's secret (https://truto.one/docs/guides/webhooks/processing-webhook-events),
// written "format=sha256,v=<digest>". The digest is read as hex (64 characters) or base64 (44).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-truto-signature';

/** The header value Truto sends for `body`. */
export function signBody(secret: string, body: Buffer | string): string {
	return `format=sha256,v=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The 32 digest bytes a header value carries, or undefined when it carries none. */
export function digestOf(header: unknown): Buffer | undefined {
	if (typeof header !== 'string') return undefined;
	const parts = Object.fromEntries(
		header.split(',').map((part) => {
			const at = part.indexOf('=');
			return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
		}),
	);
	if (parts.format !== undefined && parts.format !== 'sha256') return undefined;
	const value: string | undefined = parts.v;
	if (!value) return undefined;
	if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
	if (/^[A-Za-z0-9+/]{43}=$/.test(value)) return Buffer.from(value, 'base64');
	return undefined;
}

/** Whether `header` signs exactly these bytes with `secret`; compared in constant time. */
export function verifySignature(header: unknown, body: Buffer | undefined, secret: string): boolean {
	const given = digestOf(header);
	if (!given || !body || !secret) return false;
	const expected = createHmac('sha256', secret).update(body).digest();
	return given.length === expected.length && timingSafeEqual(given, expected);
}
