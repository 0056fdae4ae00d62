/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// The transport on its own, over real HTTP to the mock: which writes are retried,
// with which Idempotency-Key, and what a failure says. The node has no write
// operation yet, so a small context stands in for n8n's (auth header, full
// response, no throw on HTTP errors, timeout and abort signal as n8n passes them).
import axios from 'axios';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { forgetRateLimits, itemIdempotencyKey, trutoRequest, type TrutoRequest } from '../../nodes/TrutoUserDirectory/transport';
import { startMockTruto, type MockTruto, type RecordedRequest } from '../mock';

let mock: MockTruto;

beforeAll(async () => {
	mock = await startMockTruto();
});
// The rate limits an account shows are remembered by the process: each test starts afresh.
beforeEach(() => {
	mock.reset();
	forgetRateLimits();
});
afterAll(async () => mock.close());

const NODE = {
	id: 'node-1',
	name: 'Truto User Directory',
	type: 'n8n-nodes-truto.trutoUserDirectory',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function context(overrides: { executionId?: string; runIndex?: number; nodeId?: string; baseUrl?: string } = {}) {
	const controller = new AbortController();
	const ctx = {
		runIndex: overrides.runIndex ?? 0,
		getNode: () => ({ ...NODE, id: overrides.nodeId ?? NODE.id }),
		getExecutionId: () => overrides.executionId ?? 'execution-1',
		getExecutionCancelSignal: () => controller.signal,
		getCredentials: async () => ({ apiToken: mock.token, baseUrl: overrides.baseUrl ?? mock.url }),
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				const answer = await axios.request({
					method: options.method,
					url: options.url,
					headers: { ...(options.headers as IDataObject), Authorization: `Bearer ${mock.token}` },
					data: options.body,
					timeout: options.timeout,
					signal: options.abortSignal as AbortSignal | undefined,
					validateStatus: () => true,
				});
				return { statusCode: answer.status, headers: answer.headers, body: answer.data };
			},
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, controller };
}

const GROUPS = '/unified/user-directory/groups';

function createGroup(extra: Partial<TrutoRequest> = {}): TrutoRequest {
	return {
		method: 'POST',
		path: GROUPS,
		query: { integrated_account_id: 'acc_bulk' },
		body: { name: 'Night shift' },
		errorContext: { itemIndex: 0, singular: 'group', action: 'create groups' },
		...extra,
	};
}

const posts = (): RecordedRequest[] => mock.requests.filter((request) => request.method === 'POST');

async function failure(promise: Promise<unknown>): Promise<Error & { description?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure');
}

describe('a write without an Idempotency-Key is never sent twice', () => {
	test.each([408, 500, 502, 503, 504])('%i: one POST, then the error', async (status) => {
		mock.inject({ status, headers: { 'retry-after': '0' }, match: { method: 'POST' } });
		const { ctx } = context();

		const error = await failure(trutoRequest(ctx, createGroup(), { maxRetries: 3 }));

		expect(posts()).toHaveLength(1);
		expect(error.message).not.toContain(mock.token);
	});

	test('a connection reset: one POST, then a network error', async () => {
		mock.inject({ reset: true, match: { method: 'POST' } });
		const { ctx } = context();

		const error = await failure(trutoRequest(ctx, createGroup(), { maxRetries: 3 }));

		expect(posts()).toHaveLength(1);
		expect(error.message).toMatch(/Could not reach Truto/);
		expect(JSON.stringify(error)).not.toContain(mock.token);
	});

	test('a timeout: one POST, then the timeout error', async () => {
		mock.inject({ delayMs: 300, match: { method: 'POST' } });
		const { ctx } = context();

		const error = await failure(trutoRequest(ctx, createGroup(), { maxRetries: 3, timeoutMs: 50 }));
		await new Promise((resolve) => setTimeout(resolve, 400));

		expect(posts()).toHaveLength(1);
		expect(error.message).toMatch(/did not answer within 50 ms/);
	});

	test('PATCH is treated the same way', async () => {
		mock.inject({ status: 502, headers: { 'retry-after': '0' } });
		const { ctx } = context();

		await failure(
			trutoRequest(ctx, { ...createGroup(), method: 'PATCH', path: `${GROUPS}/bulk_group_000001` }, { maxRetries: 3 }),
		);

		expect(mock.requests).toHaveLength(1);
	});

	test('a 429 is retried even so: Truto did not take the request', async () => {
		mock.inject({ status: 429, headers: { 'retry-after': '0' }, match: { method: 'POST' } });
		const { ctx } = context();

		const response = await trutoRequest(ctx, createGroup(), { maxRetries: 3 });

		expect(response.statusCode).toBe(201);
		expect(response.retries).toBe(1);
		expect(posts().map((request) => request.status)).toEqual([429, 201]);
	});
});

