// Unified routes: /unified/user-directory/{resource}[/{id}|/{method}].
import type { Obj, Rec } from '../types';
import { fail } from '../errors';
import type { Account } from '../accounts';
import { unifiedMatcher } from '../filters';
import { paginate, withCursor } from '../pagination';
import { str } from '../query';
import { CUSTOM_METHODS, isResource, METHOD_ALIASES, RESOURCE_METHODS, WRITE_METHODS, type Resource } from '../resources';
import { COMMON_QUERY, referenceRow } from '../reference';
import { excludeFields, formatRecord, keyBy, readShape, type Shape } from '../shape';
import type { Ctx, Reply } from './context';
import { remoteNotFound } from './provider';
import { create, custom, remove, update } from './write';

export const MODEL = 'user-directory';

export interface Call {
  ctx: Ctx;
  acc: Account;
  resource: Resource;
  shape: Shape;
}

export function unified(ctx: Ctx): Reply {
  const [, model, resource, sub, ...rest] = ctx.segments;
  if (model !== MODEL) throw fail(404, `Unified model "${model ?? ''}" not found.`);
  if (!resource || rest.length) throw fail(404, 'Route not found.');
  if (!isResource(resource)) throw fail(404, `Resource "${resource}" does not exist in the ${MODEL} model.`);

  const method = methodName(ctx.method, sub);
  const acc = account(ctx);
  if (acc.is_sandbox && WRITE_METHODS.has(method)) {
    throw fail(405, `Sandbox integrated accounts are read-only: ${ctx.method} is not allowed on sandbox accounts.`);
  }
  const known = (RESOURCE_METHODS[resource] as readonly string[]).includes(method);
  if (!known || !acc.support[resource]?.includes(method)) {
    throw fail(404, `Method ${quote(method)} is not supported for resource "${resource}" on integration "${acc.integration}".`);
  }

  checkPlacement(ctx, resource, sub);
  if (acc.is_blocked || ctx.quirks.blocked?.includes(acc.id)) {
    throw fail(503, 'Integrated account is blocked. Contact support@truto.one.');
  }

  const call: Call = { ctx, acc, resource, shape: readShape(ctx.query) };
  const reply = dispatch(call, method, sub);
  reply.headers = { ...reply.headers, 'x-mock-response-format': call.shape.format };
  return reply;
}

/**
 * A field sent where Truto's reference does not put it for this method (a body
 * field in the query, a query parameter in the body) is refused, as Truto
 * refuses it; so is a response format the method does not document.
 */
function checkPlacement(ctx: Ctx, resource: string, sub: string | undefined): void {
  const row = referenceRow(ctx.method, resource, sub);
  if (!row) return;
  for (const key of Object.keys(ctx.query)) {
    if (COMMON_QUERY.has(key) || row.query.has(key) || !row.body.has(key)) continue;
    throw fail(400, `"${key}" is a body field of this method; it was sent as a query parameter.`);
  }
  const body = ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? (ctx.body as Obj) : {};
  for (const key of Object.keys(body)) {
    if (row.body.has(key) || !row.query.has(key)) continue;
    throw fail(400, `"${key}" is a query parameter of this method; it was sent in the request body.`);
  }
  const format = str(ctx.query.truto_response_format);
  if (format && !row.formats.includes(format)) {
    throw fail(400, `"truto_response_format" must be one of ${row.formats.join(', ')}.`);
  }
}

const quote = (m: string) => (m.startsWith('custom method') ? m : `"${m}"`);

function methodName(httpMethod: string, sub: string | undefined): string {
  switch (httpMethod) {
    case 'GET':
      return sub === undefined ? 'list' : 'get';
    case 'POST': {
      if (sub === undefined) return 'create';
      const custom = METHOD_ALIASES[sub] ?? sub;
      // Only custom methods live at POST /{resource}/{name}.
      return CUSTOM_METHODS.has(custom) ? custom : `custom method "${sub}"`;
    }
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      throw fail(405, `${httpMethod} is not allowed on unified routes.`);
  }
}

function account(ctx: Ctx): Account {
  const raw = ctx.query.integrated_account_id;
  const id = str(raw);
  if (raw === undefined || id === '') {
    throw fail(400, '"integrated_account_id" is required as a query parameter.');
  }
  if (typeof raw !== 'string') throw fail(400, '"integrated_account_id" must be a single string.');
  const acc = ctx.store.account(raw);
  if (!acc) throw fail(404, `Integrated account "${raw}" not found.`);
  return acc;
}

function dispatch(call: Call, method: string, sub: string | undefined): Reply {
  if (CUSTOM_METHODS.has(method)) return custom(call, method);
  switch (method) {
    case 'list':
      return listReply(call);
    case 'get':
      return one(call, 200, found(call, sub!));
    case 'create':
      return create(call);
    case 'update':
      return update(call, targetId(call, sub));
    default:
      return remove(call, targetId(call, sub));
  }
}

/** The id from the path, or from the body for integrations that take it there. */
function targetId(call: Call, sub: string | undefined): string {
  if (sub !== undefined) return sub;
  const body = call.ctx.body;
  const id = body && typeof body === 'object' ? (body as Obj).id : undefined;
  if (typeof id === 'string' && id) return id;
  throw fail(400, 'An id is required, in the path or as "id" in the body.');
}

export function found(call: Call, id: string): Rec {
  const rec = call.ctx.store.collection(call.acc.id, call.resource).get(id);
  if (!rec) throw remoteNotFound(call.acc.integration, call.resource, id);
  return rec;
}

/** A single record answer, shaped; `stream` answers with the record's bytes. */
export function one(call: Call, status: number, rec: Rec, wrap = false): Reply {
  const out = output(formatRecord(rec, call.shape), call.shape);
  if (call.shape.format === 'stream') return stream(`${call.resource}-${rec.id}`, out);
  return { status, body: wrap ? { result: out } : out };
}

function listReply(call: Call): Reply {
  const { ctx, shape } = call;
  const col = ctx.store.collection(call.acc.id, call.resource);
  const match = unifiedMatcher(call.resource, ctx.query);
  let total = col.size();
  let read = (s: number, e: number) => col.slice(s, e);
  const ghosts = ctx.store.lagging(call.acc.id, call.resource);
  if (match || ghosts.length) {
    const hits = [...col.all(), ...ghosts].filter((rec) => !match || match(rec));
    total = hits.length;
    read = (s, e) => hits.slice(s, e);
  }
  const page = paginate(ctx.query, total, read, ctx.pageSize, ctx.quirks);
  const pairs = page.items.map((r): [Obj, Obj] => {
    const f = formatRecord(r, shape);
    return [f, output(f, shape)];
  });
  const keyField = str(ctx.query.truto_key_by);
  const result = keyField ? keyBy(pairs, keyField) : pairs.map((p) => p[1]);
  if (shape.format === 'stream') return stream(call.resource, result);
  const env: Obj = { result };
  withCursor(env, page.next, ctx.quirks);
  env.result_count = page.items.length;
  return { status: 200, body: env };
}

/** Exclusions, and for `normalized` the null-valued top-level fields dropped. */
function output(o: Obj, shape: Shape): Obj {
  const out = excludeFields(o, shape);
  if (shape.format !== 'normalized') return out;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null && v !== undefined));
}

/** `truto_response_format=stream`: the JSON bytes as a download. */
function stream(name: string, content: unknown): Reply {
  const filename = `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
  return {
    status: 200,
    bytes: Buffer.from(JSON.stringify(content)),
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${filename}"`,
    },
  };
}
