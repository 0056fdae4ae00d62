import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { header, numberHeader } from './headers';
import { resetMs } from './retry';
import { sleepWithAbort } from './sleep';

/** The longest a timer may be set for (2^31 − 1 ms); longer values fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A wait for a window to end is at least this long, so that a reset of 0 cannot make a tight loop. */
const MIN_WAIT_MS = 25;

/** Others' requests before this process's first answer of a window that mean it started late (one is their window's first). */
const LATE_AFTER = 3;

/** Windows in a row that ran out before requests are spread even with no one else seen (a short job still goes at once). */
const DRY_BEFORE_PACING = 2;

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

/** A request waiting for its turn. */
interface Waiter {
	party: string;
	limits: WaitLimits;
	grant: (ticket: number) => void;
	refuse: (error: unknown) => void;
	signal?: AbortSignal;
	onAbort?: () => void;
}

/**
 * Rate limiting for one integrated account, or for one token as a whole (every
 * account's requests pass both), shared by every execution in this process
 * (several scheduled workflows, several items): requests are paced by
 * the answers' rate-limit headers, which every process sees alike, so that
 * workers of one n8n converge on the same budget.
 *
 * - The first request goes alone; the others wait for its answer, which tells
 *   how many requests the window still allows.
 * - The budget is the lowest `ratelimit-remaining` answered in the current
 *   window, less the requests still in flight (they may not be counted in it
 *   yet), less the requests answered since without a count (the token's budget
 *   hears only the answers that tell of it). Requests start while it is above
 *   zero; then they wait for the window to end, as told by `ratelimit-reset`
 *   (the earliest end any answer gives).
 * - A new window allows `ratelimit-limit` requests until its answers say more;
 *   answers to requests started in an earlier window are left out.
 * - After a 429, every request for the account waits for the announced time
 *   (one pause, shared), and then one request goes alone to see whether the
 *   limit has lifted. Pauses in a row beyond Max Retries make every waiting
 *   request fail at once instead of waiting again; any other answer ends the run
 *   of pauses.
 * - Waiting requests take turns by party (an execution): each execution gets
 *   its share, whatever its concurrency, and none waits behind another's queue.
 * - Shared budget: when the answers show more requests spent than this process
 *   sent (another worker, or other accounts on the token's limit), or after a
 *   429, requests are spread over what is left of the window instead of starting
 *   at once: the budget left over the time left, times the executions waiting in
 *   this process; and a new window waits for its first answer. Every process
 *   doing so slows as the others spend, so together they use the window's
 *   budget without running into its limit, each execution at the same pace; the
 *   window's last request is left unspent, as every process would take it at
 *   once. A window with no sign of others ends it.
 * - A long run alone (two windows in a row ran out) is spread the same way, its
 *   last request not kept back: a process starting late gets a 429 that is
 *   not counted, so only what is left of each window lets it in.
 * - A window this process joins late (others spent much of it before its first
 *   answer) ends sooner than a reset in whole seconds says: see `catchUp`.
 * - Answers tell of the tightest limit at the time: the account's, or the
 *   token's when this token's other accounts have spent most of it. The smallest
 *   limit of a window refills the next; a larger one narrows the window's budget
 *   but is not taken for others spending this account's: it is the token's
 *   budget's answer (`tellsLargerLimit`).
 * Without rate-limit headers only the first-request and 429 rules apply.
 */
