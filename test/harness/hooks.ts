import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TrutoApi } from '../../credentials/TrutoApi.credentials';
import { TrutoTrigger } from '../../nodes/TrutoTrigger/TrutoTrigger.node';
import { TestCredentialsHelper } from './credentials';

export const TRIGGER_TYPE = 'n8n-nodes-truto.trutoTrigger';
export const WEBHOOK_BASE = 'http://127.0.0.1:5678/webhook';

/**
 * The trigger's activation methods as n8n calls them (n8n-core's HookContext), on one workflow
 * whose static data lives as long as this object: activate, restart, deactivate.
 */
export function triggerHooks(parameters: INodeParameters, credentials: { apiToken: string; baseUrl: string }) {
	const nodeType = new TrutoTrigger();
	const nodeTypes: INodeTypes = {
		getByName: (): INodeType => nodeType,
		getByNameAndVersion: (): INodeType => nodeType,
		getKnownTypes: (): IDataObject => ({}),
	};
	const node: INode = {
		id: 'trigger-node',
		name: 'Truto Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		webhookId: 'hook-1',
		credentials: { trutoApi: { id: '1', name: 'Truto account' } },
	};
	const workflow = new Workflow({ id: 'wf1', nodes: [node], connections: {}, nodeTypes, active: true, staticData: {} });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper({ trutoApi: new TrutoApi() }, { trutoApi: credentials }),
		webhookBaseUrl: WEBHOOK_BASE,
		webhookTestBaseUrl: `${WEBHOOK_BASE}-test`,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = () => new HookContext(workflow, node, additionalData, 'trigger', 'activate');
	const methods = nodeType.webhookMethods.default;

	/** One delivery as n8n hands it to the node: the raw bytes, the parsed body, the headers. */
	async function receive(raw: Buffer, headers: Record<string, string | string[] | undefined>): Promise<Received> {
		let body: IDataObject = {};
		try {
			body = JSON.parse(raw.toString('utf8'));
		} catch {
			// n8n hands over an empty body when it is not JSON.
		}
		const answer: Received = { status: 200 };
		const res = {
			status(code: number) {
				answer.status = code;
				return res;
			},
			json(value: unknown) {
				answer.body = value;
				return res;
			},
			end: () => res,
		};
		const data = { ...additionalData, httpRequest: { body, headers, rawBody: raw, query: {}, params: {} }, httpResponse: res } as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = { webhookDescription: nodeType.description.webhooks![0], node: node.name, workflowId: 'wf1', httpMethod: 'POST', path: 'webhook' } as unknown as IWebhookData;
		const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
		const result: IWebhookResponseData = await nodeType.webhook.call(context);
		answer.result = result;
		if (result.noWebhookResponse) return answer;
		answer.body = result.webhookResponse ?? { message: 'Webhook call received' };
		return answer;
	}

	return {
		node,
		staticData: () => workflow.getStaticData('node', node),
		url: () => context().getNodeWebhookUrl('default'),
		checkExists: () => methods.checkExists.call(context()),
		create: () => methods.create.call(context()),
		delete: () => methods.delete.call(context()),
		receive,
	};
}

export interface Received {
	status: number;
	body?: unknown;
	/** What the node returned: workflowData when the workflow would run. */
	result?: IWebhookResponseData;
}
