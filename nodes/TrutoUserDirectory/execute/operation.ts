import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	findOperation,
	findResource,
	OPTION,
	operationPath,
	otherQueryFields,
	PARAMETER,
	trutoOptions,
	type Operation,
	type Placement,
	type Resource,
} from '../catalog';
import {
	itemIdempotencyKey,
	MAX_MESSAGE,
	trutoRequest,
	type Expect,
	type QueryValue,
	type TrutoRequest,
} from '../transport';
import { assertSupported } from './capabilities';
import { binaryItem, jsonItem, resultItems, simplifyRecord } from './output';
import { listRecords } from './paginate';
import { mapFields, readId, readPathId } from './params';
import { requestSettings } from './settings';

function isToolMode(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What the operation does, for error messages ("delete organizations", "unassign role"). */
function actionText(operation: Operation, plural: string): string {
	return operation.kind === 'custom' ? lowerFirst(operation.name) : `${operation.trutoMethod} ${plural}`;
}

function chosenOperation(ctx: IExecuteFunctions, itemIndex: number) {
	const resourceValue = ctx.getNodeParameter(PARAMETER.resource, itemIndex) as string;
	const operationValue = ctx.getNodeParameter(PARAMETER.operation, itemIndex, '') as string;
	const found = findOperation(resourceValue, operationValue);
	if (!found) {
		const what = findResource(resourceValue)
			? `The operation '${operationValue}' is not available for '${resourceValue}'`
			: `The resource '${resourceValue}' is not available`;
		throw new NodeOperationError(ctx.getNode(), what, {
			itemIndex,
			description: 'Choose a resource and operation from the lists.',
		});
	}
	return found;
}

/**
 * The name Truto reads a query key as: percent-encoding undone, brackets and
 * case left out ("Integrated_Account_ID%5B%5D" → "integrated_account_id").
 */
function baseKey(name: string): string {
	let key = name;
	for (let round = 0; round < 3; round++) {
		try {
			const decoded = decodeURIComponent(key);
			if (decoded === key) break;
			key = decoded;
		} catch {
			break;
		}
	}
	return key.split('[')[0].trim().toLowerCase();
}

/** Query: the account, Query Parameters, Filters and Truto's options. */
function readQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: Operation,
	options: IDataObject,
	accountId: string,
): Record<string, QueryValue> {
	const read = (name: string) => ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const specs = [...(operation.query ?? []), ...otherQueryFields];
	const custom = mapFields(ctx, specs, read(PARAMETER.queryParameters), itemIndex, 'query', 'Query Parameters');
	const reserved = ['integrated_account_id', 'truto_response_format', ...(operation.paged ? ['limit', 'next_cursor'] : [])];
	const taken = Object.keys(custom).find((key) => reserved.includes(baseKey(key)));
	if (taken) {
		throw new NodeOperationError(ctx.getNode(), `The query parameter '${taken}' is set by the node`, {
			itemIndex,
			description: `Remove it from 'Query Parameters'; use the Integrated Account, Return All, Limit and Response Format parameters instead.`,
		});
	}
	const optionSpecs = operation.paged ? trutoOptions : trutoOptions.filter((option) => !option.listOnly);
	return {
		integrated_account_id: accountId,
		...custom,
		...mapFields(ctx, operation.filters ?? [], read(PARAMETER.filters), itemIndex, 'query', 'Filters'),
		...readSort(ctx, itemIndex, operation),
		...mapFields(ctx, optionSpecs, options, itemIndex, 'query'),
	};
}

/** Sort (from version 1.1): `sort_by[field]=asc|desc`. */
function readSort(ctx: IExecuteFunctions, itemIndex: number, operation: Operation): Record<string, QueryValue> {
	if (!operation.sortFields?.length) return {};
	const sort = ctx.getNodeParameter(PARAMETER.sort, itemIndex, {}) as IDataObject;
	const field = typeof sort.field === 'string' && sort.field ? sort.field : undefined;
	if (!field && !sort.direction) return {};
	const by = field ?? operation.sortFields[0];
	return { sort_by: { [by]: sort.direction === 'desc' ? 'desc' : 'asc' } };
}

