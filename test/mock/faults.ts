// Queued faults for the next matching requests.
import type { Fault, Obj } from './types';
import { remoteError, trutoError } from './errors';

export interface FaultTarget {
  method: string;
  path: string;
  decodedPath: string;
  accountId?: string;
}

interface Queued {
  fault: Fault;
  left: number;
}

export class FaultQueue {
  private queue: Queued[] = [];

  add(fault: Fault): void {
    this.queue.push({ fault, left: Math.max(1, fault.times ?? 1) });
  }

  clear(): void {
    this.queue = [];
  }

  /** The first queued fault matching the request, consuming one use of it. */
  take(t: FaultTarget): Fault | undefined {
    const i = this.queue.findIndex((q) => matches(q.fault, t));
    if (i < 0) return undefined;
    const q = this.queue[i];
    q.left -= 1;
    if (q.left <= 0) this.queue.splice(i, 1);
    return q.fault;
  }
}

function matches(f: Fault, t: FaultTarget): boolean {
  const m = f.match;
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== t.method.toUpperCase()) return false;
  if (m.pathIncludes && !t.path.includes(m.pathIncludes) && !t.decodedPath.includes(m.pathIncludes)) return false;
  if (m.accountId !== undefined && m.accountId !== t.accountId) return false;
  return true;
}

/** Status, body (or bytes) and headers of a status fault. */
export function faultAnswer(f: Fault): { status: number; body?: unknown; bytes?: Buffer; headers: Record<string, string> } {
  const status = f.status ?? 500;
  if (f.raw !== undefined) {
    const headers: Record<string, string> = { 'content-type': f.contentType ?? 'text/html; charset=utf-8' };
    for (const [k, v] of Object.entries(f.headers ?? {})) headers[k.toLowerCase()] = v;
    return { status, bytes: Buffer.isBuffer(f.raw) ? f.raw : Buffer.from(f.raw), headers };
  }
  let body: unknown = f.body;
  if (body === undefined) {
    const message = `Injected ${status} fault.`;
    body = f.remote
      ? remoteError({ status, message, rawResponse: { error: { code: status, message } } })
      : trutoError(status, message);
  } else if (f.remote && body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Obj;
    body = {
      ...remoteError({ status, message: String(b.message ?? ''), rawResponse: b.raw_response ?? b }),
      ...b,
    };
  }
  const headers: Record<string, string> = {};
  if (status === 429) headers['retry-after'] = '1';
  for (const [k, v] of Object.entries(f.headers ?? {})) {
    if (v === '') delete headers[k.toLowerCase()];
    else headers[k.toLowerCase()] = v;
  }
  return { status, body, headers };
}
