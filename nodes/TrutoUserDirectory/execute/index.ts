// The execution loop and what runs per item. The node imports this file.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runItems } from './loop';
import { runOperation } from './operation';
import { concurrencyOf } from './settings';

export { runItems, type ItemHandler } from './loop';

/** The node's execute(): the chosen operation for every input item, in input order. */
export async function executeNode(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return [await runItems(ctx, runOperation, concurrencyOf(ctx))];
}
