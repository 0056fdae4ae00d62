import { PARAMETER } from './parameters';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What the node outputs for one input item. */
export type OutputShape =
	/** One item per record (Get Many). */
	| 'records'
	/** The record Truto answers with. */
	| 'record'
	/** The record, or `{id, integrated_account_id, deleted: true}` when the answer is empty. */
	| 'deleted'
	/** A custom method's `{result}`, unwrapped. */
	| 'result';

/** The texts of an operation in the UI. */
export interface OperationTexts {
	/** Node `operation` value ("getAll"); custom methods use camelCase ("unassignRole"). */
	value: string;
	/** Title Case, without the resource ("Get Many"). */
	name: string;
	/** Sentence case, with the resource ("Get many users"). */
	action: string;
	/** What it does and what it needs, for people and for AI agents. */
	description: string;
}

/** A collection of body fields in the UI. */
export interface BodyCollection {
	name: string;
	displayName: string;
}

/** How a resource is named in texts. */
export interface ResourceWords {
	/** Title Case singular ("Role Assignment"). */
	name: string;
	/** Lower-case singular and plural for labels and messages ("organization", "organizations"). */
	singular: string;
	plural: string;
	/** Article before the singular in action labels ("an organization"). */
	article: 'a' | 'an';
}

/**
 * What one kind of operation means. A new kind is one entry here; only a new
 * output shape also needs code (execute/operation.ts).
 */
export interface Kind {
	/** HTTP method; custom methods state their own. */
	method?: HttpMethod;
	/** Truto's name of the method, as capabilities list it; custom methods use their path segment. */
	trutoMethod?: string;
	/** Whether the record id goes into the URL path. */
	idInPath: boolean;
	output: OutputShape;
	/** Where the body fields are set in the UI, for kinds that send a body. */
	body?: BodyCollection;
	/** Texts when the catalog states none (custom methods state their own). */
	texts?: (resource: ResourceWords) => OperationTexts;
}

const additionalFields: BodyCollection = { name: PARAMETER.additionalFields, displayName: 'Additional Fields' };
const updateFields: BodyCollection = { name: PARAMETER.updateFields, displayName: 'Update Fields' };

function one(resource: ResourceWords): string {
	return `${resource.article} ${resource.singular}`;
}

const KIND_TABLE = {
	/** A list, one item per record, with Return All and Limit. */
	getAll: {
		method: 'GET',
		trutoMethod: 'list',
		idInPath: false,
		output: 'records',
		texts: (resource) => ({
			value: 'getAll',
			name: 'Get Many',
			action: `Get many ${resource.plural}`,
			description: `Lists ${resource.plural} in the connected directory, one item per ${resource.singular}: up to Limit, or every page with Return All. Filters narrow the list. Needs: Integrated Account.`,
		}),
	},
	/** A list answer that is read whole, presented as Get (`me`: the connected user). */
	getList: {
		method: 'GET',
		trutoMethod: 'list',
		idInPath: false,
		output: 'records',
		texts: (resource) => ({
			value: 'get',
			name: 'Get',
			action: `Get the ${resource.singular}`,
			description: `Returns the ${resource.singular}. Needs: Integrated Account.`,
		}),
	},
	get: {
		method: 'GET',
		trutoMethod: 'get',
		idInPath: true,
		output: 'record',
		texts: (resource) => ({
			value: 'get',
			name: 'Get',
			action: `Get ${one(resource)}`,
			description: `Returns one ${resource.singular} by its ID. Needs: Integrated Account and the ${resource.name}.`,
		}),
	},
	create: {
		method: 'POST',
		trutoMethod: 'create',
		idInPath: false,
		output: 'record',
		body: additionalFields,
		texts: (resource) => ({
			value: 'create',
			name: 'Create',
			action: `Create ${one(resource)}`,
			description: `Creates ${one(resource)} from the Additional Fields; which fields are required differs per integration. Needs: Integrated Account.`,
		}),
	},
	update: {
		method: 'PATCH',
		trutoMethod: 'update',
		idInPath: true,
		output: 'record',
		body: updateFields,
		texts: (resource) => ({
			value: 'update',
			name: 'Update',
			action: `Update ${one(resource)}`,
			description: `Changes ${one(resource)}: sends only the fields set in Update Fields. Needs: Integrated Account and the ${resource.name}.`,
		}),
	},
	delete: {
		method: 'DELETE',
		trutoMethod: 'delete',
		idInPath: true,
		output: 'deleted',
		texts: (resource) => ({
			value: 'delete',
			name: 'Delete',
			action: `Delete ${one(resource)}`,
			description: `Permanently deletes ${one(resource)} in the connected directory. This cannot be undone. Needs: Integrated Account and the ${resource.name}.`,
		}),
	},
	custom: {
		idInPath: false,
		output: 'result',
		body: additionalFields,
	},
} satisfies Record<string, Kind>;

/** What an operation is, in n8n's words: a key of the table above. */
export type OperationKind = keyof typeof KIND_TABLE;

export const KINDS: Record<OperationKind, Kind> = KIND_TABLE;
