// The ports the live meeting's use cases need (a slice of AppDeps, so tests can build less).
import type { AppDeps } from '../../app-deps';

export type LiveDeps = Pick<AppDeps, 'store' | 'uow' | 'audit' | 'clock' | 'lookup' | 'live' | 'notifier' | 'jobs' | 'publicBaseUrl' | 'links' | 'meetingNotifier' | 'meetingAlertRepeatMs' | 'telemetry'>;

/** How often an unacknowledged alert is repeated (MEETING_ALERT_REPEAT_MS). */
export const DEFAULT_ALERT_REPEAT_MS = 30_000;
export const repeatMsOf = (deps: Pick<LiveDeps, 'meetingAlertRepeatMs'>): number => deps.meetingAlertRepeatMs ?? DEFAULT_ALERT_REPEAT_MS;

/** Values from Teams are the sender's word: only id-shaped ones reach the audit log. */
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9:._|/=+-]{0,199}$/;
const THREAD_RE = /^19:[A-Za-z0-9_.:=-]+@thread\.(v2|tacv2|skype)$/;
export const auditId = (v: string | undefined): string | null => (v && (ID_RE.test(v) || THREAD_RE.test(v)) && v.length <= 200 ? v : null);
