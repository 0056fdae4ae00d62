// acc_bulk: the benchmark account. Every record is built from its index on
// demand, so a 100,000-user seed costs nothing until it is read.
import type { Obj } from '../types';
import type { Resource } from '../resources';
import { iso, pad } from './util';

export interface Generator {
  count: number;
  at(i: number): Obj;
  indexOf(id: string): number;
}

const FIRST = ['Alex', 'Blair', 'Casey', 'Devon', 'Eden', 'Finley', 'Gray', 'Harper', 'Indy', 'Jules', 'Kai', 'Logan', 'Morgan', 'Nico', 'Oakley', 'Parker', 'Quinn', 'Reese', 'Sage', 'Taylor'];
const LAST = ['Abbott', 'Baker', 'Castillo', 'Dalton', 'Ellis', 'Fischer', 'Gupta', 'Holm', 'Ibarra', 'Jensen', 'Khan', 'Larsen', 'Moreau', 'Nakamura', 'Ortiz', 'Petrov', 'Quist', 'Reyes', 'Schmidt', 'Tran', 'Ueda', 'Vargas', 'Weber', 'Xu', 'Yilmaz', 'Zimmer'];
const TITLES = ['Engineer', 'Designer', 'Analyst', 'Manager', 'Recruiter', 'Consultant', 'Director'];

/** Ids are `<prefix><zero-padded index>`; only the canonical spelling is found. */
function gen(prefix: string, count: number, make: (i: number, id: string) => Obj): Generator {
  const idOf = (i: number) => `${prefix}${pad(i, 6)}`;
  return {
    count,
    at: (i) => make(i, idOf(i)),
    indexOf(id) {
      if (!id.startsWith(prefix)) return -1;
      const i = Number(id.slice(prefix.length));
      return Number.isInteger(i) && i >= 0 && i < count && idOf(i) === id ? i : -1;
    },
  };
}

const GROUPS = 12;
const ROLES = 6;
const stamp = (i: number) => ({ created_at: iso(i % 365, i % 1440), updated_at: iso((i % 365) + 7, i % 1440) });

export function bulkUserId(i: number): string {
  return `bulk_user_${pad(i, 6)}`;
}

export function bulkSeed(users: number, organizations: number): Partial<Record<Resource, Generator>> {
  const orgCount = Math.max(1, organizations);
  const orgName = (i: number) => `Bench Org ${pad(i, 6)}`;
  const user = (i: number, id: string): Obj => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length];
    const email = `${first}.${last}.${i}@bench.example`.toLowerCase();
    const status = i % 97 === 5 ? 'deleted' : i % 50 === 13 ? 'invited' : i % 20 === 7 ? 'inactive' : 'active';
    const org = { id: `bulk_org_${pad(i % orgCount, 6)}`, name: orgName(i % orgCount) };
    return {
      id,
      external_id: null,
      identifiers: { email },
      first_name: first,
      last_name: last,
      name: `${first} ${last}`,
      title: i % 11 === 3 ? null : TITLES[i % TITLES.length],
      username: email,
      emails: [{ email, type: 'work', is_primary: true }],
      phones: i % 4 === 1 ? [] : [{ number: `+1-555-${pad(i % 10000, 4)}`, extension: null, type: 'mobile' }],
      status,
      is_email_verified: status !== 'invited',
      is_2fa_enabled: i % 3 !== 0,
      roles: [{ id: `bulk_role_${pad(i % ROLES, 6)}`, name: `Role ${i % ROLES}`, group: null, organization: org.id, workspace: null }],
      organizations: [org],
      user_type: i % ROLES === 0 ? 'admin' : 'member',
      licenses: [],
      groups: [{ id: `bulk_group_${pad(i % GROUPS, 6)}`, name: `Group ${i % GROUPS}`, organization: org.id }],
      workspaces: [],
      avatar: null,
      timezone: 'UTC',
      languages: ['en'],
      bio: null,
      ...stamp(i),
    };
  };
  return {
    users: gen('bulk_user_', users, user),
    me: gen('bulk_user_', 1, user),
    organizations: gen('bulk_org_', organizations, (i, id) => ({
      id,
      name: orgName(i),
      pricing_plan: ['free', 'team', 'enterprise'][i % 3],
      licenses: [],
      ...stamp(i),
    })),
    groups: gen('bulk_group_', GROUPS, (i, id) => ({
      id,
      name: `Group ${i}`,
      description: `Benchmark group ${i}`,
      organization: 'bulk_org_000000',
      group_type: ['team', 'department', 'group'][i % 3],
      ...stamp(i),
    })),
    roles: gen('bulk_role_', ROLES, (i, id) => ({
      id,
      name: `Role ${i}`,
      label: `Role ${i}`,
      description: `Benchmark role ${i}`,
      type: 'custom',
      applicable_in: i % 2 ? 'workspace' : 'group',
      ...stamp(i),
    })),
    licenses: gen('bulk_license_', 4, (i, id) => ({
      id,
      name: `Plan ${i}`,
      description: null,
      available_quantity: 1000,
      assigned_quantity: 100 * i,
      unit_amount: 5 * (i + 1),
      roles: [],
      is_paid: i > 0,
      currency: 'USD',
      status: 'active',
      products: [{ id: `bulk_product_${i}`, name: `Product ${i}`, status: 'active' }],
      ...stamp(i),
    })),
    workspaces: gen('bulk_workspace_', 4, (i, id) => ({
      id,
      name: `Workspace ${i}`,
      description: null,
      status: 'active',
      organization: { id: 'bulk_org_000000', name: orgName(0) },
      ...stamp(i),
    })),
    role_assignments: gen('bulk_ra_', 30, (i, id) => ({
      id,
      user_id: bulkUserId(i % Math.max(1, users)),
      group_id: `bulk_group_${pad(i % GROUPS, 6)}`,
      group_type: 'group',
      role_id: `bulk_role_${pad(i % ROLES, 6)}`,
      workspace: [],
      ...stamp(i),
    })),
    activities: gen('bulk_activity_', 100, (i, id) => ({
      id,
      actor: { type: 'user', user: { id: bulkUserId(i % Math.max(1, users)) } },
      organization: 'bulk_org_000000',
      group: null,
      description: `Benchmark event ${i}`,
      action: ['login', 'logout', 'updated'][i % 3],
      entity: null,
      entity_type: 'user',
      context: {},
      created_at: iso(i % 365, i),
    })),
    billing: gen('bulk_invoice_', 12, (i, id) => ({
      id,
      description: `Invoice ${i + 1}`,
      billing_frequency: 'monthly',
      currency: 'USD',
      total_amount: `${1000 + i * 10}.00`,
      tax_amount: `${80 + i}.00`,
      start_date: `2024-${pad(i + 1, 2)}-01`,
      end_date: `2024-${pad(i + 1, 2)}-28`,
      ...stamp(i),
    })),
    utilization: gen('bulk_util_', 5, (i, id) => ({
      id,
      utilization_type: ['actions', 'licenses', 'packages', 'shared-storage', 'user_activity'][i],
      name: `Utilization ${i}`,
      used: i * 10,
      total: 100,
      unit: 'units',
      period_start: '2024-03-01',
      period_end: '2024-03-31',
      ...stamp(i),
    })),
  };
}
