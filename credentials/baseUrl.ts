/** Truto's API address when the credential leaves Base URL empty. */
export const DEFAULT_BASE_URL = 'https://api.truto.one';

/** Hosts a plain http:// base URL may point at: this machine only (a local mock or proxy). */
function isLoopback(hostname: string): boolean {
	const host = hostname.toLowerCase();
	if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
	return /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host);
}

/**
 * The credential's base URL as an origin ("https://api.truto.one"), or an
 * Error whose message says what to change. Refused: no scheme or host, user
 * name or password in the URL (never repeated in the message), http:// except
 * to this machine, and a path, query or fragment (a base URL that ends in
 * /unified would double the API path).
 */
export function checkBaseUrl(raw: unknown): string | Error {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!text) return DEFAULT_BASE_URL;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return new Error(
			`The Base URL in the Truto API credential is not a URL. Enter ${DEFAULT_BASE_URL} (or your custom Truto domain).`,
		);
	}
	if (url.username || url.password) {
		return new Error(
			'The Base URL in the Truto API credential contains a user name or password. Remove them: Truto is reached with the API Token only.',
		);
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
		return new Error(
			`The Base URL in the Truto API credential must start with https:// (http:// only for this machine). Enter ${DEFAULT_BASE_URL}.`,
		);
	}
	if (url.pathname.replace(/\/+$/, '') !== '' || url.search || url.hash) {
		return new Error(
			`The Base URL in the Truto API credential ends in a path ("${url.pathname}${url.search ? '?…' : ''}"). Enter only the address, such as ${DEFAULT_BASE_URL}: the node adds the API paths itself.`,
		);
	}
	return url.origin;
}
