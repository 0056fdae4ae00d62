import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UNIFIED_MODEL, type Operation, type Resource } from '../catalog';
import { trutoRequest, type TrutoSettings } from '../transport';

/** One unified resource as Truto's capabilities list it, whatever the shape of the answer. */
interface Capability {
	/** Every name the entry goes by (its resource, API name, name), normalized. */
	names: string[];
	/** The unified model, when the entry states one. */
	model?: string;
	methods: string[];
}

/** The CRUD methods; any other is a custom method. */
const STANDARD = new Set(['list', 'get', 'create', 'update', 'delete']);

/** "Unassign-Role", "unassign_role" and "unassign role" are one name. */
function normalize(name: unknown): string {
	return String(name ?? '')
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

function methodsOf(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	// Methods are names, or objects naming one (`{method: "list"}`).
	return value
		.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject).method : entry))
		.filter((entry): entry is string => typeof entry === 'string')
		.map(normalize);
}

function capabilityOf(entry: unknown): Capability | undefined {
	if (!entry || typeof entry !== 'object') return undefined;
	const e = entry as IDataObject;
	const names = [e.resource, e.api_name, e.name].filter((name) => typeof name === 'string').map(normalize);
	if (!names.length || !Array.isArray(e.methods)) return undefined;
	return { names, model: typeof e.model === 'string' ? normalize(e.model) : undefined, methods: methodsOf(e.methods) };
}

/** An account's unified capabilities. */
export interface Capabilities {
	entries: Capability[];
	/** Whether custom methods are listed too (the guides' shape); the reference lists only the standard ones. */
	listsCustom: boolean;
}

/**
 * The unified capabilities in either documented shape: a list of
 * `{model, resource, methods}`, custom methods among them (Truto's guides), or
 * `{resources: [{api_name, name, methods}]}` with the standard methods only
 * (the API reference). Undefined for any other shape.
 */
export function readCapabilities(body: unknown): Capabilities | undefined {
	const unified = (body as IDataObject | undefined)?.unified;
	const listed = Array.isArray(unified);
	const entries = listed
		? unified
		: unified && typeof unified === 'object' && Array.isArray((unified as IDataObject).resources)
			? ((unified as IDataObject).resources as unknown[])
			: undefined;
	if (!entries) return undefined;
	const capabilities = entries.map(capabilityOf);
	return capabilities.every(Boolean) ? { entries: capabilities as Capability[], listsCustom: listed } : undefined;
}

/** Per execution: account id → its unified capabilities (undefined when Truto's answer has a shape not understood). */
const cache = new WeakMap<object, Map<string, Promise<Capabilities | undefined>>>();

async function requestCapabilities(
	ctx: IExecuteFunctions,
	accountId: string,
	itemIndex: number,
	settings: TrutoSettings,
): Promise<Capabilities | undefined> {
	const { body } = await trutoRequest(
		ctx,
		{
			method: 'GET',
			path: `/integrated-account/${encodeURIComponent(accountId)}/capabilities`,
			query: { type: 'unified' },
			expect: 'record',
			errorContext: { itemIndex, accountId, action: 'read capabilities' },
		},
		settings,
	);
	return readCapabilities(body);
}

/** The account's capabilities, asked once per execution; a failed ask is asked again by the next item. */
function getCapabilities(
	ctx: IExecuteFunctions,
	accountId: string,
	itemIndex: number,
	settings: TrutoSettings,
): Promise<Capabilities | undefined> {
	const known = cache.get(ctx) ?? new Map<string, Promise<Capabilities | undefined>>();
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
		.map((method) => resource.operations.find((op) => normalize(op.trutoMethod) === method)?.name ?? method)
		.join(', ');
}

/** A notice in the output panel, once per message and execution. */
const noticed = new WeakMap<object, Set<string>>();

function notice(ctx: IExecuteFunctions, message: string): void {
	const seen = noticed.get(ctx) ?? new Set<string>();
	noticed.set(ctx, seen);
	if (seen.has(message)) return;
	seen.add(message);
	ctx.addExecutionHints?.({ message, location: 'outputPane' });
}

/**
 * Fails before sending when Truto's capabilities say the account's integration
 * lacks the method. When the answer has a shape the node does not understand,
 * or is the shape that lists only the standard methods while this is a custom
 * one, the check is skipped and a notice says so: it neither passes nor blocks
 * silently.
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
	if (!capabilities) {
		notice(ctx, `Check Capabilities was skipped: Truto's capabilities for integrated account "${accountId}" came in a form the node does not know.`);
		return;
	}
	const ours = capabilities.entries.filter((capability) => !capability.model || capability.model === normalize(UNIFIED_MODEL));
	const entry = ours.find((capability) => capability.names.includes(normalize(resource.path)));
	const methods = entry?.methods ?? [];
	const method = normalize(operation.trutoMethod);
	if (methods.includes(method)) return;
	if (entry && !STANDARD.has(method) && !capabilities.listsCustom) {
		notice(
			ctx,
			`Check Capabilities could not check '${operation.name}' on ${resource.plural}: Truto lists only the standard methods for them. The request was sent.`,
		);
		return;
	}
	const supported = methods.length
		? `For ${resource.plural} it supports: ${operationNames(resource, methods)}`
		: `It supports no ${resource.singular} operations`;
	const others = ours.map((capability) => capability.names[0]);
	throw new NodeOperationError(
		ctx.getNode(),
		`The integration of integrated account "${accountId}" does not support '${operation.name}' on ${resource.plural}. ${supported}.`,
		{
			itemIndex,
			description: `Nothing was sent. Truto lists these user-directory resources for the account: ${others.join(', ') || 'none'}. Choose a supported operation or another Integrated Account.`,
		},
	);
}
