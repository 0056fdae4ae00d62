// Which deliveries the workflow asked for: events, one integrated account, User Directory resources.
import { isRecordEvent } from './events';

export interface Narrowing {
	events: string[];
	/** Empty: every account. */
	accountId: string;
	/** Empty: every resource. Applies to record events only. */
	resources: string[];
}

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The integrated account an event is about, when it names one. */
export function accountOf(event: string, payload: unknown): string {
	const data = obj(payload);
	if (event.startsWith('integrated_account:')) return text(data.id);
	return text(data.integrated_account_id) || text(obj(data.integrated_account).id);
}

/** The unified resource a record event is about ("users"), when it names one. */
export function resourceOf(payload: unknown): string {
	const data = obj(payload);
	return text(data.resource) || text(data.unified_resource);
}

/** Why this event is not wanted, or undefined when it is. */
export function unwanted(body: Obj, narrowing: Narrowing): string | undefined {
	const event = text(body.event);
	if (!narrowing.events.includes(event)) return 'event not selected';
	if (narrowing.accountId && accountOf(event, body.payload) !== narrowing.accountId) return 'another integrated account';
	if (narrowing.resources.length && isRecordEvent(event) && !narrowing.resources.includes(resourceOf(body.payload))) {
		return 'resource not selected';
	}
	return undefined;
}
