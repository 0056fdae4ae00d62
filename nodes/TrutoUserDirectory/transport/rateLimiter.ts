import type { IDataObject } from 'n8n-workflow';

import { header, numberHeader } from './headers';
import { sleepWithAbort } from './sleep';

/**
 * Rate limiting for one integrated account within one execution: requests are
 * paced by the answers' rate-limit headers.
 *
 * - The first request goes alone; the others wait for its answer, which tells
 *   how many requests the window still allows.
 * - The budget is the lowest `ratelimit-remaining` answered in the current
 *   window, less the requests still in flight (they may not be counted in it
 *   yet). Requests start while it is above zero; then they wait for the window
 *   to end, as told by `ratelimit-reset` (the earliest end any answer gives).
 * - A new window allows `ratelimit-limit` requests until its answers say more;
 *   answers to requests started in an earlier window are left out.
 * - After a 429, no request for the account starts until the wait is over.
 * Without rate-limit headers only the first and the 429 rules apply.
 */
export class RateLimiter {
	/** Requests let through so far; each gets the next number as its ticket. */
	private started = 0;
	/** Attempts that ended, with or without an answer. */
	private settled = 0;
	/** Tickets up to this one were started in an earlier window. */
	private windowTicket = 0;
	/** Lowest remaining answered in this window; undefined until an answer has one. */
	private remaining: number | undefined;
	/** Requests a whole window allows. */
	private limit = 0;
	/** When the window ends (ms); Infinity until an answer of the window says. */
	private windowEnd = Infinity;
	private blockedUntil = 0;
	private nextAnswer: { promise: Promise<void>; resolve: () => void } | undefined;

	/** Milliseconds a new request has to wait now: 0 to start, Infinity to wait for an answer. */
	waitMs(now: number): number {
		if (this.blockedUntil > now) return this.blockedUntil - now;
		const inFlight = this.started - this.settled;
		if (this.settled === 0) return inFlight > 0 ? Infinity : 0;
		if (this.remaining === undefined) return 0;
		if (now >= this.windowEnd) {
			// A new window: its whole limit, until its own answers say more.
			this.remaining = this.limit;
			this.windowTicket = this.started;
			this.windowEnd = Infinity;
		}
		if (this.remaining - inFlight > 0) return 0;
		if (this.windowEnd === Infinity) return inFlight > 0 ? Infinity : 0;
		return this.windowEnd - now;
	}

	/** Waits until a request may start; returns its ticket for `settle`. */
	async acquire(signal?: AbortSignal): Promise<number> {
		for (let wait = this.waitMs(Date.now()); wait > 0; wait = this.waitMs(Date.now())) {
			if (wait === Infinity) await untilSettled(this.answered(), signal);
			else await sleepWithAbort(wait, signal);
		}
		return ++this.started;
	}

	/** After an attempt ends (once per ticket), with the answer's headers when there was an answer. */
	settle(ticket: number, headers?: IDataObject, now = Date.now()): void {
		this.settled += 1;
		if (headers) this.observe(ticket, headers, now);
		const next = this.nextAnswer;
		this.nextAnswer = undefined;
		next?.resolve();
	}

	/** After a 429: no request for this account starts for `ms`. */
	block(ms: number, now = Date.now()): void {
		this.blockedUntil = Math.max(this.blockedUntil, now + ms);
	}

	private answered(): Promise<void> {
		if (!this.nextAnswer) {
			let resolve: () => void = () => {};
			const promise = new Promise<void>((done) => (resolve = done));
			this.nextAnswer = { promise, resolve };
		}
		return this.nextAnswer.promise;
	}

	private observe(ticket: number, headers: IDataObject, now: number): void {
		const remaining = numberHeader(headers, 'ratelimit-remaining');
		const reset = numberHeader(headers, 'ratelimit-reset');
		if (remaining === undefined || reset === undefined || ticket <= this.windowTicket) return;
		this.limit = leadingNumber(header(headers, 'ratelimit-limit')) ?? Math.max(this.limit, remaining + 1);
		// Counts only go down within a window, and some servers round the reset up to
		// whole seconds: the lowest remaining and the earliest end are the safe ones.
		this.remaining = Math.min(this.remaining ?? Infinity, remaining);
		this.windowEnd = Math.min(this.windowEnd, now + Math.max(0, reset) * 1000);
	}
}

/** "110;w=10" → 110. */
function leadingNumber(text: string | undefined): number | undefined {
	const match = text === undefined ? null : /^\s*(\d+)/.exec(text);
	return match ? Number(match[1]) : undefined;
}

/** Resolves with `promise`, or rejects at once when the execution is cancelled. */
function untilSettled(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
	if (!signal) return promise;
	return new Promise((resolve, reject) => {
		if (signal.aborted) {
			reject(signal.reason);
			return;
		}
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
		void promise.then(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		});
	});
}

const limiters = new WeakMap<object, Map<string, RateLimiter>>();

/** The rate limiter of `accountId` ('' for calls without one) within the execution that `ctx` belongs to. */
export function rateLimiterFor(ctx: object, accountId: string): RateLimiter {
	let accounts = limiters.get(ctx);
	if (!accounts) {
		accounts = new Map();
		limiters.set(ctx, accounts);
	}
	let limiter = accounts.get(accountId);
	if (!limiter) {
		limiter = new RateLimiter();
		accounts.set(accountId, limiter);
	}
	return limiter;
}
