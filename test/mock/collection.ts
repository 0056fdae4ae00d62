// An ordered record set. The base part is produced on demand from an index,
// so large seeds cost nothing until read; changes live in small overlays.
import type { Rec } from './types';

export interface Base {
  count: number;
  at(index: number): Rec;
  /** Base index of an id, or -1. */
  indexOf(id: string): number;
}

export function arrayBase(records: Rec[]): Base {
  const index = new Map(records.map((r, i) => [r.id, i]));
  return {
    count: records.length,
    at: (i) => structuredClone(records[i]),
    indexOf: (id) => index.get(id) ?? -1,
  };
}

export class Collection {
  private removed: number[] = []; // sorted base indices
  private removedSet = new Set<number>();
  private changed = new Map<number, Rec>();
  private added: Rec[] = [];

  constructor(private base: Base) {}

  size(): number {
    return this.base.count - this.removed.length + this.added.length;
  }

  /** Records at logical positions [start, end). */
  slice(start: number, end: number): Rec[] {
    const out: Rec[] = [];
    const stop = Math.min(end, this.size());
    for (let pos = Math.max(0, start); pos < stop; pos++) out.push(this.at(pos));
    return out;
  }

  *all(): Generator<Rec> {
    const n = this.size();
    for (let pos = 0; pos < n; pos++) yield this.at(pos);
  }

  get(id: string): Rec | undefined {
    const i = this.liveIndex(id);
    if (i >= 0) return this.baseRecord(i);
    const extra = this.added.find((r) => r.id === id);
    return extra ? structuredClone(extra) : undefined;
  }

  has(id: string): boolean {
    return this.liveIndex(id) >= 0 || this.added.some((r) => r.id === id);
  }

  insert(rec: Rec): void {
    this.added.push(structuredClone(rec));
  }

  replace(rec: Rec): void {
    const i = this.liveIndex(rec.id);
    if (i >= 0) {
      this.changed.set(i, structuredClone(rec));
      return;
    }
    const j = this.added.findIndex((r) => r.id === rec.id);
    if (j >= 0) this.added[j] = structuredClone(rec);
  }

  remove(id: string): Rec | undefined {
    const i = this.liveIndex(id);
    if (i >= 0) {
      const rec = this.baseRecord(i);
      this.removedSet.add(i);
      this.changed.delete(i);
      let k = this.removed.length;
      while (k > 0 && this.removed[k - 1] > i) k--;
      this.removed.splice(k, 0, i);
      return rec;
    }
    const j = this.added.findIndex((r) => r.id === id);
    if (j < 0) return undefined;
    return this.added.splice(j, 1)[0];
  }

  private at(pos: number): Rec {
    const live = this.base.count - this.removed.length;
    if (pos >= live) return structuredClone(this.added[pos - live]);
    // Map a logical position to a base index by skipping removed ones.
    let i = pos;
    for (const r of this.removed) {
      if (r <= i) i++;
      else break;
    }
    return this.baseRecord(i);
  }

  private baseRecord(i: number): Rec {
    const c = this.changed.get(i);
    return c ? structuredClone(c) : this.base.at(i);
  }

  private liveIndex(id: string): number {
    const i = this.base.indexOf(id);
    return i >= 0 && !this.removedSet.has(i) ? i : -1;
  }
}
