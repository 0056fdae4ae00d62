import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UNIFIED_MODEL, type Operation, type Resource } from '../catalog';
import { trutoRequest, type TrutoSettings } from '../transport';

interface Capability {
	model?: string;
	resource?: string;
	methods?: string[];
}

/** Per execution: account id → its unified capabilities (undefined when Truto's answer has no list). */
const cache = new WeakMap<object, Map<string, Promise<Capability[] | undefined>>>();

async function requestCapabilities(
	ctx: IExecuteFunctions,
	accountId: string,
	itemIndex: number,
	settings: TrutoSettings,
): Promise<Capability[] | undefined> {
	const { body } = await trutoRequest(
		ctx,
		{
			method: 'GET',
			path: `/integrated-account/${encodeURIComponent(accountId)}/capabilities`,
			query: { type: 'unified' },
			errorContext: { itemIndex, accountId, action: 'read capabilities' },
		},
		settings,
	);
	const unified = (body as IDataObject | undefined)?.unified;
	return Array.isArray(unified) ? (unified as Capability[]) : undefined;
}

/** The account's capabilities, asked once per execution; a failed ask is asked again by the next item. */
function getCapabilities(
	ctx: IExecuteFunctions,
	accountId: string,
	itemIndex: number,
	settings: TrutoSettings,
): Promise<Capability[] | undefined> {
	const known = cache.get(ctx) ?? new Map<string, Promise<Capability[] | undefined>>();
	cache.set(ctx, known);
	const cached = known.get(accountId);
	if (cached) return cached;
	const asked = requestCapabilities(ctx, accountId, itemIndex, settings);
	known.set(accountId, asked);
	asked.catch(() => known.delete(accountId));
	return asked;
}

/** Operation names for Truto's method names ("list" → "Get Many"); unknown methods as Truto names them. */
function operationNames(resource: Resource, methods: string[]): string {
	return methods
		.map((method) => resource.operations.find((op) => op.trutoMethod === method)?.name ?? method)
		.join(', ');
}

/**
 * Fails before sending when Truto's capabilities say the account's integration
 * lacks the method. Answers without a capability list let the call through.
 */
export async function assertSupported(
	ctx: IExecuteFunctions,
	itemIndex: number,
	accountId: string,
	resource: Resource,
	operation: Operation,
	settings: TrutoSettings,
): Promise<void> {
	const capabilities = await getCapabilities(ctx, accountId, itemIndex, settings);
	if (!capabilities) return;
	const entry = capabilities.find(
		(capability) =>
			capability.resource === resource.path && (!capability.model || capability.model === UNIFIED_MODEL),
	);
	const methods = Array.isArray(entry?.methods) ? entry.methods : [];
	if (methods.includes(operation.trutoMethod)) return;
	const supported = methods.length
		? `For ${resource.plural} it supports: ${operationNames(resource, methods)}`
		: `It supports no ${resource.singular} operations`;
	const others = capabilities
		.filter((capability) => capability.model === undefined || capability.model === UNIFIED_MODEL)
		.map((capability) => capability.resource)
		.filter(Boolean);
	throw new NodeOperationError(
		ctx.getNode(),
		`The integration of integrated account "${accountId}" does not support '${operation.name}' on ${resource.plural}. ${supported}.`,
		{
			itemIndex,
			description: `Nothing was sent. Truto lists these user-directory resources for the account: ${others.join(', ') || 'none'}. Choose a supported operation or another Integrated Account.`,
		},
	);
}
