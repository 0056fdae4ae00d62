// Reading Truto's query options from a `qs.parse` result.
import { fail } from './errors';

/** The first string in a value (qs gives strings, arrays or objects). */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

export function bool(v: unknown): boolean {
  const s = str(v)?.toLowerCase();
  return s === 'true' || s === '1';
}

/**
 * A list from `a[]=x&a[]=y`, `a[0]=x`, `a=x,y` or any mix; values are
 * split on commas, trimmed, and empty ones dropped.
 */
export function list(v: unknown): string[] {
  let parts: unknown[];
  if (Array.isArray(v)) parts = v;
  else if (v && typeof v === 'object') parts = Object.values(v);
  else parts = [v];
  return parts
    .filter((p): p is string => typeof p === 'string')
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Largest `limit` honoured; larger values are capped silently. */
export const MAX_LIMIT = 1000;

export function readLimit(v: unknown, pageSize: number): number {
  if (v === undefined || v === '') return pageSize;
  const s = str(v);
  if (s === undefined || !/^\d+$/.test(s) || Number(s) < 1) {
    throw fail(400, '"limit" must be a positive integer.');
  }
  return Math.min(Number(s), MAX_LIMIT);
}

// Cursors are opaque to clients: base64url of "o:<offset>".
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** Offset from a cursor; undefined or '' means the first page; anything unreadable is a 400. */
export function decodeCursor(v: unknown): number | undefined {
  if (v === undefined || v === '') return undefined;
  const s = str(v);
  const m = s !== undefined && /^[A-Za-z0-9_-]+={0,2}$/.test(s)
    ? /^o:(\d+)$/.exec(Buffer.from(s, 'base64url').toString('utf8'))
    : null;
  if (!m) throw fail(400, 'Invalid "next_cursor". Pass the value from the previous page unchanged.');
  return Number(m[1]);
}
