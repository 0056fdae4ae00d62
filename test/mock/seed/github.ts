// acc_github and acc_sandbox: GitHub organizations (with awkward ids for
// URL-encoding tests), org members, teams and org roles.
import type { Obj } from '../types';
import type { Resource } from '../resources';
import { iso, pad, userCore } from './util';

/** Organization ids on acc_github, in list order. The last seven need URL encoding care. */
export const GITHUB_ORG_IDS = [
  'acme-corp',
  'acme-labs',
  'octo-open-source',
  'org/with/slash',
  'org?q=1',
  'org#frag',
  '..',
  'org with space',
  'org+plus',
  '100%',
];

const ORG_NAMES: Record<string, string> = {
  'acme-corp': 'Acme Corporation',
  'acme-labs': 'Acme Labs',
  'octo-open-source': 'Octo Open Source',
};

const MEMBERS: [string, string, string, string | null, string][] = [
  // first, last, login, public e-mail, status
  ['Ada', 'Lovelace', 'ada-acme', 'ada@acme.dev', 'active'],
  ['Grace', 'Hopper', 'ghopper', 'grace@acme.dev', 'active'],
  ['Linus', 'Park', 'linus-p', null, 'active'],
  ['Margaret', 'Hamilton', 'mhamilton', 'margaret@acme.dev', 'active'],
  ['Ken', 'Thompson', 'kthompson', null, 'active'],
  ['Radia', 'Perlman', 'radiap', 'radia@acme.dev', 'active'],
  ['Dennis', 'Ritchie', 'dmr', 'dennis@acme.dev', 'active'],
  ['Barbara', 'Liskov', 'bliskov', 'barbara@acme.dev', 'invited'],
];

const TEAMS: Obj[] = [
  { id: 'platform', name: 'Platform', description: 'Build and deploy tooling', group_type: 'team' },
  { id: 'security', name: 'Security', description: 'AppSec and incident response', group_type: 'team' },
  { id: 'docs', name: 'Docs', description: null, group_type: 'team' },
];

export function githubSeed(): Partial<Record<Resource, Obj[]>> {
  const orgRef = { id: 'acme-corp', name: 'Acme Corporation' };
  const users = MEMBERS.map(([first, last, login, email, status], i) =>
    userCore({
      id: `usr_gh_${pad(i + 1, 2)}`,
      first,
      last,
      emails: email ? [email] : [],
      status,
      username: login,
      title: i === 0 ? 'Staff Engineer' : undefined,
      day: 100 + i,
      organizations: [orgRef],
      roles: [{ id: i < 2 ? 'admin' : 'member', name: i < 2 ? 'Owner' : 'Member', group: null, organization: 'acme-corp', workspace: null }],
      groups: [{ id: TEAMS[i % 3].id, name: TEAMS[i % 3].name, organization: 'acme-corp' }],
      is_2fa_enabled: true,
      user_type: i < 2 ? 'admin' : 'member',
    }),
  );
  return {
    users,
    me: [users[0]],
    organizations: GITHUB_ORG_IDS.map((id, i) => ({
      id,
      name: ORG_NAMES[id] ?? `Test org ${id}`,
      pricing_plan: i === 0 ? 'enterprise' : 'free',
      licenses: i === 0 ? [{ id: 'ghe', name: 'GitHub Enterprise' }] : [],
      created_at: iso(200 + i),
      updated_at: iso(230 + i),
    })),
    groups: TEAMS.map((t, i) => ({ ...t, organization: 'acme-corp', created_at: iso(120 + i), updated_at: iso(150 + i) })),
    roles: [
      { id: 'admin', name: 'Owner', label: 'Owner', description: 'Full administrative access', type: 'organization', applicable_in: 'group' },
      { id: 'member', name: 'Member', label: 'Member', description: 'Default organization member', type: 'organization', applicable_in: 'group' },
      { id: 'billing_manager', name: 'Billing manager', label: 'Billing manager', description: 'Manages billing settings', type: 'organization', applicable_in: 'group' },
    ].map((r, i) => ({ ...r, created_at: iso(i), updated_at: iso(i) })),
  };
}

export function sandboxSeed(): Partial<Record<Resource, Obj[]>> {
  const full = githubSeed();
  return {
    users: full.users?.slice(0, 3),
    me: full.me,
    organizations: ['sandbox-org-1', 'sandbox-org-2'].map((id, i) => ({
      id,
      name: `Sandbox org ${i + 1}`,
      pricing_plan: 'free',
      licenses: [],
      created_at: iso(300 + i),
      updated_at: iso(300 + i),
    })),
  };
}
