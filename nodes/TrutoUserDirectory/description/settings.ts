import type { INodeProperties } from 'n8n-workflow';

import { CONCURRENCY, OPTION } from '../catalog';
import { MAX_RETRIES, MAX_WAIT_SECONDS, TIMEOUT_MS } from '../transport';

const defaultConcurrency = CONCURRENCY.default;
const defaultMaxRetries = MAX_RETRIES.default;
const defaultMaxWait = MAX_WAIT_SECONDS.default;
const defaultTimeout = TIMEOUT_MS.default;

/** Request behaviour options, next to Truto's own options. */
export const settingsOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: OPTION.concurrency,
		type: 'number',
		typeOptions: { minValue: CONCURRENCY.min, maxValue: CONCURRENCY.max },
		default: defaultConcurrency,
		description:
			"How many input items to work on at once (read from the first item only). Requests follow Truto's rate-limit headers and wait out rate limits, so a higher value loses nothing; it helps while answers are slow.",
	},
	{
		displayName: 'Max Retries',
		name: OPTION.maxRetries,
		type: 'number',
		typeOptions: { minValue: MAX_RETRIES.min, maxValue: MAX_RETRIES.max },
		default: defaultMaxRetries,
		description:
			"How many times to retry a request that Truto rate-limited (429), or that timed out, lost its connection or got 408/502/504 when it is safe to repeat (reads, deletes, and writes sent with an idempotency key). These retries are per request, inside the node; n8n's Settings → Retry On Fail would run the whole node again on top of them, so leave that off.",
	},
	{
		displayName: 'Max Wait',
		name: OPTION.maxWait,
		type: 'number',
		typeOptions: { minValue: MAX_WAIT_SECONDS.min, maxValue: MAX_WAIT_SECONDS.max },
		default: defaultMaxWait,
		description:
			'Longest single wait, in seconds, for a rate limit to lift or before a retry. When Truto asks for a longer wait, the item fails at once, saying how long, instead of holding up the run.',
	},
	{
		displayName: 'Timeout',
		name: OPTION.timeout,
		type: 'number',
		typeOptions: { minValue: TIMEOUT_MS.min, maxValue: TIMEOUT_MS.max },
		default: defaultTimeout,
		description:
			"Milliseconds to wait for each answer before that attempt fails (and is retried when safe), at most one hour. 0 keeps n8n's own limit of 5 minutes.",
	},
];
