import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

/**
 * Credentials for the engine, resolved the way n8n does: an authenticate
 * function is called; in a `generic` authenticate block each value is an
 * expression over `$credentials`.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const auth = this.types[typeName]?.authenticate;
		// A function is called as n8n calls it: with the decrypted credential and the request.
		if (typeof auth === 'function') return await auth.call(this.types[typeName], credentials, requestOptions);
		if (!auth || auth.type !== 'generic' || !workflow || !node) {
			throw new Error(`No generic authenticate block for ${typeName}`);
		}
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials })
				: value;
		const options = { ...requestOptions };
		for (const key of ['headers', 'qs', 'body'] as const) {
			const extra = auth.properties[key] as IDataObject | undefined;
			if (!extra) continue;
			const target = { ...((options[key] as IDataObject | undefined) ?? {}) };
			for (const [name, value] of Object.entries(extra)) target[name] = resolve(value) as IDataObject[string];
			(options as IDataObject)[key] = target;
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(_additionalData: unknown, _details: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}
