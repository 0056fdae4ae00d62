import type { FieldSpec } from './types';

export interface OptionSpec extends FieldSpec {
	/** Shown only for Get Many operations. */
	listOnly?: boolean;
}

/** Truto's query options, offered on every operation ("Options" collection). */
export const trutoOptions: OptionSpec[] = [
	{
		displayName: 'Exclude Fields',
		name: 'excludeFields',
		key: 'truto_exclude_fields',
		type: 'string',
		default: '',
		shape: 'list',
		description:
			'Comma-separated fields to leave out of the response (sent as truto_exclude_fields[]). An expression may give an array.',
		placeholder: 'e.g. licenses,created_at',
	},
	{
		displayName: 'Exclude Remote Data',
		name: 'excludeRemoteData',
		key: 'truto_ignore_remote_data',
		type: 'boolean',
		default: false,
		description: "Whether to leave out remote_data, the provider's raw record (truto_ignore_remote_data)",
	},
	{
		displayName: 'Ignore Limit',
		name: 'ignoreLimit',
		key: 'truto_ignore_limit',
		type: 'boolean',
		default: false,
		listOnly: true,
		description:
			'Whether to ask Truto for every record in one answer instead of pages (truto_ignore_limit). With Return All off the node still outputs at most Limit items.',
	},
	{
		displayName: 'Key By',
		name: 'keyBy',
		key: 'truto_key_by',
		type: 'string',
		default: '',
		listOnly: true,
		description:
			'Field to key the records by (truto_key_by). The node then outputs one item: an object of field value to record, built from every page fetched; records with the same value keep the last one.',
		placeholder: 'e.g. name',
	},
	{
		displayName: 'Remote Query',
		name: 'remoteQuery',
		key: 'remote_query',
		type: 'json',
		default: '',
		description:
			'JSON object passed to the provider as-is (remote_query[key]=value, nested objects in brackets)',
		placeholder: 'e.g. {"force": true}',
	},
	{
		displayName: 'Response Format',
		name: 'responseFormat',
		key: 'truto_response_format',
		type: 'options',
		default: 'unified',
		description: 'Shape of the response (truto_response_format)',
		options: [
			{ name: 'Normalized', value: 'normalized', description: 'Mapped fields in normalized form' },
			{ name: 'Raw', value: 'raw', description: "The provider's response, unmapped" },
			{
				name: 'Stream',
				value: 'stream',
				description:
					'The response bytes as a file in the binary property "data" (Get Many: one file of one page). When the node runs as an AI tool, JSON instead.',
			},
			{ name: 'Unified', value: 'unified', description: "Truto's unified fields (default)" },
		],
	},
];
