// Rate limiting and retry timing, without a server: the numbers behind the transport's waits.
import {
	backoffMs,
	isRetryableStatus,
	networkCode,
	RateLimiter,
	serverDelayMs,
} from '../../nodes/TrutoUserDirectory/transport';

// `acquire` reads the clock itself, so times are counted from now (each test takes far less than a window).
let T = 0;
beforeEach(() => (T = Date.now()));
const limits = (remaining: number, reset: number, limit?: string) => ({
	'ratelimit-remaining': String(remaining),
	'ratelimit-reset': String(reset),
	...(limit ? { 'ratelimit-limit': limit } : {}),
});

/** A limiter that has had its first answer: 9 of 10 left, the window ends 1 s after T. */
async function warmLimiter(): Promise<RateLimiter> {
	const limiter = new RateLimiter();
	limiter.settle(await limiter.acquire(), limits(9, 1, '10;w=1'), T);
	return limiter;
}

async function start(limiter: RateLimiter, count: number): Promise<number[]> {
	const tickets = [];
	for (let i = 0; i < count; i++) tickets.push(await limiter.acquire());
	return tickets;
}

describe('RateLimiter', () => {
	test('the first request goes alone; the rest wait for its answer', async () => {
		const limiter = new RateLimiter();
		expect(limiter.waitMs(T)).toBe(0);
		const first = await limiter.acquire();
		expect(limiter.waitMs(T)).toBe(Infinity);
		limiter.settle(first);
		expect(limiter.waitMs(T)).toBe(0);
	});

	test('without rate-limit headers nothing waits after the first answer', async () => {
		const limiter = new RateLimiter();
		limiter.settle(await limiter.acquire(), {}, T);
		await start(limiter, 100);
		expect(limiter.waitMs(T)).toBe(0);
	});

	test('requests in flight count against the budget until their answers say more', async () => {
		const limiter = await warmLimiter();
		const tickets = await start(limiter, 9);
		expect(limiter.waitMs(T + 10)).toBe(990);
		// Three answers without headers: those requests are counted as spent, six are still out.
		for (const ticket of tickets.slice(0, 3)) limiter.settle(ticket, {}, T + 20);
		expect(limiter.waitMs(T + 20)).toBe(980);
		// Their answers said they were counted: 6 left, 6 in flight.
		const limiter2 = await warmLimiter();
		const tickets2 = await start(limiter2, 9);
		tickets2.slice(0, 3).forEach((ticket, i) => limiter2.settle(ticket, limits(8 - i, 1), T + 20));
		expect(limiter2.waitMs(T + 20)).toBe(980);
	});

	test('answers in any order: the lowest remaining counts', async () => {
		const limiter = await warmLimiter();
		const [second, third] = await start(limiter, 2);
		limiter.settle(third, limits(0, 1), T + 20);
		limiter.settle(second, limits(1, 1), T + 30);
		expect(limiter.waitMs(T + 30)).toBe(970);
	});

	test('a reset rounded up to whole seconds: the earliest window end wins', async () => {
		const limiter = await warmLimiter();
		const [next] = await start(limiter, 1);
		limiter.settle(next, limits(0, 1), T + 600);
		expect(limiter.waitMs(T + 600)).toBe(400);
	});

	test('a new window allows ratelimit-limit requests, then waits for an answer of its own', async () => {
		const limiter = await warmLimiter();
		const old = await start(limiter, 9);
		old.slice(0, 8).forEach((ticket, i) => limiter.settle(ticket, limits(8 - i, 1), T + 100));
		expect(limiter.waitMs(T + 100)).toBe(900);
		// At the end of the window: 10 again, less the one still in flight.
		expect(limiter.waitMs(T + 1000)).toBe(0);
		const fresh = await start(limiter, 9);
		expect(limiter.waitMs(T + 1001)).toBe(Infinity);
		// The late answer from the old window is left out (its "0" is not this window's).
		limiter.settle(old[8], limits(0, 1), T + 1002);
		expect(limiter.waitMs(T + 1002)).toBe(0);
		await start(limiter, 1);
		// The new window's first answer counts: 9 left, 9 in flight, the window ends 1 s later.
		limiter.settle(fresh[0], limits(9, 1), T + 1050);
		expect(limiter.waitMs(T + 1050)).toBe(1000);
	});

	test('after a 429 nobody starts until the wait is over', async () => {
		const limiter = await warmLimiter();
		limiter.block(2000, T + 100);
		expect(limiter.waitMs(T + 100)).toBe(2000);
		expect(limiter.waitMs(T + 2100)).toBe(0);
	});

	test('answers showing more spent than this process sent: the rest is spread over the window, the last request kept back', async () => {
		const limiter = new RateLimiter();
		// One request sent, yet 5 of 10 spent: another process spends this budget too.
		limiter.settle(await limiter.acquire(), limits(5, 1, '10;w=1'), T);
		expect(limiter.shared).toBe(true);
		// 5 left, 1 kept back: 4 over the 1,000 ms left, one every 250 ms.
		const wait = limiter.waitMs(T);
		expect(wait).toBeGreaterThanOrEqual(250);
		expect(wait).toBeLessThan(300);
		expect(limiter.waitMs(T + 300)).toBe(0);
	});

	test('one process alone is not spread: its answers account for every request', async () => {
		const limiter = await warmLimiter();
		const tickets = await start(limiter, 5);
		tickets.forEach((ticket, i) => limiter.settle(ticket, limits(8 - i, 1), T + 20));
		expect(limiter.shared).toBe(false);
		expect(limiter.waitMs(T + 20)).toBe(0);
	});

	test("the token's larger limit narrows the window, but is not others spending the account's", async () => {
		const limiter = await warmLimiter();
		const tickets = await start(limiter, 5);
		// The token (100 a window) is nearly spent by this token's other accounts: 2 left of it.
		limiter.settle(tickets[0], limits(2, 1, '100;w=1'), T + 20);
		expect(limiter.shared).toBe(false);
		// 2 left, 4 in flight: wait for the window's end.
		expect(limiter.waitMs(T + 20)).toBe(980);
		// The next window refills the account's own 10, not the token's 100.
		for (const ticket of tickets.slice(1)) limiter.settle(ticket, {}, T + 30);
		expect(limiter.waitMs(T + 1000)).toBe(0);
		await start(limiter, 10);
		expect(limiter.waitMs(T + 1001)).toBe(Infinity);
	});

	test("a window whose first answer tells of the token's larger limit is not taken for others either", async () => {
		const limiter = await warmLimiter();
		expect(limiter.waitMs(T + 1000)).toBe(0);
		const tickets = await start(limiter, 3);
		// The new window's first answer is the token's (100), nearly spent by its other accounts.
		limiter.settle(tickets[0], limits(2, 1, '100;w=1'), T + 1020);
		expect(limiter.shared).toBe(false);
		// The account's own answer: 3 of its 10 spent, all by this process.
		limiter.settle(tickets[1], limits(7, 1, '10;w=1'), T + 1030);
		expect(limiter.shared).toBe(false);
	});

	test('an answer without the count for a request started before one that told it is not counted twice', async () => {
		const limiter = await warmLimiter();
		const [early, late, later] = await start(limiter, 3);
		// The late request's answer counts every request sent before it: 6 left.
		limiter.settle(late, limits(6, 1), T + 10);
		limiter.settle(early, {}, T + 20);
		limiter.settle(later, {}, T + 20);
		// 6 left, less the later one: 5 more may start, not 4.
		await start(limiter, 4);
		expect(limiter.waitMs(T + 30)).toBe(0);
		await start(limiter, 1);
		expect(limiter.waitMs(T + 30)).toBe(970);
	});

	test("an answer tells of the token's limit when it is larger than the account's", async () => {
		const limiter = new RateLimiter();
		expect(limiter.tellsLargerLimit(limits(90, 1, '100;w=1'))).toBe(false);
		limiter.settle(await limiter.acquire(), limits(9, 1, '10;w=1'), T);
		expect(limiter.tellsLargerLimit(limits(90, 1, '100;w=1'))).toBe(true);
		expect(limiter.tellsLargerLimit(limits(5, 1, '10;w=1'))).toBe(false);
		expect(limiter.tellsLargerLimit({})).toBe(false);
		expect(limiter.tellsLargerLimit(undefined)).toBe(false);
	});

	test("the token's budget only counts: after a 429 its next window does not wait for an answer telling its count", async () => {
		const limiter = new RateLimiter({ spread: false });
		limiter.settle(await limiter.acquire(), limits(9, 1, '10;w=1'), T);
		limiter.block(100, T + 10);
		limiter.settle(await limiter.acquire(), limits(0, 1, '10;w=1'), T + 110);
		limiter.lifted();
		expect(limiter.shared).toBe(false);
		// A new window: its answers may all be the accounts', so requests go up to the limit.
		expect(limiter.waitMs(T + 1000)).toBe(0);
		await start(limiter, 9);
		expect(limiter.waitMs(T + 1001)).toBe(0);
		await start(limiter, 1);
		expect(limiter.waitMs(T + 1001)).toBe(Infinity);
	});

	test("the account's own limit still shows others spending it after a larger one", async () => {
		const limiter = await warmLimiter();
		const [next, last] = await start(limiter, 2);
		limiter.settle(next, limits(50, 1, '100;w=1'), T + 20);
		expect(limiter.shared).toBe(false);
		// 3 requests sent in the window, yet 7 of the account's 10 spent.
		limiter.settle(last, limits(3, 1, '10;w=1'), T + 30);
		expect(limiter.shared).toBe(true);
	});

	test('after a 429 the budget is shared; a window with no sign of others ends it', async () => {
		const limiter = await warmLimiter();
		limiter.block(100, T + 10);
		expect(limiter.shared).toBe(true);
		limiter.lifted();
		// A new window, shared: one request until the window's first answer.
		expect(limiter.waitMs(T + 1000)).toBe(0);
		const [first] = await start(limiter, 1);
		expect(limiter.waitMs(T + 1001)).toBe(Infinity);
		limiter.settle(first, limits(9, 1, '10;w=1'), T + 1010);
		// No sign of others in this window, but there was in the one before.
		expect(limiter.shared).toBe(true);
		expect(limiter.waitMs(T + 2010)).toBe(0);
		expect(limiter.shared).toBe(false);
	});

	/** A window whose first answer has `firstLeft` of 53 left, then, 200 ms on, 1 left (others spent 40 more, 0.2 a millisecond). */
	async function joined(firstLeft: number): Promise<RateLimiter> {
		const limiter = new RateLimiter();
		limiter.settle(await limiter.acquire(), limits(firstLeft, 1, '53;w=1'), T);
		const [next] = await start(limiter, 1);
		limiter.settle(next, limits(1, 1, '53;w=1'), T + 200);
		return limiter;
	}

	test("a window begun well before this process's first answer in it ends sooner than the whole-second reset says", async () => {
		// 10 spent by others before the first answer: at their pace they began about 50 ms before it.
		// Half of that comes off the window's end: 975 ms after T, not 1,000.
		const limiter = await joined(42);
		expect(limiter.waitMs(T + 200)).toBe(775);
		expect(limiter.waitMs(T + 975)).toBe(0);
	});

	test('a window joined at its start keeps the end its reset says', async () => {
		// One request of others before this one (their window's first): not late.
		expect((await joined(51)).waitMs(T + 200)).toBe(800);
	});

	test('a bulk job alone goes at once for two windows that run out, then spreads its requests over the window', async () => {
		const limiter = await warmLimiter();
		const runOut = async (from: number) => {
			const tickets = await start(limiter, 9);
			tickets.forEach((ticket, i) => limiter.settle(ticket, limits(8 - i, 1, '10;w=1'), from + 10));
			// Nothing left, requests waiting: the window ran out.
			expect(limiter.waitMs(from + 10)).toBe(990);
		};
		await runOut(T);
		// The second window still goes at once: a short job is not slowed.
		expect(limiter.waitMs(T + 1000)).toBe(0);
		const [first] = await start(limiter, 1);
		expect(limiter.waitMs(T + 1001)).toBe(0);
		limiter.settle(first, limits(9, 1, '10;w=1'), T + 1000);
		await runOut(T + 1000);
		// The third, after two that ran out: one request until the window's first answer, no one else seen.
		expect(limiter.waitMs(T + 2000)).toBe(0);
		await start(limiter, 1);
		expect(limiter.waitMs(T + 2001)).toBe(Infinity);
		expect(limiter.shared).toBe(false);
	});

	test('a cancelled execution ends the wait for the first answer', async () => {
		const limiter = new RateLimiter();
		await limiter.acquire();
		const controller = new AbortController();
		const waiting = limiter.acquire(controller.signal);
		controller.abort(new Error('cancelled'));
		await expect(waiting).rejects.toThrow('cancelled');
	});
});

