// The conference's life: draft → booked → held → closed, or booked → stood down → closed.
// Nothing comes back from stood down or closed; a conference is held once.
import type { Result } from '../shared/coded-error';
import type { ConferenceStatus } from './conference';

export type StatusEvent = 'book' | 'stand-down' | 'hold' | 'close';
export type StatusCode = 'CONFERENCE.TRANSITION_NOT_ALLOWED';

const NEXT: Record<ConferenceStatus, Partial<Record<StatusEvent, ConferenceStatus>>> = {
  // 'book' again while booked: a conference marked booked before its meeting existed.
  draft: { book: 'booked' },
  booked: { book: 'booked', 'stand-down': 'stood-down', hold: 'held' },
  held: { close: 'closed' },
  'stood-down': { close: 'closed' },
  closed: {},
};

export function nextStatus(status: ConferenceStatus, event: StatusEvent): Result<ConferenceStatus, StatusCode> {
  const next = NEXT[status][event];
  return next ? { ok: true, value: next } : { ok: false, code: 'CONFERENCE.TRANSITION_NOT_ALLOWED', message: `a ${status} conference cannot ${event}` };
}

/** Every status reachable from draft, for checks and tests. */
export const CONFERENCE_STATUSES = Object.keys(NEXT) as ConferenceStatus[];
