import type { INodeProperties, INodePropertyOptions, NodePropertyTypes } from 'n8n-workflow';

import type { BodyCollection, HttpMethod, OperationKind, OperationTexts, OutputShape, ResourceWords } from './kinds';

export type { BodyCollection, HttpMethod, OperationKind, OperationTexts, OutputShape, ResourceWords };

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
	/** A field shown among the body fields that Truto documents as a query parameter. */
	inQuery?: boolean;
	/** An ID picked from a list of this resource's records (by `value`), or entered; a plain ID on version 1. */
	pick?: string;
	/** Shown on node version 1 only (kept so saved workflows work), or from 1.1 on. */
	versions?: 'v1' | 'v1.1+';
}

/** Where a value goes: the request body, the query, or both (Truto documents both for some methods). */
export type Placement = 'body' | 'query' | 'both';

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
	/** Where it goes (default the body). */
	placement?: Placement;
	description: string;
}

/** An operation as the catalog states it; its texts follow from `kind` where left out. */
export interface OperationSpec extends Partial<OperationTexts> {
	kind: OperationKind;
	/** Custom methods: the HTTP method. */
	method?: HttpMethod;
	/** A sentence added to the derived description (which integrations support it). */
	note?: string;
	/** Custom methods: the path segment (`POST …/users/unassign-role`), also Truto's name of the method. */
	customPath?: string;
	/** Custom methods: the key the record picked in `id` is sent as. */
	idKey?: string;
	/** Where `idKey` goes (default the body). */
	idPlacement?: Placement;
	/** Get Many: `false` leaves out Truto's created/updated date filters (records without those dates). */
	dateFilters?: false;
	/** Further records the operation needs (custom methods). */
	refs?: RecordRef[];
	/** The operation a new node opens on for this resource (one per resource, never a delete). */
	isDefault?: boolean;
	/** Documented list filters ("Filters"). */
	filters?: FieldSpec[];
	/** Integration-specific query parameters ("Query Parameters"). */
	query?: FieldSpec[];
	/** Typed body fields ("Additional Fields", or "Update Fields" for update). */
	fields?: FieldSpec[];
	/** Body fields shown as parameters of their own (from version 1.1), not in a collection. */
	topFields?: FieldSpec[];
	/** Get Many: the fields Truto can sort by (the Sort parameter, sent as `sort_by[field]=asc|desc`). */
	sortFields?: string[];
}

/** An operation as the node uses it: the spec with everything its kind implies filled in. */
export interface Operation extends Omit<OperationSpec, keyof OperationTexts>, OperationTexts {
	method: HttpMethod;
	/** Truto's name of the method, as its capabilities list it ("list", "unassign-role"). */
	trutoMethod: string;
	/** Whether the record id goes into the URL path. */
	idInPath: boolean;
	/** Whether the operation addresses one record, picked in the `id` parameter. */
	needsId: boolean;
	/** Get Many with Return All and Limit. */
	paged: boolean;
	output: OutputShape;
	/** The collection holding the body fields, for operations that send a body. */
	body?: BodyCollection;
}

export interface ResourceSpec extends ResourceWords {
	/** Node `resource` value (camelCase singular). */
	value: string;
	/** Path under /unified/user-directory, as Truto names the resource ("role_assignments"). */
	path: string;
	/** Record fields tried in order to label a record in a pick list. */
	labelFields: string[];
	/**
	 * The short form of a record (Simplify): [output field, path]. A path step
	 * `primary` in a list takes the entry marked `is_primary`, else the first.
	 */
	simplified?: Array<[string, string]>;
	operations: OperationSpec[];
}

/** A resource as the node uses it. */
export interface Resource extends Omit<ResourceSpec, 'operations'> {
	operations: Operation[];
	/** The value of the operation a new node opens on. */
	defaultOperation: string;
}
