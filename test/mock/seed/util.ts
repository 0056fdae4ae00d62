// Small helpers for building seed records.
import type { Obj } from '../types';

const BASE = Date.parse('2024-01-15T09:00:00.000Z');
const DAY = 86_400_000;

/** ISO timestamp `days` (and `minutes`) after 2024-01-15T09:00Z. */
export function iso(days: number, minutes = 0): string {
  return new Date(BASE + days * DAY + minutes * 60_000).toISOString();
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ASCII e-mail local part: "Hannah Müller" -> "hannah.muller". */
export function slug(first: string, last: string): string {
  const clean = (s: string) =>
    s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
  return `${clean(first)}.${clean(last)}`;
}

export interface UserInput {
  id: string;
  first: string;
  last: string;
  emails: string[];
  status: string;
  title?: string;
  phone?: string;
  username?: string;
  day: number;
  groups?: Obj[];
  roles?: Obj[];
  organizations?: Obj[];
  licenses?: Obj[];
  workspaces?: Obj[];
  timezone?: string;
  languages?: string[];
  external_id?: string | null;
  is_2fa_enabled?: boolean;
  user_type?: string;
}

/** A unified user (docs/truto-api.md; https://truto.one/docs/api-reference/unified-user-directory-api/users) without `remote_data`. */
export function userCore(u: UserInput): Obj {
  return {
    id: u.id,
    external_id: u.external_id ?? null,
    identifiers: { email: u.emails[0] ?? null },
    first_name: u.first,
    last_name: u.last,
    name: `${u.first} ${u.last}`,
    title: u.title ?? null,
    username: u.username ?? u.emails[0] ?? null,
    emails: u.emails.map((email, i) => ({
      email,
      type: i === 0 ? 'work' : 'personal',
      is_primary: i === 0,
    })),
    phones: u.phone ? [{ number: u.phone, extension: null, type: 'mobile' }] : [],
    status: u.status,
    is_email_verified: u.status !== 'invited',
    is_2fa_enabled: u.is_2fa_enabled ?? false,
    roles: u.roles ?? [],
    organizations: u.organizations ?? [],
    user_type: u.user_type ?? 'member',
    licenses: u.licenses ?? [],
    groups: u.groups ?? [],
    workspaces: u.workspaces ?? [],
    avatar: null,
    timezone: u.timezone ?? null,
    languages: u.languages ?? ['en'],
    bio: null,
    created_at: iso(u.day),
    updated_at: iso(u.day + 30, 15),
  };
}
