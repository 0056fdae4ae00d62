import * as workflow from 'n8n-workflow';

type Sleep = (ms: number, abortSignal?: AbortSignal) => Promise<void>;

/**
 * Waits, and rejects at once when the execution is cancelled. n8n-workflow 1.x
 * exports this as `sleepWithAbort`; 2.x folds it into `sleep(ms, signal)`.
 */
const helpers = workflow as unknown as { sleepWithAbort?: Sleep; sleep: Sleep };
export const sleepWithAbort: Sleep = helpers.sleepWithAbort ?? helpers.sleep;
