// Provider-shaped ("raw") versions of unified records, per integration.
import type { Obj } from './types';
import type { Resource } from './resources';

type Mapper = (u: Obj) => Obj;

/** Stable small number from a string (GitHub-style numeric ids). */
export function numericId(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % 90000000 + 10000000;
}

const epoch = (iso: unknown) => (typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : null);
const first = <T>(v: unknown): T | undefined => (Array.isArray(v) ? (v[0] as T) : undefined);
const primaryEmail = (u: Obj) =>
  (first<Obj>(u.emails)?.email as string | undefined) ?? null;
const secondEmail = (u: Obj) =>
  (Array.isArray(u.emails) && u.emails[1] ? (u.emails[1] as Obj).email : null) ?? null;
const phone = (u: Obj) => (first<Obj>(u.phones)?.number as string | undefined) ?? null;

const OKTA_STATUS: Record<string, string> = {
  active: 'ACTIVE',
  inactive: 'SUSPENDED',
  invited: 'STAGED',
  deleted: 'DEPROVISIONED',
};

const okta: Partial<Record<Resource, Mapper>> = {
  users: (u) => ({
    id: u.id,
    status: OKTA_STATUS[String(u.status)] ?? u.status,
    created: u.created_at,
    activated: u.status === 'invited' ? null : u.created_at,
    statusChanged: u.updated_at,
    lastLogin: u.last_login_at ?? null,
    lastUpdated: u.updated_at,
    passwordChanged: u.status === 'invited' ? null : u.created_at,
    type: { id: 'oty1globexdefault0x7' },
    profile: {
      firstName: u.first_name ?? null,
      lastName: u.last_name ?? null,
      displayName: u.name ?? null,
      login: u.username ?? primaryEmail(u),
      email: primaryEmail(u),
      secondEmail: secondEmail(u),
      mobilePhone: phone(u),
      title: u.title ?? null,
      timezone: u.timezone ?? null,
    },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `https://globex.okta.com/api/v1/users/${encodeURIComponent(String(u.id))}` } },
  }),
  groups: (g) => ({
    id: g.id,
    created: g.created_at,
    lastUpdated: g.updated_at,
    lastMembershipUpdated: g.updated_at,
    objectClass: ['okta:user_group'],
    type: 'OKTA_GROUP',
    profile: { name: g.name, description: g.description ?? null },
  }),
  roles: (r) => ({
    id: r.id,
    label: r.label ?? r.name,
    type: r.type ?? 'CUSTOM',
    status: 'ACTIVE',
    created: r.created_at,
    lastUpdated: r.updated_at,
    assignmentType: 'USER',
  }),
};

const github: Partial<Record<Resource, Mapper>> = {
  users: (u) => ({
    login: u.username ?? u.id,
    id: numericId(String(u.id)),
    node_id: `MDQ6VXNlcj${numericId(String(u.id))}`,
    avatar_url: u.avatar ?? null,
    html_url: `https://github.com/${String(u.username ?? u.id)}`,
    type: 'User',
    site_admin: false,
    name: u.name ?? null,
    email: primaryEmail(u),
    bio: u.bio ?? null,
    state: u.status === 'invited' ? 'pending' : 'active',
    created_at: u.created_at,
    updated_at: u.updated_at,
  }),
  organizations: (o) => ({
    login: o.id,
    id: numericId(String(o.id)),
    node_id: `MDEyOk9yZ2FuaXphdGlvbj${numericId(String(o.id))}`,
    url: `https://api.github.com/orgs/${encodeURIComponent(String(o.id))}`,
    name: o.name ?? null,
    description: o.description ?? null,
    plan: { name: o.pricing_plan ?? 'free', seats: 10, filled_seats: 4 },
    created_at: o.created_at,
    updated_at: o.updated_at,
  }),
  groups: (g) => ({
    id: numericId(String(g.id)),
    slug: g.id,
    name: g.name,
    description: g.description ?? null,
    privacy: 'closed',
    permission: 'pull',
    organization: { login: g.organization ?? null },
  }),
};

const mist: Partial<Record<Resource, Mapper>> = {
  organizations: (o) => ({
    id: o.id,
    name: o.name,
    created_time: epoch(o.created_at),
    modified_time: epoch(o.updated_at),
    msp_id: null,
    orggroup_ids: [],
    session_expiry: 1440,
    allow_mist: true,
  }),
  users: (u) => ({
    admin_id: u.id,
    email: primaryEmail(u),
    first_name: u.first_name ?? null,
    last_name: u.last_name ?? null,
    privileges: [{ scope: 'org', role: 'admin', name: 'Mist Org' }],
  }),
};

const camelCache = new Map<string, string>();
function camel(k: string): string {
  let c = camelCache.get(k);
  if (c === undefined) {
    c = k.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    camelCache.set(k, c);
  }
  return c;
}

/** Fallback: the unified fields with camelCase keys, as a generic provider might send them. */
function generic(u: Obj): Obj {
  const out: Obj = {};
  for (const k in u) if (k !== 'remote_data') out[camel(k)] = u[k];
  return out;
}

const BY_INTEGRATION: Record<string, Partial<Record<Resource, Mapper>>> = {
  okta,
  github,
  'juniper-mist': mist,
};

export function toRaw(integration: string, resource: Resource, unified: Obj): Obj {
  const map = BY_INTEGRATION[integration]?.[resource === 'me' ? 'users' : resource];
  return map ? map(unified) : generic(unified);
}
