import type { INodePropertyOptions, NodePropertyTypes } from 'n8n-workflow';

/** What an operation does; the HTTP method and path follow from it. */
export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'custom';

/** A UI field that becomes one query parameter or body key. */
export interface FieldSpec {
	/** Node parameter name (camelCase). */
	name: string;
	/** Key sent to Truto (query parameter or body property). */
	key: string;
	displayName: string;
	type: Extract<NodePropertyTypes, 'string' | 'number' | 'boolean' | 'options' | 'dateTime' | 'json'>;
	description: string;
	/** Value shown before the user changes it (empty values are not sent). */
	default: string | number | boolean;
	placeholder?: string;
	options?: INodePropertyOptions[];
	/** `list`: a comma-separated string (or an array) sent as an array. */
	shape?: 'list';
}

export interface OperationSpec {
	/** Node `operation` value: get, getAll, create, update, delete or a camelCase custom method. */
	value: string;
	/** Title Case, without the resource ("Delete"). */
	name: string;
	/** Sentence case, with the resource ("Delete an organization"). */
	action: string;
	/** What it does, for people and for AI agents. */
	description: string;
	kind: OperationKind;
	/** Path segment of a custom method (`POST …/users/unassign-role`). */
	customPath?: string;
	/** Documented query filters and integration-specific query parameters. */
	query?: FieldSpec[];
	/** Typed body fields for create, update and custom methods. */
	body?: FieldSpec[];
}

export interface ResourceSpec {
	/** Node `resource` value (camelCase singular). */
	value: string;
	/** Title Case singular ("Organization"). */
	name: string;
	/** Path under /unified/user-directory ("organizations", "role_assignments"). */
	path: string;
	/** Lower-case singular and plural for messages ("organization", "organizations"). */
	singular: string;
	plural: string;
	/** Record fields tried in order to label a record in a pick list. */
	labelFields: string[];
	operations: OperationSpec[];
}
