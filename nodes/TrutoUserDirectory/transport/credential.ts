import type { IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { checkBaseUrl } from '../../../credentials/baseUrl';
import { tokenKey } from './rateLimiter';
import { secretForms } from './secrets';

export type TrutoContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export const CREDENTIAL_TYPE = 'trutoApi';

/** What the transport needs of the credential, never the token itself in readable form. */
export interface CredentialInfo {
	/** The Base URL's origin, or why it cannot be used. */
	origin: string | Error;
	/** Every form of every secret, to scrub from what the node shows and outputs. */
	secrets: string[];
	/** The token as a key that cannot be turned back into it (for the shared rate limits). */
	tokenKey: string;
}

const known = new WeakMap<object, Promise<CredentialInfo>>();

/** The credential's origin and secrets (read once per execution context). */
export function getCredentialInfo(ctx: TrutoContext): Promise<CredentialInfo> {
	let info = known.get(ctx);
	if (!info) {
		info = ctx.getCredentials(CREDENTIAL_TYPE).then((credentials) => ({
			origin: checkBaseUrl(credentials.baseUrl),
			secrets: secretForms([credentials.apiToken]),
			tokenKey: tokenKey(String(credentials.apiToken ?? '')),
		}));
		known.set(ctx, info);
	}
	return info;
}
