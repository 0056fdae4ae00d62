// Cursor pagination for list envelopes.
import type { PageQuirks } from './types';
import { bool, decodeCursor, encodeCursor, readLimit } from './query';

export interface Page<T> {
  items: T[];
  next: string | null;
  limit: number;
}

/**
 * One page of `total` items. `read(start, end)` returns items [start, end).
 * With `quirks.emptyPageWithCursor` the first page is empty but points at offset 0.
 */
export function paginate<T>(
  query: Record<string, unknown>,
  total: number,
  read: (start: number, end: number) => T[],
  pageSize: number,
  quirks: PageQuirks = {},
): Page<T> {
  const limit = readLimit(query.limit, pageSize);
  const offset = decodeCursor(query.next_cursor);
  if (offset === undefined && quirks.emptyPageWithCursor) {
    return { items: [], next: encodeCursor(0), limit };
  }
  const start = offset ?? 0;
  if (bool(query.truto_ignore_limit)) {
    return { items: read(start, total), next: null, limit };
  }
  const end = start + limit;
  return { items: read(start, end), next: end < total ? encodeCursor(end) : null, limit };
}

/** Sets `next_cursor` on an envelope, honouring `quirks.lastCursor` on the last page. */
export function withCursor(env: Record<string, unknown>, next: string | null, quirks: PageQuirks = {}): void {
  if (next !== null) {
    env.next_cursor = next;
    return;
  }
  if (quirks.lastCursor === 'missing') return;
  env.next_cursor = quirks.lastCursor === 'empty' ? '' : null;
}
