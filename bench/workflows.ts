/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The workflows the benchmark compares: Truto User Directory against n8n's
// HTTP Request node making the same calls to the same mock.
import { join } from 'node:path';
import type { IConnections, IDataObject, INode, INodeType } from 'n8n-workflow';

import type { BenchWorkflow } from './engine';
import { loadBaseNode, nodesBaseDir } from './nodes-base';

export const ACCOUNT = 'acc_bulk';
export const MEASURED = 'Measured';
const SPLIT = 'Split Out';
const HTTP_VERSION = 4.2;

export interface Target {
	url: string;
	token: string;
}

export type Scenario =
	| 'truto-delete'
	| 'http-delete-defaults'
	| 'http-delete-continue'
	| 'http-delete-batched'
	| 'truto-list'
	| 'http-list'
	| 'http-list-split';

const TRUTO_TYPE = 'n8n-nodes-truto.trutoUserDirectory';
const HTTP_TYPE = 'n8n-nodes-base.httpRequest';
const SPLIT_TYPE = 'n8n-nodes-base.splitOut';

function node(name: string, type: string, typeVersion: number, parameters: IDataObject, extra: Partial<INode> = {}): INode {
	return { id: name, name, type, typeVersion, position: [0, 0], parameters: parameters as INode['parameters'], ...extra };
}

export function trutoNode(parameters: IDataObject): INode {
	return node(MEASURED, TRUTO_TYPE, 1, parameters, {
		credentials: { trutoApi: { id: '1', name: 'Truto (mock)' } },
	});
}

export const HEADER_CREDENTIAL = 'benchHeaderAuth';

/** HTTP Request with a Header Auth credential for the token and the account in the query, as a user would set it up. */
export function httpNode(target: Target, method: string, path: string, options: IDataObject, extra: Partial<INode> = {}) {
	return node(
		MEASURED,
		HTTP_TYPE,
		HTTP_VERSION,
		{
			method,
			url: `=${target.url}${path}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'integrated_account_id', value: ACCOUNT }] },
			options,
		},
		{ credentials: { httpHeaderAuth: { id: HEADER_CREDENTIAL, name: HEADER_CREDENTIAL } }, ...extra },
	);
}

/** What the Header Auth credential holds. */
export function headerAuth(token: string) {
	return { name: 'Authorization', value: `Bearer ${token}` };
}

const DELETE_PATH = '/unified/user-directory/organizations/{{ $json.id }}';
const USERS_PATH = '/unified/user-directory/users';

/** Follows Truto's next_cursor until it is empty. */
const CURSOR_PAGINATION = {
	pagination: {
		pagination: {
			paginationMode: 'updateAParameterInEachRequest',
			parameters: { parameters: [{ type: 'qs', name: 'next_cursor', value: '={{ $response.body.next_cursor }}' }] },
			paginationCompleteWhen: 'other',
			completeExpression: '={{ !$response.body.next_cursor }}',
		},
	},
};

/** The node from source. Named with its extension: "TrutoUserDirectory.node" alone finds the codex JSON. */
function trutoNodeType(): INodeType {
	const file = join(__dirname, '..', 'nodes', 'TrutoUserDirectory', 'TrutoUserDirectory.node.ts');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { TrutoUserDirectory } = require(file) as typeof import('../nodes/TrutoUserDirectory/TrutoUserDirectory.node');
	return new TrutoUserDirectory();
}

function nodeTypes(): Record<string, INodeType> {
	const types: Record<string, INodeType> = { [TRUTO_TYPE]: trutoNodeType() };
	const baseDir = nodesBaseDir();
	if (baseDir) {
		types[HTTP_TYPE] = loadBaseNode(baseDir, 'HttpRequest/HttpRequest', 'HttpRequest', HTTP_VERSION);
		types[SPLIT_TYPE] = loadBaseNode(baseDir, 'Transform/SplitOut/SplitOut', 'SplitOut');
	}
	return types;
}

export function isHttpScenario(scenario: Scenario): boolean {
	return scenario.startsWith('http-');
}

const CONTINUE = { onError: 'continueRegularOutput' as const };

/** The node under test of a Delete Organization scenario. */
export function deleteNode(scenario: Scenario, target: Target): INode {
	switch (scenario) {
		case 'truto-delete':
			return trutoNode({
				resource: 'organization',
				operation: 'delete',
				integratedAccountId: { __rl: true, mode: 'id', value: ACCOUNT },
				id: '={{ $json.id }}',
				options: {},
			});
		case 'http-delete-defaults':
			return httpNode(target, 'DELETE', DELETE_PATH, {});
		case 'http-delete-continue':
			return httpNode(target, 'DELETE', DELETE_PATH, {}, CONTINUE);
		case 'http-delete-batched':
			return httpNode(target, 'DELETE', DELETE_PATH, { batching: { batch: { batchSize: 50, batchInterval: 1000 } } }, CONTINUE);
		default:
			throw new Error(`${scenario} is not a delete scenario`);
	}
}

/** The workflow of a scenario; deletes get one input item per organization id. */
export function workflowFor(scenario: Scenario, target: Target, ids: string[]): BenchWorkflow {
	const nodes: INode[] = [];
	const connections: IConnections = {};
	let items: IDataObject[] = [{}];
	switch (scenario) {
		case 'truto-list':
			nodes.push(
				trutoNode({
					resource: 'user',
					operation: 'getAll',
					integratedAccountId: { __rl: true, mode: 'id', value: ACCOUNT },
					returnAll: true,
					options: {},
				}),
			);
			break;
		case 'http-list':
			nodes.push(httpNode(target, 'GET', USERS_PATH, CURSOR_PAGINATION));
			break;
		case 'http-list-split':
			nodes.push(httpNode(target, 'GET', USERS_PATH, CURSOR_PAGINATION));
			nodes.push(node(SPLIT, SPLIT_TYPE, 1, { fieldToSplitOut: 'result', include: 'noOtherFields' }));
			connections[MEASURED] = { main: [[{ node: SPLIT, type: 'main', index: 0 }]] };
			break;
		default:
			nodes.push(deleteNode(scenario, target));
			items = ids.map((id) => ({ id }));
	}
	return { nodes, connections, types: nodeTypes(), items };
}

/** The node whose output holds the records (Split Out when there is one). */
export function lastNode(scenario: Scenario): string {
	return scenario === 'http-list-split' ? SPLIT : MEASURED;
}
