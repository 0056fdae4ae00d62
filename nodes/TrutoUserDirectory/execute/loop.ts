import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type ItemHandler = (ctx: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

interface ErrorWithContext extends Error {
	description?: string | null;
	httpCode?: string | null;
	context?: Record<string, unknown>;
}

/** The error as n8n should show it: an n8n error carrying the item index, named in the message. */
export function itemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ErrorWithContext {
	const known = error as ErrorWithContext;
	const wrapped: ErrorWithContext =
		known instanceof Error && known.context
			? known
			: new NodeOperationError(ctx.getNode(), known instanceof Error ? known : String(error), { itemIndex });
	wrapped.context = { ...(wrapped.context ?? {}), itemIndex };
	const tag = `[item ${itemIndex}]`;
	if (!wrapped.message.endsWith(tag)) wrapped.message = `${wrapped.message} ${tag}`;
	return wrapped;
}

/** The output item that stands for a failed input item under "On Error: Continue". */
export function errorItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const known = error as ErrorWithContext;
	const json: INodeExecutionData['json'] = { error: known?.message ?? String(error) };
	if (known?.description) json.description = known.description;
	if (known?.httpCode) json.httpCode = known.httpCode;
	const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	// Under "Continue (using error output)" n8n routes items that carry `error`. It then keeps only
	// the message in json, so the other modes leave `error` off to keep description and httpCode.
	if (ctx.getNode().onError === 'continueErrorOutput') {
		item.error =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(ctx.getNode(), known instanceof Error ? known : String(error), { itemIndex });
	}
	return item;
}

/**
 * Runs `handler` once per input item, up to `concurrency` at a time. Output
 * keeps input order; every output item is paired with its input item. A failed
 * item becomes an error item under "On Error: Continue"; otherwise no new item
 * starts, the ones running finish, and the first failure stops the node.
 * Cancelling the execution stops the node even under "On Error: Continue".
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handler: ItemHandler,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	const continueOnFail = ctx.continueOnFail();
	const signal = ctx.getExecutionCancelSignal?.();
	let next = 0;
	const failure: { index: number; error: unknown } = { index: Infinity, error: undefined };

	const worker = async () => {
		while (failure.index === Infinity && next < count && !signal?.aborted) {
			const index = next++;
			try {
				const items = await handler(ctx, index);
				results[index] = items.map((item) => ({ ...item, pairedItem: { item: index } }));
			} catch (error) {
				if (continueOnFail && !signal?.aborted) results[index] = [errorItem(ctx, error, index)];
				else if (index < failure.index) Object.assign(failure, { index, error });
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, count));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failure.index !== Infinity) throw itemError(ctx, failure.error, failure.index);
	if (signal?.aborted) throw new NodeOperationError(ctx.getNode(), 'The execution was cancelled');
	return results.flat();
}
