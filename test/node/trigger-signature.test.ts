// The trigger's pure checks: Truto's signature byte for byte, the replay window, narrowing.
import { createHmac } from 'node:crypto';

import {
	digestOf,
	EVENTS,
	prune,
	seenBefore,
	signBody,
	staleReason,
	unwanted,
	verifySignature,
} from '../../nodes/TrutoTrigger/delivery';
import { signature256, WEBHOOK_EVENTS } from '../mock';

// The create example's value in Truto's guide.
const KEY = ['6e17561c', 'a20c', '44ce', 'b8b5', 'caff0bf786fe'].join('-');
const body = Buffer.from(
	JSON.stringify({ id: 'evt_1', event: 'record:created', payload: { name: 'Zoë Ñúñez 👩🏽‍💻', note: 'a\u2028b' }, created_at: '2026-12-03T10:00:00.000Z' }),
	'utf8',
);

describe('signature', () => {
	test('the header Truto sends verifies the exact bytes, hex or base64', () => {
		const hex = createHmac('sha256', KEY).update(body).digest('hex');
		const base64 = createHmac('sha256', KEY).update(body).digest('base64');
		expect(signBody(KEY, body)).toBe(`format=sha256,v=${hex}`);
		expect(signBody(KEY, body)).toBe(signature256(KEY, body));
		expect(verifySignature(`format=sha256,v=${hex}`, body, KEY)).toBe(true);
		expect(verifySignature(`format=sha256,v=${hex.toUpperCase()}`, body, KEY)).toBe(true);
		expect(verifySignature(`format=sha256,v=${base64}`, body, KEY)).toBe(true);
		expect(verifySignature(`v=${hex}`, body, KEY)).toBe(true);
	});

	test('any other byte, body or secret fails', () => {
		const header = signBody(KEY, body);
		const flipped = Buffer.from(body);
		flipped[flipped.length - 2] ^= 1;
		expect(verifySignature(header, flipped, KEY)).toBe(false);
		// The same JSON, re-serialised by a proxy: other whitespace, escaped unicode, another key order.
		const parsed = JSON.parse(body.toString('utf8'));
		expect(verifySignature(header, Buffer.from(JSON.stringify(parsed, null, 2)), KEY)).toBe(false);
		expect(verifySignature(header, Buffer.from(JSON.stringify(parsed).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)), KEY)).toBe(false);
		const { id, ...rest } = parsed;
		expect(verifySignature(header, Buffer.from(JSON.stringify({ ...rest, id })), KEY)).toBe(false);
		expect(verifySignature(header, Buffer.concat([body, Buffer.from('\n')]), KEY)).toBe(false);
		// The text read as latin1 and sent back as UTF-8 is other bytes.
		expect(verifySignature(header, Buffer.from(body.toString('latin1'), 'utf8'), KEY)).toBe(false);
		expect(verifySignature(header, body, `${KEY}x`)).toBe(false);
		expect(verifySignature(header, body, '')).toBe(false);
		expect(verifySignature(header, undefined, KEY)).toBe(false);
	});

	test('missing, malformed or other-algorithm headers carry no digest', () => {
		const hex = createHmac('sha256', KEY).update(body).digest('hex');
		for (const header of [undefined, '', 'format=sha256', 'format=sha256,v=', `format=sha1,v=${hex}`, `format=sha256,v=${hex.slice(2)}`, `format=sha256,v=${hex}00`, ['x'], `sha256=${hex}`]) {
			expect(digestOf(header)).toBeUndefined();
			expect(verifySignature(header, body, KEY)).toBe(false);
		}
	});
});

describe('replay window', () => {
	const now = Date.parse('2026-12-03T10:05:00.000Z');

	test('created_at within the tolerance passes, older or far in the future or missing does not', () => {
		expect(staleReason('2026-12-03T10:00:00.000Z', now, 300)).toBeUndefined();
		expect(staleReason('2026-12-03T09:59:59.000Z', now, 300)).toMatch(/older/);
		expect(staleReason('2026-12-03T10:10:01.000Z', now, 300)).toMatch(/older/);
		expect(staleReason('2026-12-03T09:59:59.000Z', now, 600)).toBeUndefined();
		expect(staleReason(undefined, now, 300)).toMatch(/no created_at/);
		expect(staleReason('yesterday', now, 300)).toMatch(/not a date/);
	});

	test('an ID is seen once within the window; old and surplus IDs are dropped', () => {
		let recent = {};
		const first = seenBefore(recent, 'a', now, 300);
		expect(first.seen).toBe(false);
		recent = first.recent;
		expect(seenBefore(recent, 'a', now + 1000, 300).seen).toBe(true);
		// After the window the ID is forgotten (an event that old is refused as stale anyway).
		expect(seenBefore(recent, 'a', now + 301_000, 300).seen).toBe(false);
		const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`id${i}`, now - i]));
		expect(Object.keys(prune(many, now, 300, 5))).toEqual(['id0', 'id1', 'id2', 'id3', 'id4']);
		const bounded = seenBefore(many, 'new', now, 300, 5);
		expect(Object.keys(bounded.recent)).toHaveLength(5);
		expect(bounded.recent.new).toBe(now);
	});
});

describe('events and narrowing', () => {
	test('every event offered is one the webhook API takes', () => {
		for (const { value } of EVENTS) expect(WEBHOOK_EVENTS).toContain(value);
		expect(EVENTS.map((e) => e.value)).toEqual(expect.arrayContaining(['record:created', 'record:updated', 'record:deleted', 'integrated_account:active']));
	});

	test('events, account and resource not selected are not wanted', () => {
		const narrowing = { events: ['record:created', 'integrated_account:active'], accountId: 'acc_okta', resources: ['users'] };
		const record = (event: string, account: string, resource: string) => ({ event, payload: { integrated_account_id: account, resource, record: { id: 'u1' } } });
		expect(unwanted(record('record:created', 'acc_okta', 'users'), narrowing)).toBeUndefined();
		expect(unwanted(record('record:updated', 'acc_okta', 'users'), narrowing)).toBe('event not selected');
		expect(unwanted(record('record:created', 'acc_github', 'users'), narrowing)).toBe('another integrated account');
		expect(unwanted(record('record:created', 'acc_okta', 'groups'), narrowing)).toBe('resource not selected');
		expect(unwanted({ event: 'integrated_account:active', payload: { id: 'acc_okta' } }, narrowing)).toBeUndefined();
		expect(unwanted({ event: 'integrated_account:active', payload: { id: 'acc_mist' } }, narrowing)).toBe('another integrated account');
		expect(unwanted(record('record:created', 'acc_github', 'groups'), { events: ['record:created'], accountId: '', resources: [] })).toBeUndefined();
	});
});
