import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_SETTINGS } from '../transport/request';

const defaultMaxRetries = DEFAULT_SETTINGS.maxRetries;

/** Request behaviour options, next to Truto's own options. */
export const settingsOptions: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: defaultMaxRetries,
		description:
			'How many times to retry a request that Truto rate-limited (429), or that timed out or failed in transit when it is safe to repeat',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Milliseconds to wait for each answer before giving up on that attempt (0 = no limit)',
	},
];
