import type { INodeProperties, INodePropertyOptions, NodePropertyTypes } from 'n8n-workflow';

/** What an operation is on the wire; the HTTP method and path follow from it. */
export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'custom';

/** A UI field that becomes one query parameter or body key. */
export interface FieldSpec {
	displayName: string;
	/** Node parameter name (camelCase). */
	name: string;
	/** Key sent to Truto; left out for fields whose entries are merged in (`merge`, `pairs`). */
	key?: string;
	type: Extract<
		NodePropertyTypes,
		'string' | 'number' | 'boolean' | 'options' | 'dateTime' | 'json' | 'fixedCollection'
	>;
	/** Value shown before the user changes it (empty values are not sent). */
	default: string | number | boolean | Record<string, never>;
	description: string;
	placeholder?: string;
	options?: INodePropertyOptions[];
	typeOptions?: INodeProperties['typeOptions'];
	/**
	 * `list`: a comma-separated string (or an array) sent as an array.
	 * `merge`: a JSON object whose keys are merged in (fields set one by one win).
	 * `pairs`: name/value entries merged in.
	 */
	shape?: 'list' | 'merge' | 'pairs';
	/** With `list`: each entry is sent as an object with this key (`[{id: "x"}]`). */
	itemKey?: string;
	/** A query operator: the value goes to `key[operator]` (`created_at[gt]`). */
	operator?: string;
	/** `fixedCollection`: the fields of one entry; the entries are sent as an array of objects. */
	fields?: FieldSpec[];
	/** Inside a `fixedCollection` entry: an entry without it is an error. */
	required?: boolean;
}

/** A record of another resource that an operation needs, picked like the `id` (the role to unassign). */
export interface RecordRef {
	/** Node parameter name. */
	name: string;
	/** Resource `value` whose records the pick list offers. */
	resource: string;
	/** Body key it is sent as. */
	key: string;
	/** Sent as `[{[itemKey]: id}]` instead of the bare id. */
	itemKey?: string;
	description: string;
}

/** An operation as the catalog states it; value, name, action and description follow from `kind` when left out. */
export interface OperationSpec {
	kind: OperationKind;
	/** Node `operation` value; custom methods use camelCase (`unassignRole`). */
	value?: string;
	/** Title Case, without the resource ("Get Many"). */
	name?: string;
	/** Sentence case, with the resource ("Get many users"). */
	action?: string;
	/** What it does and what it needs, for people and for AI agents. */
	description?: string;
	/** A sentence added to the derived description (which integrations support it). */
	note?: string;
	/** Path segment of a custom method (`POST …/users/unassign-role`). */
	customPath?: string;
	/** Custom methods: the body key the record picked in `id` is sent as. */
	idKey?: string;
	/** Further records the operation needs (custom methods). */
	refs?: RecordRef[];
	/** Lists: `false` for one set of records without Return All / Limit (`me`). */
	paged?: boolean;
	/** Documented list filters ("Filters"). */
	filters?: FieldSpec[];
	/** Integration-specific query parameters ("Query Parameters"). */
	query?: FieldSpec[];
	/** Typed body fields ("Additional Fields", or "Update Fields" for update). */
	fields?: FieldSpec[];
}

/** An operation with every text filled in. */
export interface Operation extends OperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
}

export interface ResourceSpec {
	/** Node `resource` value (camelCase singular). */
	value: string;
	/** Title Case singular ("Role Assignment"). */
	name: string;
	/** Path under /unified/user-directory, as Truto names the resource ("role_assignments"). */
	path: string;
	/** Lower-case singular and plural for labels and messages ("organization", "organizations"). */
	singular: string;
	plural: string;
	/** Article before the singular in action labels ("an organization"). */
	article: 'a' | 'an';
	/** Record fields tried in order to label a record in a pick list. */
	labelFields: string[];
	/** The first operation is the default one. */
	operations: OperationSpec[];
}

export interface Resource extends ResourceSpec {
	operations: Operation[];
}
