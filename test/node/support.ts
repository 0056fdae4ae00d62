import type { INodeParameters } from 'n8n-workflow';

import { runNode, type RunOptions } from '../harness/run-node';
import { startMockTruto, type MockOptions, type MockTruto, type RecordedRequest } from '../mock';

/**
 * A mock Truto for the whole test file: started before the tests, reset
 * before each, closed after. The returned object reads through to it.
 */
export function useMockTruto(options: MockOptions = {}): MockTruto {
	let current: MockTruto | undefined;
	beforeAll(async () => {
		current = await startMockTruto(options);
	});
	beforeEach(() => current?.reset());
	afterAll(async () => current?.close());
	return new Proxy({} as MockTruto, {
		get(_target, key) {
			if (!current) throw new Error('The mock Truto is not started yet');
			const value = current[key as keyof MockTruto];
			return typeof value === 'function' ? value.bind(current) : value;
		},
	});
}

/** A resource locator value in "By ID" mode. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Runs the node once against `mock`, with its token and URL as the credential. */
export function runAgainst(mock: MockTruto, options: Partial<RunOptions> & { parameters: INodeParameters }) {
	return runNode({ credentials: { apiToken: mock.token, baseUrl: mock.url }, ...options });
}

/** The recorded requests to the unified API. */
export function unifiedRequests(mock: MockTruto): RecordedRequest[] {
	return mock.requests.filter((request) => request.path.startsWith('/unified/'));
}
