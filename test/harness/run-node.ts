import type { ExecutionError, IDataObject, INode, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';

import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { TrutoUserDirectory } from '../../nodes/TrutoUserDirectory/TrutoUserDirectory.node';
import { forgetRateLimits } from '../../nodes/TrutoUserDirectory/transport';
import { TestCredentialsHelper } from './credentials';
import { runWorkflow } from './engine';

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
	/**
	 * Keep what the process learnt of the accounts' rate limits in earlier runs
	 * (as n8n does between executions). By default each run starts afresh, so
	 * that tests do not depend on each other.
	 */
	keepRateLimits?: boolean;
	/** The execution's id (executions take turns for an account's budget). */
	executionId?: string;
	/** The node's version (default 1, as saved workflows of the first release have it). */
	typeVersion?: number;
}

export interface RunResult {
	/** The node's first output. */
	items: INodeExecutionData[];
	/** The error that stopped the node, if any. */
	error?: ExecutionError;
	run: IRun;
}

/** Runs the node once through n8n-core's real execution engine (HTTP by axios, for real). */
export async function runNode(options: RunOptions): Promise<RunResult> {
	if (!options.keepRateLimits) forgetRateLimits();
	const node: INode = {
		id: 'truto-node',
		name: NODE_NAME,
		type: options.asTool ? `${NODE_TYPE}Tool` : NODE_TYPE,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { trutoApi: { id: '1', name: 'Truto account' } },
		onError: options.onError,
	};
	const run = await runWorkflow({
		nodes: [node],
		connections: {},
		types: { [node.type]: new TrutoUserDirectory() },
		items: options.items ?? [{}],
		credentialsHelper: new TestCredentialsHelper({ trutoApi: new TrutoApi() }, { trutoApi: options.credentials }),
		cancelAfterMs: options.cancelAfterMs,
		executionId: options.executionId,
	});
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: taskData?.error ?? run.data.resultData.error,
		run,
	};
}
