import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { checkBaseUrl, DEFAULT_BASE_URL } from './baseUrl';

const REDIRECT_MESSAGE =
	'The Base URL answered with a redirect, which this credential never follows (it would carry the API token elsewhere). The Base URL is probably wrong: enter https://api.truto.one, or your custom Truto domain with https://.';

/** The address a request goes to: its URL, or its path on its base URL. */
function targetOf(options: IHttpRequestOptions): URL | undefined {
	const legacy = options as IHttpRequestOptions & { uri?: string };
	const url = options.url ?? legacy.uri;
	if (!url) return undefined;
	try {
		return new URL(url, options.baseURL);
	} catch {
		return undefined;
	}
}

export class TrutoApi implements ICredentialType {
	name = 'trutoApi';

	displayName = 'Truto API';

	icon: Icon = { light: 'file:truto.svg', dark: 'file:truto.dark.svg' };

	documentationUrl = 'https://truto.one/docs/api-reference/overview/authentication';

	httpRequestNode = {
		name: 'Truto',
		docsUrl: 'https://truto.one/docs/api-reference/unified-user-directory-api',
		apiBaseUrlPlaceholder: 'https://api.truto.one/unified/user-directory/users',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An API token from the Truto dashboard (Settings → API Tokens). It is shown only once, when it is created.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.truto.one',
			required: true,
			placeholder: 'e.g. https://api.truto.one',
			description:
				'Truto API address, https:// only. Change it only for a custom Truto domain; enter the address without a path.',
		},
	];

	/**
	 * Every request made with this credential, by this package's nodes or by
	 * n8n's HTTP Request node: the token goes only to the Base URL's origin,
	 * and redirects are never followed (a redirect would carry it elsewhere).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const origin = checkBaseUrl(credentials.baseUrl);
		if (origin instanceof Error) throw origin;
		const target = targetOf(requestOptions);
		if (!target || target.origin !== origin) {
			throw new Error(
				`The Truto API credential sends its token only to ${origin}, and this request goes to ${target ? target.host : 'an unknown address'}. Use a URL on ${origin}, or change the Base URL in the credential.`,
			);
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiToken ?? '')}` },
			disableFollowRedirect: true,
			// The same, for callers that still use the older request options.
			...({ followRedirect: false, followAllRedirects: false } as object),
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.baseUrl ? $credentials.baseUrl.trim().replace(/\\/+$/, "") : "${DEFAULT_BASE_URL}"}}`,
			url: '/integrated-account',
			qs: { limit: 1 },
			disableFollowRedirect: true,
		},
		// n8n checks status rules on failed answers and body rules on good ones; its type lists one kind only.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Truto did not accept this API token: check it, or create a new one in the Truto dashboard under Settings → API Tokens',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Truto accepted the API token but refused to list integrated accounts with it: use a token of the environment whose accounts you want to reach, with full access',
				},
			},
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode',
				properties: { value, message: REDIRECT_MESSAGE },
			})),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'result',
					value: undefined,
					message:
						"The Base URL answered, but not with Truto's list of integrated accounts (not Truto's JSON): check that the Base URL is https://api.truto.one or your custom Truto domain",
				},
			},
		] as unknown as IAuthenticateRuleResponseCode[],
	};
}