export class RateLimiter {
	/** Requests let through so far; each gets the next number as its ticket. */
	private started = 0;
	/** Attempts that ended, with or without an answer. */
	private settled = 0;
	/** Tickets up to this one were started in an earlier window. */
	private windowTicket = 0;
	/** The last ticket of this window whose answer told the count. */
	private toldTicket = 0;
	/** Lowest remaining answered in this window; undefined until an answer has one. */
	private remaining: number | undefined;
	/** Requests a whole window allows: the smallest limit answered in the last window with answers. */
	private limit = 0;
	/** Whether an answer of this window has told its limit yet. */
	private limitSeen = false;
	/** When the window ends (ms); Infinity until an answer of the window says. */
	private windowEnd = Infinity;
	private blockedUntil = 0;
	/** Rate-limit pauses in a row, since the last answer that was not a 429. */
	private pauses = 0;
	/** After a pause: one request at a time, until an answer that is not a 429. */
	private probing = false;
	private lastLimitedBody: unknown;
	/** Waiting requests by party, and the order in which parties take turns. */
	private queues = new Map<string, Waiter[]>();
	private turns: string[] = [];
	/** When the pending wake-up is due (0 when none is). */
	private wakeAt = 0;
	/** Others spend this budget too: seen in this window, or in the one before. */
	private othersNow = false;
	private othersBefore = false;
	/** When the last request started (ms). */
	private lastStart = 0;
	/** This window's first answer: when it came (0 before), and how many others had spent by then. */
	private joinedAt = 0;
	private joinedOthers = 0;
	/** Whether this window's end has been brought forward for a late start (once a window). */
	private caughtUp = false;
	/** Windows in a row whose budget ran out with requests waiting, and whether this one has. */
	private dryWindows = 0;
	private ranDry = false;

	/**
	 * `spread: false` (the token's budget) never spreads nor waits for a window's
	 * first answer: few answers tell of the token's count, so it only counts.
	 */
	constructor(private readonly options: { spread: boolean } = { spread: true }) {}

	/** Whether others were seen spending this account's budget lately (requests are spread). */
	get shared(): boolean {
		return this.options.spread && (this.othersNow || this.othersBefore);
	}

	/**
	 * Whether requests are spread over the window: when shared, and in a long run
	 * of windows that ran out (a bulk job), so that a process starting late finds
	 * some of each window left (its 429s are not counted, so nothing else tells of it).
	 */
	private get paced(): boolean {
		return this.shared || (this.options.spread && this.dryWindows >= DRY_BEFORE_PACING);
	}

	/** Milliseconds a new request has to wait now: 0 to start, Infinity to wait for an answer. */
	waitMs(now: number): number {
		if (this.blockedUntil > now) return this.blockedUntil - now;
		// A new window (before a probe, which counts in it): its whole limit, until its own answers say more.
		if (now >= this.windowEnd) {
			this.remaining = this.limit;
			this.windowTicket = this.started;
			this.toldTicket = this.started;
			this.windowEnd = Infinity;
			this.othersBefore = this.othersNow;
			this.othersNow = false;
			this.limitSeen = false;
			this.joinedAt = 0;
			this.caughtUp = false;
			this.dryWindows = this.ranDry ? this.dryWindows + 1 : 0;
			this.ranDry = false;
		}
		const inFlight = this.started - this.settled;
		if (this.probing) return inFlight > 0 ? Infinity : 0;
		if (this.settled === 0) return inFlight > 0 ? Infinity : 0;
		if (this.remaining === undefined) return 0;
		// A shared budget keeps its last request back: every process sees it and would take it.
		const budget = this.remaining - inFlight - (this.shared ? 1 : 0);
		if (this.windowEnd === Infinity) {
			// Before the window's first answer: a paced budget sends one request to learn it.
			if (this.paced || budget <= 0) return inFlight > 0 ? Infinity : 0;
			return 0;
		}
		if (budget <= 0) {
			this.ranDry = true;
			return Math.max(MIN_WAIT_MS, this.windowEnd - now);
		}
		if (!this.paced) return 0;
		// Spread what is left evenly over the time left, one share per execution waiting here.
		const next = this.lastStart + (this.windowEnd - now) / (budget * Math.max(1, this.queues.size));
		return next > now ? Math.ceil(next - now) : 0;
	}

	/** Whether nothing is waiting, running or known of this account (it can be forgotten). */
	get idle(): boolean {
		const now = Date.now();
		return this.started === this.settled && !this.queues.size && this.blockedUntil <= now && !(this.windowEnd > now && this.windowEnd !== Infinity);
	}

