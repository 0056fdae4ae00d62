/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The HTTP server: records, applies faults, latency, auth and rate limits, then routes.
import * as http from 'http';
import type { Socket } from 'net';
import * as qs from 'qs';
import type { Fault, MockOptions, MockTruto, Obj, PageQuirks, RecordedRequest } from './types';
import { fail, HttpError, trutoError } from './errors';
import { faultAnswer, FaultQueue } from './faults';
import { RateLimiter } from './ratelimit';
import { Store } from './store';
import { str } from './query';
import { admin } from './routes/admin';
import type { Ctx, Reply } from './routes/context';
import { unified } from './routes/unified';
import { MockWebhooks } from './webhooks';

export const MOCK_TOKEN = 'truto-test-token';
export const QS_OPTIONS = { depth: 10, arrayLimit: 1000, parameterLimit: 10000 };
const MAX_BODY = 10 * 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

export class MockServer implements MockTruto {
  url = '';
  readonly token: string;
  readonly requests: RecordedRequest[] = [];
  readonly quirks: PageQuirks = {};
  readonly webhooks: MockWebhooks = new MockWebhooks((ms) => this.sleep(ms));
  private server = http.createServer((req, res) => void this.handle(req, res));
  private sockets = new Set<Socket>();
  private timers = new Set<NodeJS.Timeout>();
  private store: Store;
  private faults = new FaultQueue();
  private limiter: RateLimiter;
  private latency: number;
  private byStatus: Record<string, number> = {};
  private active = 0;
  private peak = 0;

  constructor(private options: MockOptions = {}) {
    this.token = options.token ?? MOCK_TOKEN;
    this.latency = options.latencyMs ?? 0;
    this.limiter = new RateLimiter(options.rateLimit ?? false);
    this.store = new Store(options.seed);
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        const addr = this.server.address();
        const port = typeof addr === 'object' && addr ? addr.port : 0;
        this.url = `http://127.0.0.1:${port}`;
        resolve();
      });
    });
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Reseeds data and clears faults, quirks, requests, counters; latency and rate limit go back to the start options. */
  reset(): void {
    this.store.reseed();
    this.faults.clear();
    for (const k of Object.keys(this.quirks)) delete (this.quirks as Obj)[k];
    this.clearRequests();
    this.webhooks.reset();
    this.byStatus = {};
    this.peak = this.active;
    this.latency = this.options.latencyMs ?? 0;
    this.limiter.set(this.options.rateLimit ?? false);
  }

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  setRateLimit(limit: MockOptions['rateLimit']): void {
    this.limiter.set(limit ?? false);
  }

  stats(): { byStatus: Record<string, number>; total: number } {
    const byStatus = { ...this.byStatus };
    return { byStatus, total: Object.values(byStatus).reduce((a, b) => a + b, 0) };
  }

  inFlight(): { now: number; peak: number } {
    return { now: this.active, peak: this.peak };
  }

  close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections?.();
      for (const s of this.sockets) s.destroy();
    });
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private count(key: string): void {
    this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let rec: RecordedRequest | undefined;
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    res.once('close', () => (this.active -= 1));
    try {
      const rawBody = await readBody(req);
      rec = record(req, rawBody);
      this.requests.push(rec);
      await this.answer(req, res, rec);
    } catch (err) {
      const reply = errorReply(err);
      if (rec) this.send(res, rec, reply);
      else if (!res.headersSent) res.writeHead(reply.status, { 'content-type': JSON_TYPE }).end(JSON.stringify(reply.body));
    }
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, rec: RecordedRequest): Promise<void> {
    // Faults are matched after recording, before latency, auth and routing.
    const fault = this.faults.take({
      method: rec.method,
      path: rec.path,
      decodedPath: '/' + rec.segments.join('/'),
      accountId: str(rec.query.integrated_account_id),
    });
    await this.sleep(this.latency);
    if (fault?.reset) {
      this.count('reset');
      req.socket.destroy();
      return;
    }
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    else if (fault) {
      this.send(res, rec, faultAnswer(fault));
      return;
    }

    this.authorize(rec);
    if (badPath(rec.path)) throw fail(400, 'Malformed percent-encoding in the URL path.');

    const isUnified = rec.segments[0] === 'unified';
    const limit = this.limiter.check(this.token, isUnified ? str(rec.query.integrated_account_id) : undefined);
    if (!limit.ok) {
      const body = trutoError(429, `Rate limit exceeded. Retry after ${limit.headers['retry-after']} seconds.`);
      this.send(res, rec, { status: 429, body, headers: limit.headers });
      return;
    }

    const ctx: Ctx = {
      method: rec.method,
      segments: rec.segments,
      query: rec.query,
      body: routeBody(rec.body),
      store: this.store,
      pageSize: this.options.pageSize ?? 20,
      quirks: this.quirks,
    };
    if (['POST', 'PATCH'].includes(rec.method) && typeof ctx.body === 'string') {
      throw fail(400, 'The request body must be valid JSON.');
    }
    let reply: Reply;
    try {
      reply = isUnified ? unified(ctx) : this.webhooks.route(ctx) ?? admin(ctx) ?? notFound();
    } catch (err) {
      reply = errorReply(err);
    }
    if (isUnified) reply.headers = { ...limit.headers, ...reply.headers };
    this.send(res, rec, reply);
  }

  private authorize(rec: RecordedRequest): void {
    const header = rec.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) throw fail(401, 'Missing API token. Send it as "Authorization: Bearer <token>".');
    if (m[1] !== this.token) throw fail(401, 'Invalid API token.');
  }

  private send(res: http.ServerResponse, rec: RecordedRequest, reply: Reply): void {
    rec.status = reply.status;
    this.count(String(reply.status));
    if (res.destroyed || res.headersSent) return;
    const headers: Record<string, string> = { ...reply.headers };
    let payload: Buffer | undefined = reply.bytes;
    if (!payload && reply.body !== undefined && reply.status !== 204) {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] = JSON_TYPE;
    }
    if (payload) headers['content-length'] = String(payload.length);
    res.writeHead(reply.status, headers);
    res.end(payload);
  }
}

function errorReply(err: unknown): Reply {
  if (err instanceof HttpError) return { status: err.status, body: err.body, headers: { ...err.headers } };
  const detail = err instanceof Error ? err.message : String(err);
  return { status: 500, body: trutoError(500, `Internal mock error: ${detail}`) };
}

function notFound(): never {
  throw fail(404, 'Route not found.');
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(fail(413, 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function badPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The body routes see: JSON even without a JSON content-type; a string when it is not JSON. */
function routeBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function record(req: http.IncomingMessage, rawBody: string): RecordedRequest {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s; // answered with 400 after auth
      }
    });
  let body: unknown;
  if (rawBody.length) {
    body = rawBody;
    if (String(req.headers['content-type'] ?? '').includes('json')) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        // kept as the raw string; POST/PATCH answer 400
      }
    }
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawUrl,
    path,
    segments,
    query: qs.parse(rawQuery, QS_OPTIONS) as Record<string, unknown>,
    rawQuery,
    headers: { ...req.headers },
    body,
    status: undefined,
    at: Date.now(),
  };
}
