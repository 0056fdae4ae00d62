/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { TrutoUserDirectory } from '../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { TestCredentialsHelper } from './credentials';

export const NODE_NAME = 'Truto User Directory';
export const NODE_TYPE = 'n8n-nodes-truto.trutoUserDirectory';

export interface RunOptions {
	parameters: INodeParameters;
	/** Input items (plain JSON objects); one empty item when left out. */
	items?: IDataObject[];
	credentials: { apiToken: string; baseUrl: string };
	onError?: INode['onError'];
	/** Run as an AI agent's tool (node type ending in "Tool"). */
	asTool?: boolean;
	/** Cancel the execution after this many milliseconds. */
	cancelAfterMs?: number;
}

export interface RunResult {
	/** The node's first output. */
	items: INodeExecutionData[];
	/** The error that stopped the node, if any. */
	error?: ExecutionError;
	run: IRun;
}

class NodeTypes implements INodeTypes {
	private readonly node: INodeType = new TrutoUserDirectory();

	getByName(): INodeType {
		return this.node;
	}

	getByNameAndVersion(): INodeType {
		return this.node;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** Runs the node once through n8n-core's real execution engine (HTTP by axios, for real). */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const node: INode = {
		id: 'truto-node',
		name: NODE_NAME,
		type: options.asTool ? `${NODE_TYPE}Tool` : NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { trutoApi: { id: '1', name: 'Truto account' } },
		onError: options.onError,
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: new NodeTypes(),
		active: false,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));

	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(
			{ trutoApi: new TrutoApi() },
			{ trutoApi: options.credentials },
		),
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1:5678/formBaseUrl',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/formWaitingBaseUrl',
		formTestBaseUrl: 'http://127.0.0.1:5678/formTestBaseUrl',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhookBaseUrl',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhookWaitingBaseUrl',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhookTestBaseUrl',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcpBaseUrl',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcpTestBaseUrl',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;

	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(additionalData, 'manual', runData);
	const running = execute.processRunExecutionData(workflow);
	if (options.cancelAfterMs !== undefined) {
		const timer = setTimeout(() => running.cancel(), options.cancelAfterMs);
		void done.finally(() => clearTimeout(timer));
	}
	await running.catch(() => undefined);
	const run = await done;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: taskData?.error ?? run.data.resultData.error,
		run,
	};
}