	/**
	 * Waits until a request may start, taking turns with the other parties;
	 * returns its ticket for `settle`. Rejects with RateLimited instead of
	 * waiting when the account has been limited more times in a row than
	 * `limits.maxRetries`, or a wait would be longer than `limits.maxWaitMs`;
	 * rejects at once when `signal` aborts.
	 */
	acquire(
		signal?: AbortSignal,
		limits: WaitLimits = { maxRetries: Infinity, maxWaitMs: MAX_TIMER_MS },
		party = '',
	): Promise<number> {
		return new Promise<number>((grant, refuse) => {
			if (signal?.aborted) {
				refuse(signal.reason);
				return;
			}
			const waiter: Waiter = { party, limits, grant, refuse, signal };
			if (signal) {
				waiter.onAbort = () => {
					this.remove(waiter);
					refuse(signal.reason);
				};
				signal.addEventListener('abort', waiter.onAbort, { once: true });
			}
			const queue = this.queues.get(party);
			if (queue) queue.push(waiter);
			else {
				this.queues.set(party, [waiter]);
				this.turns.push(party);
			}
			this.pump();
		});
	}

	/** After an attempt ends (once per ticket), with the answer's headers when there was an answer. */
	settle(ticket: number, headers?: IDataObject, now = Date.now()): void {
		this.settled += 1;
		// An attempt whose answer does not tell this budget's count is counted as spent,
		// unless it started before an answer that told the count (which counted it).
		const told = headers !== undefined && this.observe(ticket, headers, now);
		if (!told && this.remaining !== undefined && ticket > this.toldTicket) this.remaining -= 1;
		this.pump();
	}

	/** Whether an answer tells of a larger limit than this one's (the token's, for an account). */
	tellsLargerLimit(headers: IDataObject | undefined): boolean {
		const limit = headers && limitHeader(headers).limit;
		return limit !== undefined && this.exceedsLimit(limit);
	}

	/** Whether `limit` is larger than the limit known from earlier answers. */
	private exceedsLimit(limit: number): boolean {
		return this.limit > 0 && limit > this.limit;
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
		this.othersNow = true;
		this.blockedUntil = Math.max(this.blockedUntil, now + Math.min(ms, MAX_TIMER_MS));
		this.probing = true;
		this.lastLimitedBody = body;
	}

	/** Lets waiting requests start while the budget allows, one party after another. */
	private pump(): void {
		while (this.turns.length) {
			const now = Date.now();
			const wait = this.waitMs(now);
			const spent = this.pauses;
			// Requests that may not wait this long, or whose retries are spent, fail now.
			for (const [, queue] of this.queues) {
				for (const waiter of [...queue]) {
					if (spent > waiter.limits.maxRetries) this.refuse(waiter, new RateLimited(this.blockedUntil - now, 'spent', this.lastLimitedBody));
					else if (wait !== Infinity && wait > waiter.limits.maxWaitMs) this.refuse(waiter, new RateLimited(wait, 'long', this.lastLimitedBody));
				}
			}
			if (!this.turns.length) return;
			if (wait === Infinity) return; // the next answer pumps again
			if (wait > 0) {
				this.wake(wait);
				return;
			}
			const party = this.turns.shift()!;
			const queue = this.queues.get(party)!;
			const waiter = queue.shift()!;
			if (queue.length) this.turns.push(party);
			else this.queues.delete(party);
			if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
			this.lastStart = now;
			waiter.grant(++this.started);
		}
	}

	/** One wake-up for the whole account (a sooner one when the wait shrinks): pumps again when the wait is over. */
	private wake(ms: number): void {
		const due = Date.now() + ms;
		if (this.wakeAt && this.wakeAt <= due) return;
		this.wakeAt = due;
		void sleepWithAbort(Math.min(ms, MAX_TIMER_MS)).then(() => {
			if (this.wakeAt === due) this.wakeAt = 0;
			this.pump();
		});
	}

	private refuse(waiter: Waiter, error: unknown): void {
		this.remove(waiter);
		if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
		waiter.refuse(error);
	}

	private remove(waiter: Waiter): void {
		const queue = this.queues.get(waiter.party);
		if (!queue) return;
		const at = queue.indexOf(waiter);
		if (at >= 0) queue.splice(at, 1);
		if (!queue.length) {
			this.queues.delete(waiter.party);
			this.turns = this.turns.filter((party) => party !== waiter.party);
		}
	}

