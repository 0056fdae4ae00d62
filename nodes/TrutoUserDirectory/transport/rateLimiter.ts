import type { IDataObject } from 'n8n-workflow';

import { header, numberHeader } from './headers';
import { resetMs } from './retry';
import { sleepWithAbort } from './sleep';

/** The longest a timer may be set for (2^31 − 1 ms); longer values fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A wait for a window to end is at least this long, so that a reset of 0 cannot make a tight loop. */
const MIN_WAIT_MS = 25;

/** What a caller allows: how many rate-limit pauses in a row, and how long one wait may be. */
export interface WaitLimits {
	maxRetries: number;
	maxWaitMs: number;
}

/** Thrown by `acquire` instead of waiting: the account stays limited beyond what the caller allows. */
export class RateLimited extends Error {
	constructor(
		/** How long the wait would be, in milliseconds (Infinity when unknown). */
		readonly waitMs: number,
		/** 'spent': the pauses in a row ran past Max Retries; 'long': the wait is over Max Wait. */
		readonly reason: 'spent' | 'long',
		/** The last rate-limit answer's body, to quote in the error. */
		readonly lastBody?: unknown,
	) {
		super(reason === 'spent' ? 'rate limit retries spent' : 'rate limit wait too long');
	}
}

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
 * - After a 429, every request for the account waits for the announced time
 *   (one pause, shared), and then one request goes alone to see whether the
 *   limit has lifted. Pauses in a row beyond Max Retries make every waiting
 *   request fail at once instead of waiting again; any other answer ends the run
 *   of pauses.
 * Without rate-limit headers only the first-request and 429 rules apply.
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
	/** Rate-limit pauses in a row, since the last answer that was not a 429. */
	private pauses = 0;
	/** After a pause: one request at a time, until an answer that is not a 429. */
	private probing = false;
	private lastLimitedBody: unknown;
	private nextAnswer: { promise: Promise<void>; resolve: () => void } | undefined;

	/** Milliseconds a new request has to wait now: 0 to start, Infinity to wait for an answer. */
	waitMs(now: number): number {
		if (this.blockedUntil > now) return this.blockedUntil - now;
		const inFlight = this.started - this.settled;
		if (this.probing) return inFlight > 0 ? Infinity : 0;
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
		return Math.max(MIN_WAIT_MS, this.windowEnd - now);
	}

	/**
	 * Waits until a request may start; returns its ticket for `settle`. Throws
	 * RateLimited instead of waiting when the account has been limited more
	 * times in a row than `limits.maxRetries`, or a wait would be longer than
	 * `limits.maxWaitMs`.
	 */
	async acquire(signal?: AbortSignal, limits: WaitLimits = { maxRetries: Infinity, maxWaitMs: MAX_TIMER_MS }): Promise<number> {
		for (;;) {
			if (this.pauses > limits.maxRetries) throw new RateLimited(this.blockedUntil - Date.now(), 'spent', this.lastLimitedBody);
			const wait = this.waitMs(Date.now());
			if (wait <= 0) break;
			if (wait === Infinity) {
				await untilSettled(this.answered(), signal);
				continue;
			}
			if (wait > limits.maxWaitMs) throw new RateLimited(wait, 'long', this.lastLimitedBody);
			await sleepWithAbort(Math.min(wait, MAX_TIMER_MS), signal);
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

	/** After an answer that is not a 429: the limit has lifted, the run of pauses ends. */
	lifted(): void {
		this.pauses = 0;
		this.probing = false;
	}

	/**
	 * After a 429: no request for this account starts for `ms`. 429s that
	 * arrive while a pause is on belong to that pause; the next one after it
	 * counts as another pause in a row.
	 */
	block(ms: number, now = Date.now(), body?: unknown): void {
		if (now >= this.blockedUntil) this.pauses += 1;
		this.blockedUntil = Math.max(this.blockedUntil, now + Math.min(ms, MAX_TIMER_MS));
		this.probing = true;
		this.lastLimitedBody = body;
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
		const reset = resetMs(headers, now);
		if (remaining === undefined || reset === undefined || ticket <= this.windowTicket) return;
		this.limit = leadingNumber(header(headers, 'ratelimit-limit')) ?? Math.max(this.limit, remaining + 1);
		// Counts only go down within a window, and some servers round the reset up to
		// whole seconds: the lowest remaining and the earliest end are the safe ones.
		this.remaining = Math.min(this.remaining ?? Infinity, remaining);
		this.windowEnd = Math.min(this.windowEnd, now + reset);
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
