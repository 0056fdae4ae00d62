// acc_okta: a Globex Okta tenant. 36 users (28 active, 4 inactive, 2 invited,
// 2 deleted), 6 groups, and a little of every other resource.
import type { Obj } from '../types';
import type { Resource } from '../resources';
import { iso, pad, slug, userCore } from './util';

const NAMES: [string, string][] = [
  ['Avery', 'Chen'], ['Jordan', 'Patel'], ['Priya', 'Natarajan'], ['Marcus', 'Johnson'],
  ['Sofia', 'Rossi'], ["Liam", "O'Brien"], ['Hannah', 'Müller'], ['Diego', 'Fernández'],
  ['Aisha', 'Bello'], ['Noah', 'Williams'], ['Mei', 'Tanaka'], ['Oliver', 'Smith'],
  ['Fatima', 'Zahra'], ['Ethan', 'Brown'], ['Chloé', 'Dubois'], ['Lucas', 'Silva'],
  ['Amara', 'Okafor'], ['Benjamin', 'Lee'], ['Isabella', 'Garcia'], ['Mateo', 'Hernández'],
  ['Zoe', 'Kim'], ['Samuel', 'Cohen'], ['Grace', 'Nguyen'], ['Henry', 'Wilson'],
  ['Leila', 'Haddad'], ['Daniel', 'Kowalski'], ['Emma', 'Johansson'], ['Ravi', 'Kumar'],
  ['Nora', 'Lindqvist'], ['Kwame', 'Mensah'], ['Yuki', 'Sato'], ['Elena', 'Popescu'],
  ['Tomás', 'Alvarez'], ['Ingrid', 'Berg'], ['Omar', 'Farouk'], ['Julia', 'Novak'],
];

const INACTIVE = [7, 14, 21, 29];
const INVITED = [10, 33];
const DELETED = [18, 36];
const NO_PHONE = [5, 10, 15, 20, 25, 30, 35];
const NO_TITLE = [3, 12, 24, 33];
const SECOND_EMAIL = [1, 8, 16];

const GROUPS: Obj[] = [
  { id: 'grp_engineering', name: 'Engineering', description: 'Product and platform engineers', group_type: 'team' },
  { id: 'grp_sales', name: 'Sales', description: 'Account executives and SDRs', group_type: 'department' },
  { id: 'grp_marketing', name: 'Marketing', description: 'Brand, content and growth', group_type: 'department' },
  { id: 'grp_support', name: 'Customer Support', description: 'Tier 1 and tier 2 support', group_type: 'team' },
  { id: 'grp_finance', name: 'Finance', description: 'Accounting and payroll', group_type: 'department' },
  { id: 'grp_admins', name: 'Directory Admins', description: 'People allowed to manage Okta', group_type: 'group' },
];
const DEPT_TITLES = [
  ['Software Engineer', 'Senior Software Engineer', 'Engineering Manager', 'Site Reliability Engineer'],
  ['Account Executive', 'Sales Development Rep', 'Sales Manager', 'Solutions Consultant'],
  ['Content Strategist', 'Growth Marketer', 'Marketing Manager', 'Brand Designer'],
  ['Support Specialist', 'Support Engineer', 'Support Lead', 'Customer Success Manager'],
  ['Accountant', 'Financial Analyst', 'Controller', 'Payroll Specialist'],
];
const ROLES: Obj[] = [
  { id: 'rol_super_admin', name: 'Super Administrator', type: 'SUPER_ADMIN' },
  { id: 'rol_org_admin', name: 'Organization Administrator', type: 'ORG_ADMIN' },
  { id: 'rol_app_admin', name: 'Application Administrator', type: 'APP_ADMIN' },
  { id: 'rol_help_desk', name: 'Help Desk Administrator', type: 'HELP_DESK_ADMIN' },
  { id: 'rol_read_only', name: 'Read-only Administrator', type: 'READ_ONLY_ADMIN' },
];
/** user number -> role id */
const USER_ROLES: Record<number, string> = {
  1: 'rol_super_admin', 2: 'rol_org_admin', 11: 'rol_app_admin', 4: 'rol_help_desk', 9: 'rol_help_desk', 6: 'rol_read_only',
};
const ADMINS = [1, 2, 11];
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles'];
const ORG = { id: 'org_globex', name: 'Globex Corporation' };
const SSO = { id: 'lic_okta_sso', name: 'Single Sign-On' };
const WORKSPACE = { id: 'ws_globex_prod', name: 'Globex Production' };

const groupRef = (g: Obj) => ({ id: g.id, name: g.name, organization: ORG.id });

export function oktaUserId(n: number): string {
  return `usr_okta_${pad(n, 2)}`;
}

function statusOf(n: number): string {
  if (INACTIVE.includes(n)) return 'inactive';
  if (INVITED.includes(n)) return 'invited';
  if (DELETED.includes(n)) return 'deleted';
  return 'active';
}

function users(): Obj[] {
  return NAMES.map(([first, last], i) => {
    const n = i + 1;
    const dept = i % 5;
    const local = slug(first, last);
    const emails = [`${local}@globex.com`];
    if (SECOND_EMAIL.includes(n)) emails.push(`${local}@example.net`);
    const groups = [groupRef(GROUPS[dept])];
    if (ADMINS.includes(n)) groups.push(groupRef(GROUPS[5]));
    const roleId = USER_ROLES[n];
    const role = ROLES.find((r) => r.id === roleId);
    const status = statusOf(n);
    return userCore({
      id: oktaUserId(n),
      first,
      last,
      emails,
      status,
      title: NO_TITLE.includes(n) ? undefined : DEPT_TITLES[dept][i % 4],
      phone: NO_PHONE.includes(n) ? undefined : `+1-555-01${pad(n, 2)}`,
      day: n,
      groups,
      roles: role ? [{ id: role.id, name: role.name, group: null, organization: ORG.id, workspace: null }] : [],
      organizations: [ORG],
      licenses: status === 'active' ? [{ ...SSO, organization: ORG.id, last_active_at: iso(60 + n, 30) }] : [],
      workspaces: [WORKSPACE],
      timezone: ZONES[i % 4],
      languages: n % 4 === 2 ? ['en', 'de'] : ['en'],
      external_id: n % 9 === 5 ? `scim-${pad(n, 4)}` : null,
      is_2fa_enabled: n % 3 !== 0,
      user_type: role ? 'admin' : 'member',
    });
  });
}

