// Runs a small workflow in n8n-core's WorkflowExecute (the tests' engine runner)
// with n8n's Header Auth as well as Truto's credential, and times its nodes.
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
} from 'n8n-workflow';

import { TrutoApi } from '../credentials/TrutoApi.credentials';
import { TestCredentialsHelper } from '../test/harness/credentials';
import { runWorkflow as runInEngine } from '../test/harness/engine';

/** The test helper, plus n8n's Header Auth (its header name is itself a credential value). */
class CredentialsHelper extends TestCredentialsHelper {
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		...rest: unknown[]
	): Promise<IHttpRequestOptions> {
		if (typeName !== 'httpHeaderAuth') {
			return await super.authenticate(credentials, typeName, requestOptions, ...(rest as []));
		}
		const headers = { ...(requestOptions.headers ?? {}), [String(credentials.name)]: credentials.value };
		return { ...requestOptions, headers } as IHttpRequestOptions;
	}
}

export interface BenchWorkflow {
	nodes: INode[];
	connections: IConnections;
	types: Record<string, INodeType>;
	/** Items given to the first node. */
	items: IDataObject[];
}

export interface BenchRun {
	run: IRun;
	/** Output of each node (first output, first run). */
	output(node: string): INodeExecutionData[];
	error?: string;
}

/** Runs the workflow from its first node with these credentials' data, by type. */
export async function runWorkflow(
	workflow: BenchWorkflow,
	credentials: { trutoApi: { apiToken: string; baseUrl: string }; httpHeaderAuth: { name: string; value: string } },
): Promise<BenchRun> {
	const run = await runInEngine({
		...workflow,
		credentialsHelper: new CredentialsHelper({ trutoApi: new TrutoApi() }, credentials),
	});
	const error = run.data.resultData.error;
	return {
		run,
		output: (node) => run.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [],
		error: error ? `${error.message}${error.description ? ` (${error.description})` : ''}` : undefined,
	};
}

/** How long the node took, as n8n records it. */
export function nodeTime(run: IRun, node: string): number {
	return run.data.resultData.runData[node]?.[0]?.executionTime ?? NaN;
}
