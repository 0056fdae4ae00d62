// Simple equality list filters for documented fields. Unknown filters are ignored.
import type { Obj } from './types';
import type { Resource } from './resources';
import { list } from './query';

type Pred = (rec: Obj, wanted: string[]) => boolean;

/** Wanted values: `f=x` (one), `f[]=x&f[]=y` or `f[in]=x,y` (any of); other operators are ignored. */
function wantedValues(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  // Email entries (`emails[][email]=…`, as Truto documents the filter) count by their address.
  if (Array.isArray(v)) {
    return v
      .map((x) => (x && typeof x === 'object' ? (x as Obj).email ?? (x as Obj).id : x))
      .filter((x): x is string => typeof x === 'string');
  }
  if (v && typeof v === 'object') {
    const o = v as Obj;
    if (o.in !== undefined) return list(o.in);
    if (typeof o.eq === 'string') return [o.eq];
  }
  return undefined;
}

const field = (name: string): Pred => (rec, wanted) => wanted.includes(String(rec[name]));
const inList = (name: string): Pred => (rec, wanted) =>
  Array.isArray(rec[name]) && (rec[name] as Obj[]).some((x) => wanted.includes(String(x.id)));

const USER_FILTERS: Record<string, Pred> = {
  status: field('status'),
  first_name: field('first_name'),
  last_name: field('last_name'),
  emails: (rec, wanted) => {
    const want = wanted.map((w) => w.toLowerCase());
    return Array.isArray(rec.emails) &&
      (rec.emails as Obj[]).some((e) => want.includes(String(e.email).toLowerCase()));
  },
  group_id: inList('groups'),
  organization_id: inList('organizations'),
  workspace_id: inList('workspaces'),
};

const FILTERS: Partial<Record<Resource, Record<string, Pred>>> = {
  users: USER_FILTERS,
  organizations: { name: field('name') },
  utilization: { utilization_type: field('utilization_type') },
};

export type Matcher = (rec: Obj) => boolean;

/** A matcher for the filters present in the query, or undefined when there are none. */
export function buildMatcher(table: Record<string, Pred>, query: Obj): Matcher | undefined {
  const checks: [Pred, string[]][] = [];
  for (const [name, pred] of Object.entries(table)) {
    const wanted = wantedValues(query[name]);
    if (wanted && wanted.length) checks.push([pred, wanted]);
  }
  if (!checks.length) return undefined;
  return (rec) => checks.every(([pred, wanted]) => pred(rec, wanted));
}

export function unifiedMatcher(resource: Resource, query: Obj): Matcher | undefined {
  const table = FILTERS[resource];
  return table ? buildMatcher(table, query) : undefined;
}

/** Filters of `GET /integrated-account`. `integration.name` arrives from qs as `{integration:{name}}`. */
export function accountMatcher(query: Obj): Matcher | undefined {
  const flat: Obj = { ...query };
  const integration = query.integration;
  if (integration && typeof integration === 'object' && !Array.isArray(integration)) {
    flat['integration.name'] = (integration as Obj).name;
  }
  if (query['integration.name'] !== undefined) flat['integration.name'] = query['integration.name'];
  return buildMatcher(
    {
      id: field('id'),
      tenant_id: field('tenant_id'),
      status: field('status'),
      is_sandbox: field('is_sandbox'),
      region: field('region'),
      authentication_method: field('authentication_method'),
      'integration.name': (rec, wanted) => wanted.includes(String((rec.integration as Obj).name)),
    },
    flat,
  );
}