describe('retry timing', () => {
	test('Retry-After in seconds, decimal seconds or an HTTP date', () => {
		expect(serverDelayMs(429, { 'retry-after': '10' })).toBe(10_000);
		expect(serverDelayMs(429, { 'retry-after': '0.25' })).toBe(250);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(serverDelayMs(503, { 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(5000);
	});

	test('ratelimit-reset counts for a 429 only', () => {
		expect(serverDelayMs(429, { 'ratelimit-reset': '3' })).toBe(3000);
		expect(serverDelayMs(502, { 'ratelimit-reset': '3' })).toBeUndefined();
		expect(serverDelayMs(429, {})).toBeUndefined();
	});

	test('backoff doubles from 500 ms with jitter, capped at 30 s', () => {
		expect([backoffMs(0, () => 0), backoffMs(0, () => 1)]).toEqual([250, 500]);
		expect([backoffMs(3, () => 0), backoffMs(3, () => 1)]).toEqual([2000, 4000]);
		expect(backoffMs(20, () => 1)).toBe(30_000);
	});

	test("429 always; 408, 502, 504 and a provider's 503 only when idempotent; never 500, nor Truto's 503 (a blocked account)", () => {
		expect([429, 408, 502, 503, 504, 500].map((s) => isRetryableStatus(s, true))).toEqual([
			true, true, true, false, true, false,
		]);
		expect(isRetryableStatus(503, true, true)).toBe(true);
		expect(isRetryableStatus(503, false, true)).toBe(false);
		expect([429, 408, 502, 503, 504, 500].map((s) => isRetryableStatus(s, false))).toEqual([
			true, false, false, false, false, false,
		]);
	});

	test('a network code is found on the error or its causes', () => {
		expect(networkCode({ code: 'ECONNRESET' })).toBe('ECONNRESET');
		expect(networkCode({ message: 'x', cause: { cause: { code: 'ETIMEDOUT' } } })).toBe('ETIMEDOUT');
		expect(networkCode({ code: 'ERR_BAD_REQUEST' })).toBeUndefined();
	});
});
