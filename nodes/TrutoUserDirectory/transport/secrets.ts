/** What stands in for a secret in any text the node shows or outputs. */
export const REDACTED = '[redacted]';

/** Shorter values are not treated as secrets: replacing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * Every form in which a secret could come back in a text: as it is,
 * percent-encoded, JSON-escaped, and base64-encoded (alone or as a Basic
 * login). Longest first, so that a longer form is replaced whole.
 */
export function secretForms(secrets: unknown[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
		forms.add(secret);
		forms.add(encodeURIComponent(secret));
		forms.add(JSON.stringify(secret).slice(1, -1));
		forms.add(Buffer.from(secret).toString('base64'));
		forms.add(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
	}
	return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

export function containsSecret(text: string, forms: string[]): boolean {
	return forms.some((form) => text.includes(form));
}

/** The text with every form of every secret replaced by REDACTED. */
export function scrubText(text: string, forms: string[]): string {
	let out = text;
	for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
	return out;
}

/** A value with every string in it scrubbed (objects and arrays are copied, not changed in place). */
export function scrubValue<T>(value: T, forms: string[], depth = 0): T {
	if (!forms.length) return value;
	if (typeof value === 'string') return scrubText(value, forms) as T;
	if (!value || typeof value !== 'object' || depth > 20) return value;
	if (Array.isArray(value)) return value.map((entry) => scrubValue(entry, forms, depth + 1)) as T;
	if (Buffer.isBuffer(value) || value instanceof Date) return value;
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) out[scrubText(key, forms)] = scrubValue(entry, forms, depth + 1);
	return out as T;
}
