// What a route handler gets and gives back.
import type { Obj, PageQuirks } from '../types';
import type { Store } from '../store';

export interface Ctx {
  method: string;
  segments: string[];
  query: Obj;
  /** parsed JSON body; a string when the body was not valid JSON; undefined when empty */
  body: unknown;
  store: Store;
  pageSize: number;
  quirks: PageQuirks;
}

export interface Reply {
  status: number;
  /** JSON body; omitted for an empty body */
  body?: unknown;
  /** raw bytes instead of JSON (stream format) */
  bytes?: Buffer;
  headers?: Record<string, string>;
}
