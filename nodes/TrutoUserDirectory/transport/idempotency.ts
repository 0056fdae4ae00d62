import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * An Idempotency-Key for one item's write: the same for every retry of it
 * within this execution (and when n8n's "Retry On Fail" runs the node again),
 * different for another item, node, run or execution. Undefined when the
 * execution has no id, since a key reused across executions would make Truto
 * answer a new write from an old one.
 */
export function itemIdempotencyKey(
	ctx: IExecuteFunctions,
	itemIndex: number,
	method: string,
	path: string,
): string | undefined {
	const executionId = ctx.getExecutionId();
	if (!executionId) return undefined;
	const runIndex = (ctx as unknown as { runIndex?: unknown }).runIndex;
	const parts = [executionId, ctx.getNode().id, typeof runIndex === 'number' ? runIndex : 0, itemIndex, method, path];
	return `n8n-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)}`;
}
