// Mock Truto server for tests, the e2e suite, the demo and benchmarks. See README.md.
import { MockServer, MOCK_TOKEN } from './server';
import type { MockOptions, MockTruto } from './types';

export { MOCK_TOKEN };
export type { Fault, MockOptions, MockTruto, PageQuirks, RateLimit, RecordedRequest } from './types';

/** Starts the mock on 127.0.0.1 (random port unless `port` is given). */
export async function startMockTruto(options: MockOptions = {}): Promise<MockTruto> {
  const server = new MockServer(options);
  await server.listen();
  return server;
}
export { signature256, WEBHOOK_EVENTS, type Attempt, type DeliverOptions, type StoredWebhook } from './webhooks';
