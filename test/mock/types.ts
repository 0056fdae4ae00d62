import type { MockWebhooks } from './webhooks';
// Public types of the mock Truto server, plus a few shared internal ones.

export interface MockOptions {
  /** 0 (default) picks a random free port. */
  port?: number;
  /** Accepted bearer token. Default MOCK_TOKEN. */
  token?: string;
  /** Delay added before every answer. Default 0. */
  latencyMs?: number;
  /** Fixed-window rate limits. Default false (off). */
  rateLimit?: RateLimit | false;
  /** Record counts for the big `acc_bulk` account. Defaults: 250 users, 40 organizations. */
  seed?: { users?: number; organizations?: number; bulkAccounts?: number };
  /** Page size when `limit` is absent. Default 20. A `limit` above 1000 is capped at 1000. */
  pageSize?: number;
}

export interface RateLimit {
  perAccount: number;
  perToken: number;
  windowMs: number;
  /** false: no ratelimit-* headers, and a 429 carries only Retry-After (as when only Truto's own limit applies). Default true. */
  headers?: boolean;
}

export interface MockTruto {
  url: string;
  token: string;
  requests: RecordedRequest[];
  clearRequests(): void;
  reset(): void;
  inject(fault: Fault): void;
  setLatency(ms: number): void;
  setRateLimit(limit: MockOptions['rateLimit']): void;
  quirks: PageQuirks;
  /** Truto's webhook API and its signed deliveries (see webhooks.ts). */
  webhooks: MockWebhooks;
  stats(): { byStatus: Record<string, number>; total: number };
  /** Requests being handled right now, and the most at once since the start or the last reset(). */
  inFlight(): { now: number; peak: number };
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  rawUrl: string;
  path: string;
  segments: string[];
  query: Record<string, unknown>;
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status?: number;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface Fault {
  match?: { method?: string; pathIncludes?: string; accountId?: string };
  times?: number;
  status?: number;
  body?: unknown;
  /** Extra answer headers; an empty value removes a default one (e.g. a 429's Retry-After). */
  headers?: Record<string, string>;
  reset?: boolean;
  delayMs?: number;
  remote?: boolean;
  /** The answer's body as it is (HTML, JSON cut short, …), instead of `body` as JSON. */
  raw?: string | Buffer;
  /** Content type of a `raw` body. Default text/html. */
  contentType?: string;
}

export interface PageQuirks {
  emptyPageWithCursor?: boolean;
  lastCursor?: 'null' | 'missing' | 'empty';
  /** Shape of the capabilities answer: the guides' list (default), the API reference's object, or something else. */
  capabilities?: 'guides' | 'reference' | 'other';
  /** Accounts Truto has blocked: their unified calls answer 503. */
  blocked?: string[];
  /** Lists lag behind deletes (as some providers' search indexes do): records deleted while on are still listed. */
  listLag?: boolean;
}

/** A stored unified record. Always has `id` and `remote_data`. */
export type Rec = Record<string, unknown> & { id: string; remote_data: Record<string, unknown> };

/** A plain JSON object. */
export type Obj = Record<string, unknown>;
