// Truto's webhook API (POST/GET /webhook, GET/PATCH/DELETE /webhook/{id}) and its deliveries:
// a signed POST of {id, event, payload, environment_id, created_at, webhook_id}; a non-2xx answer
// is retried 3 times with backoff, then the webhook is made inactive.
// https://truto.one/docs/guides/webhooks/overview, https://truto.one/docs/api-reference/admin/webhooks/create
import { createHmac, randomUUID } from 'node:crypto';
import { ENVIRONMENT_ID } from './accounts';
import { fail } from './errors';
import type { Obj } from './types';
import type { Ctx, Reply } from './routes/context';

/** Every event_types value Truto's create reference lists (and the guide's deleted events). */
export const WEBHOOK_EVENTS = [
  'integrated_account:created', 'integrated_account:updated', 'integrated_account:deleted', 'integrated_account:active',
  'integrated_account:reactivated', 'integrated_account:authentication_error', 'integrated_account:post_install_error',
  'integrated_account:validation_error', 'integrated_account:post_connect_form_submitted',
  'sync_job_run:created', 'sync_job_run:started', 'sync_job_run:updated', 'sync_job_run:record', 'sync_job_run:completed',
  'sync_job_run:failed', 'sync_job_run:deleted', 'sync_job_cron_trigger:failed',
  'batch_job:dry_run_completed', 'batch_job:completed', 'batch_job:dry_run_failed', 'batch_job:failed',
  'record:created', 'record:updated', 'record:deleted',
];

export interface StoredWebhook {
  id: string;
  target_url: string;
  secret: string;
  is_active: boolean;
  /** Empty: every event. */
  event_types: string[];
  environment_id: string;
  created_at: string;
  updated_at: string;
}

export interface DeliverOptions {
  id?: string;
  createdAt?: string;
  /** Sent instead of the serialised event (a body a proxy re-wrote, …); signed unless `signature` says otherwise. */
  rawBody?: string;
  /** The header as it is; null leaves it out. Default: Truto's signature of the body sent. */
  signature?: string | null;
  /** Signs with another secret. */
  secret?: string;
  /** Only to this webhook. */
  webhookId?: string;
}

export interface Attempt {
  webhookId: string;
  eventId: string;
  status: number;
}

const FIELDS = new Set(['target_url', 'event_types', 'is_active']);

export class MockWebhooks {
  /** Waits before the 1st, 2nd and 3rd retry (Truto: exponential, at most 10 s). */
  backoffMs = [1000, 2000, 4000];
  readonly attempts: Attempt[] = [];
  private hooks = new Map<string, StoredWebhook>();

  constructor(private sleep: (ms: number) => Promise<void>) {}

  reset(): void {
    this.hooks.clear();
    this.attempts.length = 0;
  }

  /** The stored webhooks, secrets included (what a test may know). */
  all(): StoredWebhook[] {
    return [...this.hooks.values()].map((hook) => ({ ...hook, event_types: [...hook.event_types] }));
  }

  route(ctx: Ctx): Reply | undefined {
    const [first, id, ...rest] = ctx.segments;
    if (first !== 'webhook' || rest.length) return undefined;
    if (!id) {
      if (ctx.method === 'GET') return { status: 200, body: { result: this.all().map(view), next_cursor: null, limit: this.hooks.size } };
      if (ctx.method === 'POST') return this.create(ctx.body);
      throw fail(405, `${ctx.method} is not allowed on this route.`);
    }
    const hook = this.hooks.get(id);
    if (!hook) throw fail(404, `Webhook "${id}" not found.`);
    if (ctx.method === 'GET') return { status: 200, body: view(hook) };
    if (ctx.method === 'DELETE') {
      this.hooks.delete(id);
      return { status: 200, body: view(hook) };
    }
    if (ctx.method === 'PATCH') {
      Object.assign(hook, checked(ctx.body, false), { updated_at: new Date().toISOString() });
      return { status: 200, body: view(hook) };
    }
    throw fail(405, `${ctx.method} is not allowed on this route.`);
  }