export function oktaSeed(): Partial<Record<Resource, Obj[]>> {
  const userList = users();
  const stamp = (o: Obj, day: number): Obj => ({ ...o, created_at: iso(day), updated_at: iso(day + 40) });
  return {
    users: userList,
    me: [userList[0]],
    groups: GROUPS.map((g, i) => stamp({ ...g, organization: ORG.id }, i)),
    roles: ROLES.map((r, i) =>
      stamp({ ...r, label: r.name, description: `Okta ${r.name} role`, applicable_in: 'group' }, i),
    ),
    role_assignments: Object.entries(USER_ROLES).map(([n, roleId], i) =>
      stamp({
        id: `ra_okta_${pad(i + 1, 2)}`,
        user_id: oktaUserId(Number(n)),
        group_id: null,
        group_type: 'group',
        role_id: roleId,
        workspace: [WORKSPACE.id],
      }, 10 + i),
    ),
    organizations: [stamp({ ...ORG, pricing_plan: 'Enterprise', licenses: [SSO, { id: 'lic_okta_mfa', name: 'Adaptive MFA' }] }, 0)],
    licenses: [
      { ...SSO, description: 'Workforce SSO', available: 50, assigned: 28, amount: 2, products: [{ id: 'prd_sso', name: 'SSO', status: 'active' }] },
      { id: 'lic_okta_mfa', name: 'Adaptive MFA', description: 'Risk-based MFA', available: 50, assigned: 22, amount: 6, products: [{ id: 'prd_mfa', name: 'Adaptive MFA', status: 'active' }] },
      { id: 'lic_okta_lcm', name: 'Lifecycle Management', description: 'Automated provisioning', available: 10, assigned: 0, amount: 4, products: [{ id: 'prd_lcm', name: 'LCM', status: 'needs_input' }] },
    ].map(({ available, assigned, amount, ...l }, i) =>
      stamp({
        ...l,
        available_quantity: available,
        assigned_quantity: assigned,
        unit_amount: amount,
        roles: [],
        is_paid: true,
        currency: 'USD',
        status: assigned > 0 ? 'active' : 'inactive',
      }, i),
    ),
    workspaces: [
      stamp({ ...WORKSPACE, description: 'Production Okta org', status: 'active', organization: ORG }, 0),
      stamp({ id: 'ws_globex_preview', name: 'Globex Preview', description: 'Okta preview org for testing', status: 'inactive', organization: ORG }, 3),
    ],
    activities: activities(),
    billing: [1, 2, 3].map((m) =>
      stamp({
        id: `inv_okta_2024_${pad(m, 2)}`,
        description: `Okta subscription, 2024-${pad(m, 2)}`,
        billing_frequency: 'monthly',
        currency: 'USD',
        total_amount: '4578.00',
        tax_amount: '378.00',
        start_date: `2024-${pad(m, 2)}-01`,
        end_date: `2024-${pad(m, 2)}-${m === 2 ? '29' : '31'}`,
      }, 30 * m),
    ),
    utilization: [
      { id: 'util_okta_sso', utilization_type: 'licenses', name: 'Single Sign-On seats', used: 28, total: 50, unit: 'seats' },
      { id: 'util_okta_mfa', utilization_type: 'licenses', name: 'Adaptive MFA seats', used: 22, total: 50, unit: 'seats' },
      { id: 'util_okta_actions', utilization_type: 'actions', name: 'Workflow actions', used: 1840, total: 5000, unit: 'actions' },
    ].map((u) => stamp({ ...u, period_start: '2024-03-01', period_end: '2024-03-31' }, 75)),
  };
}

function activities(): Obj[] {
  const rows: [string, number | null, string, string][] = [
    ['login', 1, 'user', 'User signed in'],
    ['user_created', 1, 'user', 'Created user usr_okta_33'],
    ['login', 2, 'user', 'User signed in'],
    ['updated', 2, 'group', 'Updated group grp_sales'],
    ['user_deactivated', null, 'user', 'Deactivated user usr_okta_29 after 90 days inactive'],
    ['logout', 4, 'user', 'User signed out'],
    ['exported', 11, 'report', 'Exported the user report'],
    ['login', 9, 'user', 'User signed in'],
    ['user_password_reset', 4, 'user', 'Reset password for usr_okta_12'],
    ['destroy', 1, 'user', 'Deleted user usr_okta_36'],
    ['policy.lifecycle.update', 2, 'policy', 'Updated sign-on policy'],
    ['login', 6, 'user', 'User signed in'],
  ];
  return rows.map(([action, actor, entityType, description], i) => ({
    id: `act_okta_${pad(i + 1, 3)}`,
    actor: actor === null ? { type: 'system' } : { type: 'user', user: { id: oktaUserId(actor) } },
    organization: ORG.id,
    group: entityType === 'group' ? 'grp_sales' : null,
    description,
    action,
    entity: entityType === 'user' ? oktaUserId(actor ?? 1) : null,
    entity_type: entityType,
    context: { ip_address: `203.0.113.${10 + i}`, user_agent: 'Mozilla/5.0' },
    created_at: iso(80, i * 17),
  }));
}
