// Fixed-window rate limiting per integrated account and per token.
// Each key's window starts at its first request and lasts `windowMs`.
import type { RateLimit } from './types';

interface Window {
  start: number;
  count: number;
}

export interface LimitCheck {
  ok: boolean;
  /** headers for the answer (429 or success) */
  headers: Record<string, string>;
}

/** Seconds as a header value: whole seconds for whole-second windows, else up to 3 decimals (e.g. "0.35"). */
export function seconds(ms: number, windowMs: number): string {
  if (windowMs % 1000 === 0) return String(Math.ceil(ms / 1000));
  return String(Math.ceil(ms) / 1000);
}

export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(private limit: RateLimit | false = false) {}

  set(limit: RateLimit | false | undefined): void {
    this.limit = limit ?? false;
    this.windows.clear();
  }

  clear(): void {
    this.windows.clear();
  }

  get enabled(): boolean {
    return this.limit !== false;
  }

  /** Counts one request against the token and, when given, the account. Refused requests are not counted. */
  check(token: string, accountId: string | undefined, now = Date.now()): LimitCheck {
    const limit = this.limit;
    if (!limit) return { ok: true, headers: {} };
    const keys: [string, number][] = [[`token:${token}`, limit.perToken]];
    if (accountId !== undefined) keys.unshift([`account:${accountId}`, limit.perAccount]);

    const states = keys.map(([key, max]) => {
      let w = this.windows.get(key);
      if (!w || now - w.start >= limit.windowMs) {
        w = { start: now, count: 0 };
        this.windows.set(key, w);
      }
      return { w, max, resetMs: w.start + limit.windowMs - now };
    });

    const over = states.find((s) => s.w.count >= s.max);
    if (over) {
      const retryAfter = String(Math.max(1, Math.ceil(over.resetMs / 1000)));
      if (limit.headers === false) return { ok: false, headers: { 'retry-after': retryAfter } };
      return {
        ok: false,
        headers: { 'retry-after': retryAfter, ...this.headers(over.max, 0, over.resetMs, limit.windowMs) },
      };
    }
    for (const s of states) s.w.count += 1;
    if (limit.headers === false) return { ok: true, headers: {} };
    // Report the tightest of the applicable limits.
    const tight = states.reduce((a, b) => (b.max - b.w.count < a.max - a.w.count ? b : a));
    return { ok: true, headers: this.headers(tight.max, tight.max - tight.w.count, tight.resetMs, limit.windowMs) };
  }

  private headers(max: number, remaining: number, resetMs: number, windowMs: number): Record<string, string> {
    return {
      'ratelimit-limit': `${max};w=${windowMs / 1000}`,
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': seconds(resetMs, windowMs),
    };
  }
}