/** Fields shown among the body fields that Truto documents as query parameters (a group's type). */
function bodyFieldsInQuery(ctx: IExecuteFunctions, itemIndex: number, operation: Operation): Record<string, QueryValue> {
	const fields = (operation.fields ?? []).filter((field) => field.inQuery);
	if (!operation.body || !fields.length) return {};
	const values = ctx.getNodeParameter(operation.body.name, itemIndex, {}) as IDataObject;
	return mapFields(ctx, fields, values, itemIndex, 'query', operation.body.displayName);
}

interface Picked {
	query: Record<string, QueryValue>;
	body: IDataObject;
}

/** The records a custom method names (the `id` and its refs), each where Truto documents it. */
function readPicked(ctx: IExecuteFunctions, itemIndex: number, operation: Operation, id: string | undefined): Picked {
	const picked: Picked = { query: {}, body: {} };
	const place = (key: string, value: string, placement: Placement = 'body', itemKey?: string) => {
		const sent = itemKey ? [{ [itemKey]: value }] : value;
		if (placement !== 'query') picked.body[key] = sent;
		if (placement !== 'body') picked.query[key] = sent;
	};
	if (operation.idKey && id !== undefined) place(operation.idKey, id, operation.idPlacement);
	for (const ref of operation.refs ?? []) {
		const value = readId(ctx, ref.name, itemIndex, findResource(ref.resource)?.name ?? ref.name);
		place(ref.key, value, ref.placement, ref.itemKey);
	}
	return picked;
}

/** Body of create, update and custom methods: typed fields, then the picked records. */
function readBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: Operation,
	picked: Picked,
): IDataObject | undefined {
	if (!operation.body) return undefined;
	const { name, displayName } = operation.body;
	const values = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const fields = (operation.fields ?? []).filter((field) => !field.inQuery);
	// From version 1.1 some fields are parameters of their own (a user's emails and phones).
	const top: IDataObject = {};
	for (const field of operation.topFields ?? []) top[field.name] = ctx.getNodeParameter(field.name, itemIndex, {}) as IDataObject[string];
	const body = {
		...mapFields(ctx, fields, values, itemIndex, 'body', displayName),
		...mapFields(ctx, operation.topFields ?? [], top, itemIndex, 'body'),
		...picked.body,
	};
	if (!Object.keys(body).length) {
		throw new NodeOperationError(ctx.getNode(), `Nothing to ${operation.value}: '${displayName}' is empty`, {
			itemIndex,
			description:
				operation.kind === 'update'
					? 'Add at least one field to Update Fields; only the fields set there are sent.'
					: 'Add the fields the integration needs to Additional Fields; which ones differs per integration.',
		});
	}
	return body as IDataObject;
}

/**
 * What the answer must be. Truto's unified and normalized formats are checked
 * (a list envelope, a record); the raw format is the provider's own answer, so
 * any JSON; the stream format is bytes, or for an AI agent text.
 */
function expected(ctx: IExecuteFunctions, operation: Operation, format: QueryValue): Expect {
	if (format === 'stream') return isToolMode(ctx) ? 'text' : 'bytes';
	if (format === 'raw' || operation.output === 'deleted' || operation.output === 'result') return 'json';
	return operation.output === 'records' ? 'list' : 'record';
}

/** Runs the chosen operation for one input item. */
export async function runOperation(ctx: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { resource, operation } = chosenOperation(ctx, itemIndex);
	const where: Where = { action: operation.action };
	try {
		return await perform(ctx, itemIndex, resource, operation, where);
	} catch (error) {
		throw withWhere(error, where);
	}
}

/** What an item was doing, so that an error read on its own (in an Error Workflow) says it. */
interface Where {
	action: string;
	id?: string;
	accountId?: string;
}

function short(text: string, length = 60): string {
	return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * The error, its message ending with what the item was doing: "… (Delete an
 * organization "x", integrated account "y")". The whole stays within
 * MAX_MESSAGE characters; a longer message was given whole in the description.
 */
function withWhere(error: unknown, where: Where): unknown {
	if (!(error instanceof Error)) return error;
	const parts = [`${where.action}${where.id !== undefined ? ` "${short(where.id)}"` : ''}`];
	if (where.accountId) parts.push(`integrated account "${short(where.accountId)}"`);
	const suffix = ` (${parts.join(', ')})`;
	if (error.message.endsWith(suffix)) return error;
	const room = Math.max(80, MAX_MESSAGE - suffix.length);
	const message = error.message.length > room ? `${error.message.slice(0, room - 1)}…` : error.message;
	error.message = `${message}${suffix}`;
	return error;
}

