import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const known = error as ErrorWithContext;
	const json: INodeExecutionData['json'] = { error: known?.message ?? String(error) };
	if (known?.description) json.description = known.description;
	if (known?.httpCode) json.httpCode = known.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs `handler` once per input item, up to `concurrency` at a time. Output
 * keeps input order; every output item is paired with its input item. A failed
 * item becomes an error item under "On Error: Continue"; otherwise no new item
 * starts, the ones running finish, and the first failure stops the node.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handler: ItemHandler,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	const continueOnFail = ctx.continueOnFail();
	let next = 0;
	const failure: { index: number; error: unknown } = { index: Infinity, error: undefined };

	const worker = async () => {
		while (failure.index === Infinity && next < count) {
			const index = next++;
			try {
				const items = await handler(ctx, index);
				results[index] = items.map((item) => ({ ...item, pairedItem: { item: index } }));
			} catch (error) {
				if (continueOnFail) results[index] = [errorItem(error, index)];
				else if (index < failure.index) Object.assign(failure, { index, error });
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, count));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failure.index !== Infinity) throw itemError(ctx, failure.error, failure.index);
	return results.flat();
}