describe('a write with an Idempotency-Key is retried with the same key', () => {
	test.each([
		['502', { status: 502, headers: { 'retry-after': '0' } }],
		["a provider's 503", { status: 503, remote: true, headers: { 'retry-after': '0' } }],
		['a connection reset', { reset: true }],
	])('%s', async (_name, fault) => {
		mock.inject({ ...fault, times: 2, match: { method: 'POST' } });
		const { ctx } = context();

		const response = await trutoRequest(ctx, createGroup({ idempotencyKey: 'key-1' }), { maxRetries: 3 });

		expect(response.statusCode).toBe(201);
		expect(response.retries).toBe(2);
		expect(posts()).toHaveLength(3);
		expect(posts().map((request) => request.headers['idempotency-key'])).toEqual(['key-1', 'key-1', 'key-1']);
	});

	test('a request without a key sends no Idempotency-Key header', async () => {
		const { ctx } = context();

		await trutoRequest(ctx, createGroup());

		expect(posts()[0].headers['idempotency-key']).toBeUndefined();
	});
});

describe('other failures', () => {
	test('a refused connection is not retried and names the base URL, not the token', async () => {
		const { ctx } = context({ baseUrl: 'http://127.0.0.1:9' });

		const error = await failure(
			trutoRequest(ctx, { method: 'GET', path: GROUPS, query: { integrated_account_id: 'acc_bulk' } }),
		);

		expect(error.message).toBe(
			'Could not reach Truto at http://127.0.0.1:9: check the Base URL in the Truto API credential and the network',
		);
		expect(error.description).toMatch(/connection was refused \(ECONNREFUSED\)/);
		expect(JSON.stringify(error)).not.toContain(mock.token);
	});

	test('a Retry-After longer than two minutes fails at once instead of stalling the run', async () => {
		mock.inject({ status: 429, headers: { 'retry-after': '600' } });
		const { ctx } = context();

		const error = await failure(
			trutoRequest(ctx, { method: 'GET', path: GROUPS, query: { integrated_account_id: 'acc_bulk' } }),
		);

		expect(error.message).toMatch(/rate limit/i);
		expect(mock.requests).toHaveLength(1);
	});

	test('a cancelled execution ends a wait at once and sends nothing more', async () => {
		mock.inject({ status: 429, headers: { 'retry-after': '30' } });
		const { ctx, controller } = context();

		const pending = failure(
			trutoRequest(ctx, { method: 'GET', path: GROUPS, query: { integrated_account_id: 'acc_bulk' } }),
		);
		setTimeout(() => controller.abort(), 100);
		const error = await pending;

		expect(error.message).toBe('The execution was cancelled while waiting for Truto');
		expect(mock.requests).toHaveLength(1);
	});
});

describe('itemIdempotencyKey', () => {
	const key = (overrides: Parameters<typeof context>[0] = {}, itemIndex = 0, path = GROUPS) =>
		itemIdempotencyKey(context(overrides).ctx, itemIndex, 'POST', path);

	test('is the same for the same execution, node, run, item and request', () => {
		expect(key()).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(key()).toBe(key());
	});

	test('differs for another item, execution, node, run or path', () => {
		const keys = [
			key(),
			key({}, 1),
			key({ executionId: 'execution-2' }),
			key({ nodeId: 'node-2' }),
			key({ runIndex: 1 }),
			key({}, 0, `${GROUPS}/x`),
		];
		expect(new Set(keys).size).toBe(keys.length);
	});

	test('is left out when the execution has no id', () => {
		expect(key({ executionId: '' })).toBeUndefined();
	});
});