  private create(body: unknown): Reply {
    const fields = checked(body, true);
    const now = new Date().toISOString();
    const hook: StoredWebhook = {
      id: randomUUID(),
      target_url: fields.target_url as string,
      secret: randomUUID(),
      is_active: fields.is_active !== false,
      event_types: (fields.event_types as string[] | undefined) ?? [],
      environment_id: ENVIRONMENT_ID,
      created_at: now,
      updated_at: now,
    };
    this.hooks.set(hook.id, hook);
    // The only answer that carries the secret.
    return { status: 201, body: { ...hook } };
  }

  /**
   * Sends `event` to every active webhook subscribed to it, as Truto does: signed, retried
   * 3 times on a non-2xx answer or a failed connection, then the webhook is made inactive.
   * Returns each webhook's answers, in order.
   */
  async deliver(event: string, payload: unknown, options: DeliverOptions = {}): Promise<Record<string, number[]>> {
    const results: Record<string, number[]> = {};
    const targets = [...this.hooks.values()].filter(
      (hook) => hook.is_active && (!options.webhookId || hook.id === options.webhookId) && (!hook.event_types.length || hook.event_types.includes(event)),
    );
    await Promise.all(
      targets.map(async (hook) => {
        const eventId = options.id ?? randomUUID();
        const body =
          options.rawBody ??
          JSON.stringify({ id: eventId, event, payload, environment_id: hook.environment_id, created_at: options.createdAt ?? new Date().toISOString(), webhook_id: hook.id });
        const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'truto' };
        const signature = options.signature === undefined ? signature256(options.secret ?? hook.secret, body) : options.signature;
        if (signature !== null) headers['x-truto-signature'] = signature;
        const statuses: number[] = [];
        for (let attempt = 0; attempt <= this.backoffMs.length; attempt++) {
          if (attempt) await this.sleep(this.backoffMs[attempt - 1]);
          const status = await post(hook.target_url, headers, body);
          statuses.push(status);
          this.attempts.push({ webhookId: hook.id, eventId, status });
          if (status >= 200 && status < 300) break;
        }
        if (!statuses.some((status) => status >= 200 && status < 300)) hook.is_active = false;
        results[hook.id] = statuses;
      }),
    );
    return results;
  }
}

/** Truto's x-truto-signature value for `body`. */
export function signature256(secret: string, body: string | Buffer): string {
  return `format=sha256,v=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A webhook as list and get show it: without the secret. */
function view(hook: StoredWebhook): Obj {
  const rest: Obj = { ...hook };
  delete rest.secret;
  return rest;
}

/** The fields of a create (or update) body, refused as Truto's reference would. */
function checked(body: unknown, creating: boolean): Obj {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw fail(400, 'The request body must be a JSON object.');
  const fields = body as Obj;
  const unknown = Object.keys(fields).filter((key) => !FIELDS.has(key));
  if (unknown.length) throw fail(400, `Unknown field(s): ${unknown.join(', ')}.`);
  if (creating || fields.target_url !== undefined) {
    const url = fields.target_url;
    if (typeof url !== 'string' || !isTarget(url)) {
      throw fail(400, '"target_url" must be an HTTPS URL.');
    }
  }
  if (fields.is_active !== undefined && typeof fields.is_active !== 'boolean') throw fail(400, '"is_active" must be a boolean.');
  if (fields.event_types !== undefined) {
    const events = fields.event_types;
    if (!Array.isArray(events) || events.some((event) => typeof event !== 'string' || !WEBHOOK_EVENTS.includes(event))) {
      throw fail(400, `"event_types" must be a list of: ${WEBHOOK_EVENTS.join(', ')}.`);
    }
  }
  return fields;
}

/** Truto takes HTTPS targets only; the mock also takes http:// on loopback, where the tests listen. */
function isTarget(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
  } catch {
    return false;
  }
}

/** Posts to a target on loopback or HTTPS; 0 when the connection fails. */
async function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}
