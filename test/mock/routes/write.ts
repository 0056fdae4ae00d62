// create, update, delete and the custom methods.
import type { Obj, Rec } from '../types';
import { fail } from '../errors';
import { str } from '../query';
import { toRaw } from '../raw';
import type { Resource } from '../resources';
import { withRaw } from '../store';
import type { Reply } from './context';
import { remoteInvalid, remoteNotFound } from './provider';
import { found, one, type Call } from './unified';

const ID_PREFIX: Partial<Record<Resource, string>> = { users: 'usr', groups: 'grp', roles: 'rol' };

function bodyObject(call: Call, required: boolean): Obj {
  const b = call.ctx.body;
  if (b === undefined && !required) return {};
  if (!b || typeof b !== 'object' || Array.isArray(b)) {
    throw fail(400, 'The request body must be a JSON object.');
  }
  return b as Obj;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const now = () => new Date().toISOString();

export function create(call: Call): Reply {
  const body = bodyObject(call, true);
  const { store } = call.ctx;
  const id = store.newId(ID_PREFIX[call.resource] ?? call.resource);
  let core: Obj;
  if (call.resource === 'users') core = newUser(call, body, id);
  else {
    if (!text(body.name)) throw remoteInvalid(call.acc.integration, call.resource, ['name']);
    core = call.resource === 'groups'
      ? { id, name: body.name, description: body.description ?? null, organization: body.organization ?? null, group_type: str(call.ctx.query.group_type) || 'group' }
      : { id, name: body.name, label: body.label ?? body.name, description: body.description ?? null, type: body.type ?? 'custom', applicable_in: body.applicable_in ?? 'group' };
    core.created_at = core.updated_at = now();
  }
  const rec = withRaw(call.acc.integration, call.resource, { ...core, remote_data: body.remote_data });
  store.collection(call.acc.id, call.resource).insert(rec);
  return one(call, 201, rec);
}

function newUser(call: Call, body: Obj, id: string): Obj {
  const emails = arr(body.emails)
    .map((e) => (typeof e === 'string' ? { email: e } : (e as Obj)))
    .filter((e) => e && typeof e === 'object' && text(e.email))
    .map((e, i) => ({ email: e.email, type: e.type ?? 'work', is_primary: e.is_primary ?? i === 0 }));
  const missing: string[] = [];
  if (call.acc.integration === 'okta') {
    if (!text(body.first_name)) missing.push('first_name');
    if (!text(body.last_name)) missing.push('last_name');
  }
  if (!emails.length) missing.push('emails');
  if (missing.length) throw remoteInvalid(call.acc.integration, 'users', missing);
  if (emails.some((e) => !/^[^@\s]+@[^@\s]+$/.test(String(e.email)))) {
    throw remoteInvalid(call.acc.integration, 'users', [], 'Email is invalid');
  }
  const groups = call.ctx.store.collection(call.acc.id, 'groups');
  const first = text(body.first_name) ?? null;
  const last = text(body.last_name) ?? null;
  const stamp = now();
  return {
    id,
    external_id: null,
    identifiers: { email: emails[0].email },
    first_name: first,
    last_name: last,
    name: text(body.name) ?? ([first, last].filter(Boolean).join(' ') || null),
    title: body.title ?? null,
    username: body.username ?? emails[0].email,
    emails,
    phones: arr(body.phones).map((p) =>
      typeof p === 'string' ? { number: p, extension: null, type: 'phone' } : { extension: null, type: 'phone', ...(p as Obj) },
    ),
    status: text(body.status) ?? 'active',
    is_email_verified: false,
    is_2fa_enabled: false,
    roles: [],
    organizations: [],
    user_type: 'member',
    licenses: [],
    groups: arr(body.groups).map((g) => {
      const gid = String(typeof g === 'object' && g ? (g as Obj).id : g);
      return { id: gid, name: groups.get(gid)?.name ?? null, organization: null };
    }),
    workspaces: [],
    avatar: null,
    timezone: body.timezone ?? null,
    languages: arr(body.languages),
    bio: body.description ?? null,
    created_at: stamp,
    updated_at: stamp,
  };
}

/** Saves changed unified fields, re-deriving `remote_data` and merging any passed-through one. */
function save(call: Call, old: Rec, changes: Obj, passthrough?: unknown): Rec {
  const { remote_data: oldRaw, ...oldCore } = old;
  const core: Obj = { ...oldCore, ...changes, id: old.id, updated_at: now() };
  const extra = passthrough && typeof passthrough === 'object' ? (passthrough as Obj) : {};
  const rec = { ...core, remote_data: { ...oldRaw, ...toRaw(call.acc.integration, call.resource, core), ...extra } } as Rec;
  call.ctx.store.collection(call.acc.id, call.resource).replace(rec);
  return rec;
}

/** Fields an update never sets directly. */
const FIXED = new Set(['id', 'remote_data', 'created_at', 'updated_at']);

export function update(call: Call, id: string): Reply {
  const body = bodyObject(call, true);
  const old = found(call, id);
  const changes: Obj = {};
  for (const [k, v] of Object.entries(body)) if (!FIXED.has(k)) changes[k] = v;
  const remote_data = body.remote_data;
  // Organizations document only `remote_data`; a provider `name` there renames the org.
  const raw = remote_data as Obj | undefined;
  if (call.resource === 'organizations' && changes.name === undefined && typeof raw?.name === 'string') {
    changes.name = raw.name;
  }
  return one(call, 200, save(call, old, changes, remote_data));
}

export function remove(call: Call, id: string): Reply {
  const rec = call.ctx.store.collection(call.acc.id, call.resource).remove(id);
  if (rec && call.ctx.quirks.listLag) call.ctx.store.lagging(call.acc.id, call.resource).push(rec);
  if (!rec) throw remoteNotFound(call.acc.integration, call.resource, id);
  if (call.acc.deleteNoContent) return { status: 204 };
  return one(call, 200, rec);
}

/** POST users/unassign-role and POST groups/remove-user; answers `{result: …}`. */
export function custom(call: Call, method: string): Reply {
  const body = bodyObject(call, false);
  const { store } = call.ctx;
  const users = store.collection(call.acc.id, 'users');
  const need = (fields: [string, unknown][]) => {
    const missing = fields.filter(([, v]) => !text(v)).map(([k]) => k);
    if (missing.length) throw remoteInvalid(call.acc.integration, call.resource, missing);
  };
  if (method === 'unassign-role') {
    // Documented as query parameters (Slack Enterprise) and body fields (JumpCloud): {id, roles: [{id}]}.
    const query = call.ctx.query;
    // {user_id, role_id} is accepted too.
    const userId = body.user_id ?? body.id ?? query.id;
    const roleIds = body.role_id !== undefined ? [body.role_id] : arr(body.roles ?? query.roles).map((r) => (r as Obj)?.id);
    need([['user_id', userId], ['role_id', roleIds.find((r) => text(r))]]);
    const user = users.get(String(userId));
    if (!user) throw remoteNotFound(call.acc.integration, 'users', String(userId));
    const roles = arr(user.roles).filter((r) => !roleIds.includes((r as Obj).id));
    return one(call, 200, save(call, user, { roles }, body.remote_data), true);
  }
  // remove-user
  need([['group_id', body.group_id], ['user_id', body.user_id]]);
  const group = found(call, String(body.group_id));
  const user = users.get(String(body.user_id));
  if (!user) throw remoteNotFound(call.acc.integration, 'users', String(body.user_id));
  const groups = arr(user.groups).filter((g) => (g as Obj).id !== group.id);
  users.replace({ ...user, groups, updated_at: now() });
  return one(call, 200, group, true);
}
