// Runs a small workflow in n8n-core's WorkflowExecute, the engine n8n itself
// runs nodes with (HTTP by axios, for real), and times its nodes.
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { TrutoApi } from '../credentials/TrutoApi.credentials';
import { TestCredentialsHelper } from '../test/harness/credentials';

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

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(type: string): INodeType {
		return this.types[type];
	}

	getByNameAndVersion(type: string): INodeType {
		return this.types[type];
	}

	getKnownTypes(): IDataObject {
		return {};
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
	const [first] = workflow.nodes;
	const graph = new Workflow({
		id: 'bench',
		nodes: workflow.nodes,
		connections: workflow.connections,
		nodeTypes: new NodeTypes(workflow.types),
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'bench-execution', {
		id: 'bench',
		name: 'bench',
		active: false,
		nodes: workflow.nodes,
		connections: workflow.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const additionalData = {
		hooks,
		credentialsHelper: new CredentialsHelper({ trutoApi: new TrutoApi() }, credentials),
		executionId: 'bench-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: first, data: { main: [workflow.items.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const execute = new WorkflowExecute(additionalData, 'manual', runData);
	await execute.processRunExecutionData(graph).catch(() => undefined);
	const run = await done;
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
