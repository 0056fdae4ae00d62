// What the trigger needs to judge a delivery. The node imports this file.
export { EVENTS, EVENT_VALUES, isRecordEvent, type TrutoEvent } from './events';
export { accountOf, resourceOf, unwanted, type Narrowing } from './filter';
export { DEFAULT_TOLERANCE_SECONDS, MAX_RECENT_IDS, prune, seenBefore, staleReason, type RecentIds } from './replay';
export { digestOf, SIGNATURE_HEADER, signBody, verifySignature } from './signature';
