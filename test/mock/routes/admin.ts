// Admin routes: integrated accounts, capabilities, environment.
import type { Obj, PageQuirks } from '../types';
import { fail } from '../errors';
import { accountView, ENVIRONMENT_ID, type Account } from '../accounts';
import { accountMatcher } from '../filters';
import { paginate, withCursor } from '../pagination';
import { list, str } from '../query';
import { DOCS_ROOT, RESOURCE_INFO, RESOURCES, type Resource } from '../resources';
import type { Ctx, Reply } from './context';

/** Handles admin paths; undefined when the path is not an admin route. */
export function admin(ctx: Ctx): Reply | undefined {
  const [first, id, sub, ...rest] = ctx.segments;
  if (first === 'environment' && !id) return getOnly(ctx, environment);
  if (first !== 'integrated-account' || rest.length) return undefined;
  if (!id) return getOnly(ctx, () => listAccounts(ctx));
  if (sub && sub !== 'capabilities') return undefined;
  return getOnly(ctx, () => {
    const acc = ctx.store.account(id);
    if (!acc) throw fail(404, `Integrated account "${id}" not found.`);
    return sub ? { status: 200, body: capabilities(acc, ctx.query, ctx.quirks) } : { status: 200, body: accountView(acc) };
  });
}

function getOnly(ctx: Ctx, run: () => Reply): Reply {
  if (ctx.method !== 'GET') throw fail(405, `${ctx.method} is not allowed on this route.`);
  return run();
}

function environment(): Reply {
  const env = { id: ENVIRONMENT_ID, name: 'Mock environment', team_id: 'team_mock_0001', created_at: '2023-10-01T00:00:00.000Z' };
  return { status: 200, body: { result: [env], next_cursor: null, limit: 1 } };
}

function listAccounts(ctx: Ctx): Reply {
  const match = accountMatcher(ctx.query);
  const all = ctx.store.accounts.map(accountView).filter((a) => !match || match(a));
  const page = paginate(ctx.query, all.length, (s, e) => all.slice(s, e), ctx.pageSize);
  const env: Obj = { result: page.items };
  withCursor(env, page.next);
  env.limit = page.limit;
  return { status: 200, body: env };
}

/**
 * What an account supports, as `GET /integrated-account/{id}/capabilities`
 * describes it. Truto documents two shapes: the guides' `unified: [{model,
 * resource, methods}]` with custom methods among the methods (the default
 * here), and the API reference's `unified: {resources: [{api_name, name,
 * methods}]}` with the standard methods only (quirk `capabilities: 'reference'`).
 */
export function capabilities(acc: Account, query: Obj, quirks: PageQuirks = {}): Obj {
  const type = str(query.type) || 'all';
  if (!['unified', 'proxy', 'all'].includes(type)) {
    throw fail(400, '"type" must be one of unified, proxy, all.');
  }
  const resources = list(query.resource);
  const methods = list(query.methods);
  const unified: Obj[] = [];
  if (type !== 'proxy') {
    for (const res of RESOURCES) {
      const supported = acc.support[res];
      if (!supported?.length) continue;
      if (resources.length && !resources.includes(res)) continue;
      if (methods.length && !supported.some((m) => methods.includes(m))) continue;
      unified.push(entry(res, supported));
    }
  }
  const blocked = acc.is_blocked || Boolean(quirks.blocked?.includes(acc.id));
  const account = { id: acc.id, status: acc.status, authentication_method: acc.authentication_method, is_blocked: blocked };
  if (quirks.capabilities === 'other') return { unified: 'user-directory', account };
  if (quirks.capabilities === 'reference') {
    const standard = new Set(['list', 'get', 'create', 'update', 'delete']);
    const resources = unified.map((e) => ({
      api_name: e.resource,
      name: RESOURCE_INFO[e.resource as Resource].label,
      description: e.description,
      docs_url: e.docs_url,
      methods: (e.methods as string[]).filter((m) => standard.has(m)),
    }));
    return {
      integration: { id: `int_${acc.integration}`, slug: acc.integration, name: acc.integration },
      account,
      proxy: { resources: [] },
      unified: { resources },
    };
  }
  const out: Obj = { unified };
  if (type !== 'unified') out.proxy = [];
  out.account = account;
  return out;
}

function entry(res: Resource, methods: readonly string[]): Obj {
  const info = RESOURCE_INFO[res];
  return {
    model: 'user-directory',
    model_label: 'User Directory',
    resource: res,
    description: `${info.label} in the connected directory.`,
    docs_url: `${DOCS_ROOT}/${info.doc}`,
    methods: [...methods],
    env_overridden: false,
  };
}
