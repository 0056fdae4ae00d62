// acc_mist: Juniper Mist organizations and org admins.
import type { Obj } from '../types';
import type { Resource } from '../resources';
import { iso, userCore } from './util';

export function mistSeed(): Partial<Record<Resource, Obj[]>> {
  const orgs = [
    ['mist_org_1', 'Acme Wireless HQ'],
    ['mist_org_2', 'Acme Retail Stores'],
    ['mist_org_3', 'Acme Warehouses'],
  ].map(([id, name], i) => ({
    id,
    name,
    pricing_plan: null,
    licenses: [{ id: `sub_${id}`, name: 'Wi-Fi Assurance' }],
    created_at: iso(10 + i),
    updated_at: iso(40 + i),
  }));
  const admins: [string, string][] = [['Sam', 'Rivera'], ['Kim', 'Osei'], ['Lee', 'Tran']];
  const users = admins.map(([first, last], i) =>
    userCore({
      id: `usr_mist_0${i + 1}`,
      first,
      last,
      emails: [`${first.toLowerCase()}.${last.toLowerCase()}@acme-wifi.com`],
      status: 'active',
      title: i === 0 ? 'Network Lead' : undefined,
      day: 20 + i,
      organizations: [{ id: 'mist_org_1', name: 'Acme Wireless HQ' }],
      user_type: 'admin',
    }),
  );
  return { organizations: orgs, users, me: [users[0]] };
}
