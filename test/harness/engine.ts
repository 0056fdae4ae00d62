/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IConnections,
	ICredentialsHelper,
	IDataObject,
	INode,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

export interface EngineRun {
	nodes: INode[];
	connections: IConnections;
	/** Node classes by node type. */
	types: Record<string, INodeType>;
	/** Items given to the first node. */
	items: IDataObject[];
	credentialsHelper: ICredentialsHelper;
	/** Cancel the execution after this many milliseconds. */
	cancelAfterMs?: number;
	/** The execution's id; "test-execution" when left out. */
	executionId?: string;
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

const BASE = 'http://127.0.0.1:5678';

/**
 * Runs a workflow from its first node in n8n-core's WorkflowExecute, the
 * engine n8n runs nodes with (HTTP by axios, for real), and returns the run.
 */
export async function runWorkflow(options: EngineRun): Promise<IRun> {
	const { nodes, connections } = options;
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes,
		connections,
		nodeTypes: new NodeTypes(options.types),
		active: false,
	});
	const executionId = options.executionId ?? 'test-execution';
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));

	const additionalData = {
		hooks,
		credentialsHelper: options.credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE}/rest`,
		instanceBaseUrl: `${BASE}/`,
		formBaseUrl: `${BASE}/form`,
		formWaitingBaseUrl: `${BASE}/form-waiting`,
		formTestBaseUrl: `${BASE}/form-test`,
		webhookBaseUrl: `${BASE}/webhook`,
		webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`,
		mcpBaseUrl: `${BASE}/mcp`,
		mcpTestBaseUrl: `${BASE}/mcp-test`,
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
				{ node: nodes[0], data: { main: [options.items.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const running = new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(workflow);
	if (options.cancelAfterMs !== undefined) {
		const timer = setTimeout(() => running.cancel(), options.cancelAfterMs);
		void done.finally(() => clearTimeout(timer));
	}
	await running.catch(() => undefined);
	return await done;
}
