// Response options shared by every unified call (https://truto.one/docs/api-reference/overview/querying).
import type { Obj, Rec } from './types';
import { fail } from './errors';
import { bool, list, str } from './query';

export const FORMATS = ['unified', 'raw', 'normalized', 'stream'] as const;
export type Format = (typeof FORMATS)[number];

export interface Shape {
  format: Format;
  ignoreRemoteData: boolean;
  exclude: string[];
  /** `remote_query` as parsed, when present. */
  remoteQuery?: unknown;
}

export function readShape(query: Obj): Shape {
  const f = str(query.truto_response_format) ?? 'unified';
  const format = (f === '' ? 'unified' : f) as Format;
  if (!FORMATS.includes(format)) {
    throw fail(400, `"truto_response_format" must be one of ${FORMATS.join(', ')}.`);
  }
  return {
    format,
    ignoreRemoteData: bool(query.truto_ignore_remote_data),
    exclude: list(query.truto_exclude_fields),
    remoteQuery: query.remote_query,
  };
}

/**
 * The record as returned. `raw` gives the provider record; otherwise the
 * unified record. `remote_query` is echoed into `remote_data.remote_query`
 * (or `remote_query` of a raw record) so tests can see it was passed through.
 */
export function shapeRecord(rec: Rec, s: Shape): Obj {
  return excludeFields(formatRecord(rec, s), s);
}

/** The record in the requested format, before `truto_exclude_fields`. */
export function formatRecord(rec: Rec, s: Shape): Obj {
  let out: Obj;
  if (s.format === 'raw') {
    out = { ...rec.remote_data };
    if (s.remoteQuery !== undefined) out.remote_query = s.remoteQuery;
  } else {
    out = { ...rec };
    if (s.ignoreRemoteData) delete out.remote_data;
    else if (s.remoteQuery !== undefined) out.remote_data = { ...rec.remote_data, remote_query: s.remoteQuery };
  }
  return out;
}

/** Drops the `truto_exclude_fields` (top-level only). */
export function excludeFields(o: Obj, s: Shape): Obj {
  if (!s.exclude.length) return o;
  const out = { ...o };
  for (const f of s.exclude) delete out[f];
  return out;
}

/** Value at a dotted path, e.g. `integration.name`. */
export function pick(o: Obj, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[part];
  }
  return cur;
}

/**
 * `truto_key_by`: an object keyed by the field's value. The key is read before
 * `truto_exclude_fields` applies; records without the field are left out.
 */
export function keyBy(pairs: [keyFrom: Obj, out: Obj][], field: string): Obj {
  const result: Obj = {};
  for (const [from, out] of pairs) {
    const k = pick(from, field);
    if (k === undefined || k === null) continue;
    result[typeof k === 'object' ? JSON.stringify(k) : String(k)] = out;
  }
  return result;
}
