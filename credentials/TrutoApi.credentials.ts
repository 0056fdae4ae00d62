import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
			description: 'Truto API address. Change it only for a custom Truto domain.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/integrated-account',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Truto did not accept this API token: check it, or create a new one in the Truto dashboard under Settings → API Tokens',
				},
			},
		],
	};
}
