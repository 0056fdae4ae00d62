// Pure helpers, without a server: query encoding, list pages, field mapping, error texts, file names.
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { FieldSpec } from '../../nodes/TrutoUserDirectory/catalog';
import { fileNameOf } from '../../nodes/TrutoUserDirectory/execute/output';
import { mapFields } from '../../nodes/TrutoUserDirectory/execute/params';
import * as qs from 'qs';

import { encodeQuery, parsePage, trutoApiError, type QueryValue } from '../../nodes/TrutoUserDirectory/transport';

const node = { id: 'n', name: 'Truto User Directory', type: 'trutoUserDirectory', typeVersion: 1 } as INode;
const ctx = { getNode: () => node } as unknown as IExecuteFunctions;

describe('encodeQuery: Truto bracket encoding', () => {
	test('scalars as they are, keys and values percent-encoded, brackets literal', () => {
		expect(encodeQuery({ a: 'x y', 'b&c': 'd=e', n: 3, t: true })).toBe('a=x%20y&b%26c=d%3De&n=3&t=true');
	});
	test('arrays with empty brackets, objects with keys, nested', () => {
		expect(encodeQuery({ f: ['id', 'name'] })).toBe('f[]=id&f[]=name');
		expect(encodeQuery({ q: { scope: { team: 'core' } } })).toBe('q[scope][team]=core');
	});
	test('a list of objects or lists gets positions, so that its entries stay apart', () => {
		expect(encodeQuery({ g: [{ id: 'a' }, { id: 'b' }] })).toBe('g[0][id]=a&g[1][id]=b');
		expect(encodeQuery({ m: [['1', '2'], ['3']] })).toBe('m[0][]=1&m[0][]=2&m[1][]=3');
	});
	test('whatever is nested reads back the same through a bracket parser (qs, as Truto reads it)', () => {
		const samples: QueryValue[] = [
			{ a: [{ x: '1', y: '2' }, { x: '3' }], b: [['1', '2'], ['3']], c: ['p', 'q'] },
			{ scope: { team: 'core', ids: ['1'], deep: [{ k: [{ v: 'w' }] }] } },
			{ 'sp ace': 'a&b=c', plus: '1+1', uni: 'Müller 😀' },
		];
		for (const sample of samples) {
			expect(qs.parse(encodeQuery({ q: sample }), { depth: 10 })).toEqual({ q: sample });
		}
	});
	test('undefined and null are left out; dates in ISO form', () => {
		const date = new Date('2026-01-02T03:04:05.000Z');
		expect(encodeQuery({ a: undefined, b: null, c: date })).toBe('c=2026-01-02T03%3A04%3A05.000Z');
	});
});

describe('parsePage: one page of a list answer', () => {
	test('result array and next_cursor', () => {
		expect(parsePage({ result: [{ id: 1 }], next_cursor: 'c2' })).toEqual({ records: [['0', { id: 1 }]], next: 'c2' });
	});
	test('null, empty and missing cursors end the list', () => {
		for (const next_cursor of [null, '', undefined]) {
			expect(parsePage({ result: [], next_cursor }).next).toBeUndefined();
		}
	});
	test('a keyed result gives its keys; `results` is read like `result`; a bare array is a page', () => {
		expect(parsePage({ result: { a: { id: 'a' } } }).records).toEqual([['a', { id: 'a' }]]);
		expect(parsePage({ results: [{ id: 'x' }] }).records).toEqual([['0', { id: 'x' }]]);
		expect(parsePage([{ id: 'y' }]).records).toEqual([['0', { id: 'y' }]]);
	});
});

describe('mapFields: catalog fields to query parameters or body properties', () => {
	const specs: FieldSpec[] = [
		{ displayName: 'Groups', name: 'groups', key: 'groups', type: 'string', default: '', description: '', shape: 'list', itemKey: 'id' },
		{ displayName: 'After', name: 'after', key: 'created_at', operator: 'gt', type: 'dateTime', default: '', description: '' },
		{ displayName: 'Before', name: 'before', key: 'created_at', operator: 'lt', type: 'dateTime', default: '', description: '' },
		{ displayName: 'Flag', name: 'flag', key: 'flag', type: 'boolean', default: false, description: '' },
		{ displayName: 'Other', name: 'other', type: 'json', default: '', description: '', shape: 'merge' },
	];
	test('lists become arrays (of objects with itemKey), operators share one key', () => {
		const out = mapFields(ctx, specs, { groups: 'g1, g2', after: '2026-01-01', before: '2026-02-01' }, 0, 'query');
		expect(out).toEqual({ groups: [{ id: 'g1' }, { id: 'g2' }], created_at: { gt: '2026-01-01', lt: '2026-02-01' } });
	});
	test('a false boolean is not sent in a query, but is in a body', () => {
		expect(mapFields(ctx, specs, { flag: false }, 0, 'query')).toEqual({});
		expect(mapFields(ctx, specs, { flag: false }, 0, 'body')).toEqual({ flag: false });
	});
	test('merged JSON never replaces a field set one by one', () => {
		const out = mapFields(ctx, specs, { groups: 'g1', other: '{"groups": "x", "title": "Eng"}' }, 0, 'body');
		expect(out).toEqual({ groups: [{ id: 'g1' }], title: 'Eng' });
	});
	test('invalid JSON names the field and its collection', () => {
		expect(() => mapFields(ctx, specs, { other: '{nope' }, 0, 'body', 'Additional Fields')).toThrow(
			"The 'Other' field in 'Additional Fields' is not valid JSON",
		);
	});
});

describe('trutoApiError: what happened and what to do', () => {
	const context = { itemIndex: 2, singular: 'organization', idParameter: 'Organization', id: 'org_1', accountId: 'acc_1', action: 'delete organizations' };
	test('a 404 from the provider points at the record, one from Truto at the account', () => {
		const remote = trutoApiError(node, 404, { statusCode: 404, message: 'gone', truto_is_remote_error: true }, context);
		expect(remote.message).toBe(
			`The organization "org_1" was not found in integrated account "acc_1" (it may already be gone): check the 'Organization' parameter`,
		);
		const own = trutoApiError(node, 404, { statusCode: 404, error: 'Not Found', message: 'Not Found' }, context);
		expect(own.message).toContain("check the 'Integrated Account' parameter");
		expect(own.httpCode).toBe('404');
	});
	test("Truto's message and insights go to the description; retries are counted", () => {
		const error = trutoApiError(
			node,
			403,
			{ message: 'Forbidden', truto_error_insight: { forbidden_error: { description: 'Scopes missing', value: { missing_scopes: ['admin:org'] } } } },
			context,
			2,
		);
		expect(error.description).toBe('Truto said: Forbidden\nScopes missing (missing scopes: admin:org)\nGave up after 2 retries.');
	});
	test('a text body is quoted, clipped', () => {
		const error = trutoApiError(node, 500, 'x'.repeat(2000), context);
		expect(error.description!.length).toBeLessThan(600);
	});
});

describe('fileNameOf: Content-Disposition', () => {
	test('plain, quoted and RFC 5987 forms', () => {
		expect(fileNameOf('attachment; filename=report.csv')).toBe('report.csv');
		expect(fileNameOf('attachment; filename="a b.json"')).toBe('a b.json');
		expect(fileNameOf("attachment; filename*=UTF-8''M%C3%BCller.txt")).toBe('Müller.txt');
		expect(fileNameOf(undefined)).toBeUndefined();
	});
});
