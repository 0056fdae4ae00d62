// Replays: an event older than the tolerance is refused; an event ID seen within the window
// is acknowledged without a second run (https://truto.one/docs/guides/webhooks/overview).

export const DEFAULT_TOLERANCE_SECONDS = 300;
/** IDs kept at most, whatever the window. */
export const MAX_RECENT_IDS = 1000;

/** Event ID → when it was accepted (ms since the epoch). */
export type RecentIds = Record<string, number>;

/** Why `createdAt` is unacceptable at `now`, or undefined when it is fresh enough. */
export function staleReason(createdAt: unknown, now: number, toleranceSeconds: number): string | undefined {
	if (typeof createdAt !== 'string' || !createdAt) return 'the event has no created_at';
	const at = Date.parse(createdAt);
	if (Number.isNaN(at)) return 'the event\'s created_at is not a date';
	// Clocks differ a little: the same tolerance applies to events from the future.
	if (Math.abs(now - at) > toleranceSeconds * 1000) return 'the event is older than the tolerance';
	return undefined;
}

/** Drops IDs older than the window and the oldest beyond the bound; returns the set. */
export function prune(recent: RecentIds, now: number, windowSeconds: number, max = MAX_RECENT_IDS): RecentIds {
	const kept = Object.entries(recent)
		.filter(([, at]) => typeof at === 'number' && now - at <= windowSeconds * 1000)
		.sort((a, b) => b[1] - a[1])
		.slice(0, max);
	return Object.fromEntries(kept);
}

/** Whether `id` was seen (in `recent`); if not, records it. `recent` is pruned first. */
export function seenBefore(recent: RecentIds, id: string, now: number, windowSeconds: number, max = MAX_RECENT_IDS): { seen: boolean; recent: RecentIds } {
	const pruned = prune(recent, now, windowSeconds, max - 1);
	if (Object.prototype.hasOwnProperty.call(pruned, id)) return { seen: true, recent: pruned };
	pruned[id] = now;
	return { seen: false, recent: pruned };
}
