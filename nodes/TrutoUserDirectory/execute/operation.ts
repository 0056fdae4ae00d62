import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findOperation, httpMethod, needsId, operationPath, type OperationSpec } from '../catalog';
import { trutoOptions } from '../catalog/options';
import type { QueryValue } from '../transport/query';
import { trutoRequest, type TrutoRequest } from '../transport/request';
import { binaryItem, jsonItem } from './output';
import { listRecords } from './paginate';
import { mapFields, readId, readPathId } from './params';
import { requestSettings } from './settings';

function isToolMode(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

function actionText(operation: OperationSpec, plural: string): string {
	return operation.kind === 'custom' ? lowerFirst(operation.name) : `${operation.kind} ${plural}`;
}

/** Runs the chosen operation for one input item. */
export async function runOperation(ctx: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const resourceValue = ctx.getNodeParameter('resource', itemIndex) as string;
	const operationValue = ctx.getNodeParameter('operation', itemIndex) as string;
	const found = findOperation(resourceValue, operationValue);
	if (!found) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation '${operationValue}' is not available for '${resourceValue}'`,
			{ itemIndex, description: 'Choose a resource and operation from the lists.' },
		);
	}
	const { resource, operation } = found;

	const accountId = readId(ctx, 'integratedAccountId', itemIndex, 'Integrated Account');
	const id = needsId(operation) ? readPathId(ctx, 'id', itemIndex, resource.name) : undefined;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const query: Record<string, QueryValue> = {
		integrated_account_id: accountId,
		...mapFields(ctx, trutoOptions, options, itemIndex, 'query'),
	};
	const stream = query.truto_response_format === 'stream';
	const request: TrutoRequest = {
		method: httpMethod(operation),
		path: operationPath(resource, operation, id),
		query,
		binary: stream && !isToolMode(ctx),
		subject: {
			itemIndex,
			singular: resource.singular,
			idParameter: resource.name,
			id,
			accountId,
			action: actionText(operation, resource.plural),
		},
	};
	const settings = requestSettings(options);

	if (operation.kind === 'list') return await listRecords(ctx, itemIndex, request, settings);

	const response = await trutoRequest(ctx, request, settings);
	const summary: IDataObject = { integrated_account_id: accountId };
	if (id !== undefined) summary.id = id;
	if (request.binary) return [await binaryItem(ctx, response, summary)];
	const whenEmpty = operation.kind === 'delete' ? { ...summary, deleted: true } : summary;
	return [jsonItem(response.body, whenEmpty)];
}
