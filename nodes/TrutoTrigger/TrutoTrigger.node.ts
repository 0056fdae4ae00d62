import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { PARAMETER, resources } from '../TrutoUserDirectory/catalog';
import { integratedAccountLocator } from '../TrutoUserDirectory/description';
import { listSearch } from '../TrutoUserDirectory/methods';
import { trutoRequest, type TrutoRequest } from '../TrutoUserDirectory/transport';
import {
	DEFAULT_TOLERANCE_SECONDS,
	EVENTS,
	SIGNATURE_HEADER,
	seenBefore,
	staleReason,
	unwanted,
	verifySignature,
	type RecentIds,
} from './delivery';

/** What the node keeps between activations (workflow static data): never output, never logged. */
interface Registration extends IDataObject {
	webhookId?: string;
	secret?: string;
	recentIds?: RecentIds;
}

/**
 * The registration in this process too: n8n 1.x can lose the static data the activation wrote
 * (the workflow is saved again after activating); static data alone then leaves webhook() without the secret.
 */
const registrations = new Map<string, Registration>();

type Ctx = IHookFunctions | IWebhookFunctions;
const keyOf = (ctx: Ctx) => `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;

/** The node's registration: static data, filled in from this process when static data lost it. */
function registration(ctx: Ctx): Registration {
	const data = ctx.getWorkflowStaticData('node') as Registration;
	const kept = registrations.get(keyOf(ctx));
	if (!data.secret && kept?.secret) {
		data.webhookId = kept.webhookId;
		data.secret = kept.secret;
	}
	return data;
}

function forget(ctx: Ctx, data: Registration) {
	registrations.delete(keyOf(ctx));
	delete data.webhookId;
	delete data.secret;
}

/** Recent event IDs per Truto webhook, kept while this n8n runs. */
const recentIds = new Map<string, RecentIds>();

const isGone = (error: unknown) => String((error as { httpCode?: unknown }).httpCode) === '404';

/** A request to Truto's webhook API: its body, `gone` for Truto's 404, or its (already worded) error. */
async function webhookApi(ctx: IHookFunctions, request: TrutoRequest): Promise<{ body?: IDataObject; gone?: boolean; error?: Error }> {
	try {
		const { body } = await trutoRequest(ctx, request);
		return { body: (body ?? {}) as IDataObject };
	} catch (error) {
		return isGone(error) ? { gone: true } : { error: error as Error };
	}
}

function eventTypes(ctx: IHookFunctions): string[] {
	return ctx.getNodeParameter('events', []) as string[];
}

/** Answers a refused delivery with `status` and starts nothing. */
function refuse(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).json({ message });
	return { noWebhookResponse: true };
}

export class TrutoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Truto Trigger',
		name: 'trutoTrigger',
		icon: { light: 'file:truto.svg', dark: 'file:truto.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: "Starts the workflow when Truto sends a webhook event: records created, updated or deleted in a connected directory, accounts connected or failing, sync and batch jobs",
		defaults: { name: 'Truto Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trutoApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'The Truto events that start the workflow. Record events arrive only where the connected app\'s own webhooks are set up in Truto.',
				options: EVENTS.map(({ name, value, description }) => ({ name, value, description })),
			},
			{
				...integratedAccountLocator,
				required: false,
				description: 'Only events about this connected account. Leave empty for every account.',
			},
			{
				displayName: 'Resources',
				name: 'resources',
				type: 'multiOptions',
				default: [],
				description: 'Only record events about these User Directory resources. Leave empty for every resource.',
				options: resources.map((resource) => ({ name: resource.name, value: resource.path })),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						default: DEFAULT_TOLERANCE_SECONDS,
						typeOptions: { minValue: 1 },
						description: 'Events whose created_at is further than this from now are refused as replays; an event ID seen within this time starts nothing a second time',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchIntegratedAccounts: listSearch.searchIntegratedAccounts } };

	webhookMethods = {
		default: {
			/** Whether Truto still has this workflow's webhook, for this URL and these events. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = registration(this);
				if (!data.webhookId || !data.secret) return false;
				const found = await webhookApi(this, { method: 'GET', path: `/webhook/${encodeURIComponent(data.webhookId)}` });
				if (found.error) throw found.error;
				const webhook = found.body ?? {};
				if (found.gone) {
					forget(this, data);
					return false;
				}
				const wanted = [...eventTypes(this)].sort().join(',');
				const has = Array.isArray(webhook.event_types) ? [...(webhook.event_types as string[])].sort().join(',') : '';
				if (webhook.target_url === this.getNodeWebhookUrl('default') && webhook.is_active !== false && has === wanted) return true;
				// Out of date or made inactive by Truto: replaced by a new one.
				const removed = await webhookApi(this, { method: 'DELETE', path: `/webhook/${encodeURIComponent(data.webhookId)}` });
				if (removed.error) throw removed.error;
				forget(this, data);
				return false;
			},

			/** Registers the workflow's URL with Truto; keeps the webhook's ID and secret. */
			async create(this: IHookFunctions): Promise<boolean> {
				const events = eventTypes(this);
				if (!events.length) throw new NodeOperationError(this.getNode(), 'Select at least one event', { description: 'Truto sends every event to a webhook that names none.' });
				const { body } = await trutoRequest(this, {
					method: 'POST',
					path: '/webhook',
					body: { target_url: this.getNodeWebhookUrl('default'), event_types: events, is_active: true },
				});
				const answer = (body ?? {}) as IDataObject;
				if (typeof answer.id !== 'string' || typeof answer.secret !== 'string' || !answer.secret) {
					throw new NodeOperationError(this.getNode(), 'Truto created the webhook but sent no ID or secret', {
						description: 'Without the secret the trigger cannot check that deliveries come from Truto. Delete the webhook in the Truto dashboard and activate again.',
					});
				}
				const data = registration(this);
				data.webhookId = answer.id;
				data.secret = answer.secret;
				data.recentIds = {};
				registrations.set(keyOf(this), { webhookId: answer.id, secret: answer.secret });
				return true;
			},

			/** Removes the webhook from Truto (one Truto no longer has counts as removed). */
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = registration(this);
				if (data.webhookId) {
					const removed = await webhookApi(this, { method: 'DELETE', path: `/webhook/${encodeURIComponent(data.webhookId)}` });
					if (removed.error) return false;
				}
				if (data.webhookId) recentIds.delete(data.webhookId);
				forget(this, data);
				delete data.recentIds;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const data = registration(this);
		const req = this.getRequestObject() as { rawBody?: Buffer };
		const header = this.getHeaderData()[SIGNATURE_HEADER];
		// Before anything else: the signature over the bytes as they arrived.
		if (!data.secret || !verifySignature(header, req.rawBody, data.secret)) {
			return refuse(this, 401, 'Missing or invalid x-truto-signature');
		}
		const body = this.getBodyData();
		const options = this.getNodeParameter('options', {}) as { toleranceSeconds?: number };
		const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
		const now = Date.now();
		const stale = staleReason(body.created_at, now, tolerance);
		if (stale) return refuse(this, 401, `Refused as a replay: ${stale}`);

		const id = typeof body.id === 'string' ? body.id : '';
		if (!id) return refuse(this, 400, 'The event has no id');
		// Kept in this process (n8n does not always save static data a webhook call changes) and in
		// static data (shared with webhook processes that read the workflow afresh).
		const key = data.webhookId ?? '';
		const { seen, recent } = seenBefore({ ...data.recentIds, ...recentIds.get(key) }, id, now, tolerance);
		recentIds.set(key, recent);
		data.recentIds = recent;
		if (seen) return { webhookResponse: { received: true, duplicate: true } };

		const narrowing = {
			events: this.getNodeParameter('events', []) as string[],
			accountId: String(this.getNodeParameter(PARAMETER.integratedAccount, '', { extractValue: true }) ?? '').trim(),
			resources: this.getNodeParameter('resources', []) as string[],
		};
		if (unwanted(body, narrowing)) return { webhookResponse: { received: true } };
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}
}