async function perform(
	ctx: IExecuteFunctions,
	itemIndex: number,
	resource: Resource,
	operation: Operation,
	where: Where,
): Promise<INodeExecutionData[]> {
	// The account id also goes into a URL path (the capability check): "." and ".." are refused.
	const accountId = readPathId(ctx, PARAMETER.integratedAccount, itemIndex, 'Integrated Account');
	where.accountId = accountId;
	const readRecordId = operation.idInPath ? readPathId : readId;
	const id = operation.needsId ? readRecordId(ctx, PARAMETER.id, itemIndex, resource.name) : undefined;
	where.id = id;
	const options = ctx.getNodeParameter(PARAMETER.options, itemIndex, {}) as IDataObject;
	const picked = readPicked(ctx, itemIndex, operation, id);
	const query = {
		...readQuery(ctx, itemIndex, operation, options, accountId),
		...bodyFieldsInQuery(ctx, itemIndex, operation),
		...picked.query,
	};
	const { method } = operation;
	const path = operationPath(resource, operation, id);
	const request: TrutoRequest = {
		method,
		path,
		query,
		body: readBody(ctx, itemIndex, operation, picked),
		expect: expected(ctx, operation, query.truto_response_format),
		// Lets a write be retried safely: Truto answers a repeated key from its cache.
		idempotencyKey: method === 'POST' || method === 'PATCH' ? itemIdempotencyKey(ctx, itemIndex, method, path) : undefined,
		errorContext: {
			itemIndex,
			singular: resource.singular,
			idParameter: resource.name,
			id,
			accountId,
			action: actionText(operation, resource.plural),
		},
	};
	const settings = requestSettings(ctx, itemIndex, options);
	if (options[OPTION.checkCapabilities] === true) {
		await assertSupported(ctx, itemIndex, accountId, resource, operation, settings);
	}

	const simplified = simplifier(ctx, itemIndex, resource, operation, query.truto_response_format, Boolean(query.truto_key_by));
	if (operation.output === 'records') {
		return simplified(await listRecords(ctx, itemIndex, request, settings, operation.paged));
	}

	const summary: IDataObject = { integrated_account_id: accountId };
	if (id !== undefined) summary.id = id;
	const acceptGone = operation.output === 'deleted' && options[OPTION.alreadyDeleted] === true;
	const response = await trutoRequest(ctx, { ...request, acceptGone }, settings);
	if (response.gone) return [{ json: { ...summary, deleted: true, already_deleted: true } }];
	if (request.expect === 'bytes') return [await binaryItem(ctx, response, summary)];
	switch (operation.output) {
		case 'deleted':
			return [jsonItem(response.body, { ...summary, deleted: true })];
		case 'result':
			return resultItems(response.body, summary);
		default:
			return simplified([jsonItem(response.body, summary)]);
	}
}

/**
 * Simplify (from version 1.1, on by default): records of reads in their short
 * form. Not for the raw format (the provider's own fields) nor a file.
 */
function simplifier(
	ctx: IExecuteFunctions,
	itemIndex: number,
	resource: Resource,
	operation: Operation,
	format: QueryValue,
	keyed: boolean,
): (items: INodeExecutionData[]) => INodeExecutionData[] {
	const fields = resource.simplified;
	const reads = operation.kind === 'get' || operation.output === 'records';
	const on = reads && fields && format !== 'raw' && format !== 'stream' && ctx.getNodeParameter(PARAMETER.simplify, itemIndex, false) === true;
	if (!on || !fields) return (items) => items;
	const short = (record: unknown) => (record && typeof record === 'object' && !Array.isArray(record) ? simplifyRecord(record as IDataObject, fields) : record);
	return (items) =>
		items.map((item) => ({
			...item,
			json: keyed
				? (Object.fromEntries(Object.entries(item.json).map(([key, record]) => [key, short(record)])) as IDataObject)
				: (short(item.json) as IDataObject),
		}));
}