	/** Reads an answer's rate-limit headers; false when they tell nothing of this window. */
	private observe(ticket: number, headers: IDataObject, now: number): boolean {
		const remaining = numberHeader(headers, 'ratelimit-remaining');
		const reset = resetMs(headers, now);
		if (remaining === undefined || reset === undefined) return false;
		if (ticket <= this.windowTicket) return true;
		this.toldTicket = Math.max(this.toldTicket, ticket);
		const told = limitHeader(headers);
		const limit = told.limit ?? Math.max(this.limit, remaining + 1);
		// Answers may tell of different limits (the account's, or the token's when it is the
		// tighter one): the smallest of the window refills the next one. A larger one is
		// shared with this token's other accounts, so its count is not this account's spending;
		// nor is a window's first answer when it tells of more than the last window's limit.
		const grew = this.exceedsLimit(limit);
		const own = !this.limitSeen || limit <= this.limit;
		if (own) this.limit = limit;
		this.limitSeen = true;
		// Counts only go down within a window, and some servers round the reset up to
		// whole seconds: the lowest remaining and the earliest end are the safe ones.
		this.remaining = Math.min(this.remaining ?? Infinity, remaining);
		this.windowEnd = Math.min(this.windowEnd, now + reset);
		// More spent than this process started in the window: someone else spends it too.
		if (own && !grew && limit - remaining > this.started - this.windowTicket) this.othersNow = true;
		if (own && !grew) this.catchUp(limit - remaining - (ticket - this.windowTicket), told.windowMs, now);
		return true;
	}

	/**
	 * A window that began well before this process's first answer in it (others
	 * had spent some of it): a reset in whole seconds cannot tell its end within a
	 * short window, and the window after would start as late again. How fast the
	 * others spend tells how long ago it began; half of that is taken off its end,
	 * and the next window, joined sooner, takes off half of what is left (a full
	 * step could overshoot: their pace slows once this process spends too).
	 */
	private catchUp(others: number, windowMs: number | undefined, now: number): void {
		if (!this.joinedAt) {
			this.joinedAt = now;
			this.joinedOthers = others;
			return;
		}
		if (this.caughtUp || windowMs === undefined || this.joinedOthers < LATE_AFTER || now - this.joinedAt < windowMs / 10) return;
		this.caughtUp = true;
		const pace = (others - this.joinedOthers) / (now - this.joinedAt);
		if (pace <= 0) return;
		const late = this.joinedOthers / pace;
		this.windowEnd = Math.min(this.windowEnd, Math.max(now + MIN_WAIT_MS, this.joinedAt + windowMs - late / 2));
	}
}

/** `ratelimit-limit` read once: "110;w=10" → 110 requests per 10,000 ms; either may be missing. */
function limitHeader(headers: IDataObject): { limit?: number; windowMs?: number } {
	const text = header(headers, 'ratelimit-limit') ?? '';
	const limit = /^\s*(\d+)/.exec(text);
	const window = /;\s*w=(\d+(?:\.\d+)?)/.exec(text);
	return { limit: limit ? Number(limit[1]) : undefined, windowMs: window ? Number(window[1]) * 1000 : undefined };
}

/** Every account's limiter in this process, by Base URL, token (hashed: never kept readable) and account. */
const limiters = new Map<string, RateLimiter>();

/** Above this many accounts, idle ones are forgotten. */
const KEEP = 1000;

/** A key for the token that cannot be turned back into it. */
export function tokenKey(token: string): string {
	return createHash('sha256').update(token).digest('hex').slice(0, 32);
}

/** The rate limiter of `account` ('' for calls without one) for this Base URL and token (`tokenKey`), shared by every execution of this n8n. */
export function rateLimiterFor(origin: string, tokenHash: string, account: string): RateLimiter {
	return limiterAt(`${origin}\n${tokenHash}\n${account}`, true);
}

/** The rate limiter of this Base URL and token as a whole (every account's requests), shared by every execution of this n8n. */
export function tokenLimiterFor(origin: string, tokenHash: string): RateLimiter {
	return limiterAt(`${origin}\n${tokenHash}`, false);
}

function limiterAt(key: string, spread: boolean): RateLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		if (limiters.size >= KEEP) {
			for (const [other, known] of limiters) if (known.idle) limiters.delete(other);
		}
		limiter = new RateLimiter({ spread });
		limiters.set(key, limiter);
	}
	return limiter;
}

/** Forgets what this process knows of every account's rate limit (a fresh start, as after a restart). */
export function forgetRateLimits(): void {
	limiters.clear();
}
