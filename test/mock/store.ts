// All mutable data of one mock server: accounts and per-account collections.
import type { Obj, Rec } from './types';
import { ACCOUNTS, type Account } from './accounts';
import { arrayBase, Collection } from './collection';
import type { Resource } from './resources';
import { toRaw } from './raw';
import { oktaSeed } from './seed/okta';
import { githubSeed, sandboxSeed } from './seed/github';
import { mistSeed } from './seed/mist';
import { bulkSeed } from './seed/bulk';

export const DEFAULT_BULK_USERS = 250;
export const DEFAULT_BULK_ORGANIZATIONS = 40;

export interface SeedSizes {
  users?: number;
  organizations?: number;
  /** accounts with the bulk data: acc_bulk, then acc_bulk_1, acc_bulk_2, … (default 1) */
  bulkAccounts?: number;
}

/** A unified record with its provider-shaped `remote_data`. */
export function withRaw(integration: string, resource: Resource, core: Obj): Rec {
  const { remote_data: extra, ...rest } = core;
  const raw = toRaw(integration, resource, rest);
  return { ...rest, remote_data: { ...raw, ...((extra as Obj) ?? {}) } } as Rec;
}

export class Store {
  readonly accounts: Account[];
  private data = new Map<string, Map<Resource, Collection>>();
  /** Records deleted while `quirks.listLag` was on: lists still show them. */
  private ghosts = new Map<string, Rec[]>();
  private counter = 0;

  constructor(private sizes: SeedSizes = {}) {
    const bulk = ACCOUNTS.find((a) => a.id === 'acc_bulk')!;
    const more = Array.from({ length: Math.max(0, (sizes.bulkAccounts ?? 1) - 1) }, (_, i) => ({ ...bulk, id: `acc_bulk_${i + 1}` }));
    this.accounts = [...ACCOUNTS, ...more];
    this.reseed();
  }

  /** Deleted records that a lagging list still shows, per account and resource. */
  lagging(account: string, resource: Resource): Rec[] {
    const key = `${account}/${resource}`;
    let list = this.ghosts.get(key);
    if (!list) this.ghosts.set(key, (list = []));
    return list;
  }

  reseed(): void {
    this.counter = 0;
    this.data.clear();
    this.ghosts.clear();
    const fromArrays = (acc: string, seed: Partial<Record<Resource, Obj[]>>) => {
      const integration = this.account(acc)!.integration;
      const map = new Map<Resource, Collection>();
      for (const [res, list] of Object.entries(seed) as [Resource, Obj[]][]) {
        map.set(res, new Collection(arrayBase(list.map((o) => withRaw(integration, res, o)))));
      }
      this.data.set(acc, map);
    };
    fromArrays('acc_github', githubSeed());
    fromArrays('acc_mist', mistSeed());
    fromArrays('acc_okta', oktaSeed());
    fromArrays('acc_sandbox', sandboxSeed());

    const gens = bulkSeed(
      this.sizes.users ?? DEFAULT_BULK_USERS,
      this.sizes.organizations ?? DEFAULT_BULK_ORGANIZATIONS,
    );
    // Every bulk account has the same records, as collections of its own.
    for (const account of this.accounts.filter((a) => a.id === 'acc_bulk' || a.id.startsWith('acc_bulk_'))) {
      const bulk = new Map<Resource, Collection>();
      for (const [res, g] of Object.entries(gens) as [Resource, NonNullable<(typeof gens)[Resource]>][]) {
        bulk.set(res, new Collection({ count: g.count, indexOf: g.indexOf, at: (i) => withRaw('trutotest', res, g.at(i)) }));
      }
      this.data.set(account.id, bulk);
    }
  }

  account(id: string): Account | undefined {
    return this.accounts.find((a) => a.id === id);
  }

  /** The collection of one resource; created empty when the account has none. */
  collection(accountId: string, resource: Resource): Collection {
    let map = this.data.get(accountId);
    if (!map) {
      map = new Map();
      this.data.set(accountId, map);
    }
    let c = map.get(resource);
    if (!c) {
      c = new Collection(arrayBase([]));
      map.set(resource, c);
    }
    return c;
  }

  /** A fresh id for a created record, e.g. `usr_new_0001`. */
  newId(prefix: string): string {
    this.counter += 1;
    return `${prefix}_new_${String(this.counter).padStart(4, '0')}`;
  }
}
