// The execution loop and what runs per item. The node imports this file.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItems } from './loop';
import { runOperation } from './operation';
import { concurrencyOf } from './settings';

export { runItems, type ItemHandler } from './loop';

/**
 * The node's execute(): the chosen operation for every input item, in input
 * order. A Concurrency that cannot be used fails every item (each gets its
 * error item under "On Error: Continue").
 */
export async function executeNode(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let concurrency: number;
	try {
		concurrency = concurrencyOf(ctx);
	} catch (error) {
		return [
			await runItems(ctx, async (_ctx, itemIndex) => {
				throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			}),
		];
	}
	return [await runItems(ctx, runOperation, concurrency)];
}
