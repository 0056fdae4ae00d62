import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../execute/settings';
import { DEFAULT_SETTINGS } from '../transport/request';

const defaultMaxRetries = DEFAULT_SETTINGS.maxRetries;
const defaultConcurrency = DEFAULT_CONCURRENCY;

/** Request behaviour options, next to Truto's own options. */
export const settingsOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
		default: defaultConcurrency,
		description:
			"How many input items to work on at once (read from the first item only). Requests follow Truto's rate-limit headers and wait out rate limits, so a higher value loses nothing; it helps while answers are slow.",
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: defaultMaxRetries,
		description:
			'How many times to retry a request that Truto rate-limited (429), or that timed out, lost its connection or got 408/502/503/504 when it is safe to repeat (reads, deletes, and writes sent with an idempotency key)',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			"Milliseconds to wait for each answer before that attempt fails (and is retried when safe). 0 keeps n8n's own limit of 5 minutes.",
	},
];
