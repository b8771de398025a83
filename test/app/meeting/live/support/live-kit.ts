// The live meeting's use cases on the real SQL store (PGlite, or PostgreSQL on that leg): the
// conference store, lookup by meeting thread, live meetings, audit log (with its personal-data
// guard), job queue and unit of work; the chair's 1:1 chat and the in-meeting notification are
// recording doubles. Invented people and ids only.
import { ManualClock } from '../../../../../bot/adapters/clock/manual-clock';
import { HmacLinkSigner, linkKeyFrom } from '../../../../../bot/adapters/links/hmac-link-signer';
import type { Database } from '../../../../../bot/adapters/store/database';
import { migrate } from '../../../../../bot/adapters/store/migrate';
import { SqlAuditLog } from '../../../../../bot/adapters/store/sql-audit-log';
import { SqlConferenceLookup } from '../../../../../bot/adapters/store/sql-conference-lookup';
import { SqlConferenceStore } from '../../../../../bot/adapters/store/sql-conference.store';
import { SqlJobQueue } from '../../../../../bot/adapters/store/sql-job-queue';
import { SqlLiveMeetingStore } from '../../../../../bot/adapters/store/sql-live-meeting.store';
import { SqlUnitOfWork } from '../../../../../bot/adapters/store/sql-unit-of-work';
import { defineJobKinds } from '../../../../../bot/app/jobs/job-kinds';
import { JobWorker } from '../../../../../bot/app/jobs/job-worker';
import { ALERT_REPEAT_JOB_KIND, alertRepeatJobHandler, alertRepeatPayload } from '../../../../../bot/app/meeting/live/alert-repeat-job';
import type { LiveDeps } from '../../../../../bot/app/meeting/live/live-deps';
import type { MeetingEvent, MeetingMember } from '../../../../../bot/app/meeting/live/meeting-event';
import type { MeetingNotification, MeetingNotifier } from '../../../../../bot/app/ports/meeting-notifier.port';
import type { BookingDetails, Conference } from '../../../../../bot/domain/conference/conference';
import { RecordingNotifier } from '../../../../support/recording-notifier';
import type { Backend } from '../../../../store/backends';
import { TEST_AUDIT_KEY } from '../../../../store/fixtures';

export const CHAIR_ID = 'c0c0c0c0-0000-4000-8000-000000000001';
export const SW_ID = 'c0c0c0c0-0000-4000-8000-000000000002';
export const POLICE_ID = 'c0c0c0c0-0000-4000-8000-000000000003';
export const START = '2026-12-10T10:05:00.000Z';

export class RecordingMeetingNotifier implements MeetingNotifier {
  readonly sent: { conversationId: string; teamsMeetingId: string; n: MeetingNotification }[] = [];
  async notify(chat: { conversationId: string }, teamsMeetingId: string, n: MeetingNotification): Promise<void> {
    this.sent.push({ conversationId: chat.conversationId, teamsMeetingId, n });
  }
}

export const threadOf = (conferenceId: string) => `19:meeting_${conferenceId}@thread.v2`;
export const meetingIdOf = (conferenceId: string) => `MCMx${conferenceId}`;

/** A booked ICPC on 10 December 2026, 10:00–12:00, confidential until 10:30; its meeting chat recorded. */
export function liveConference(id: string, over: Partial<Conference> = {}): Omit<Conference, 'version'> {
  return {
    id,
    caseReference: `CP-2026-${id.replace(/\D/g, '').padStart(4, '0')}`,
    kind: 'ICPC',
    profileId: 'england',
    start: '2026-12-10T10:00',
    end: '2026-12-10T12:00',
    familySectionStart: '2026-12-10T10:30',
    organizerId: 'organizer@council.example',
    status: 'booked',
    bookingVersion: 1,
    booking: { chairId: CHAIR_ID, socialWorkerId: SW_ID, requestedBy: SW_ID, durationMinutes: 120, confidentialMinutes: 30 } as BookingDetails,
    invitees: [
      { id: 'chair', role: 'chair', displayName: 'Robin Chairperson', email: 'robin.chair@council.example', directoryId: CHAIR_ID, status: 'invited' },
      { id: 'sw', role: 'social-worker', displayName: 'Jordan Worker', email: 'jordan.worker@council.example', directoryId: SW_ID, status: 'invited' },
      { id: 'police', role: 'professional', agency: 'police', displayName: 'Casey Officer', email: 'casey.officer@police.example', directoryId: POLICE_ID, status: 'invited' },
      { id: 'mum', role: 'parent', displayName: 'Morgan Parentname', email: 'morgan.parent@example.org', phone: '07700900001', status: 'invited' },
    ],
    meeting: {
      eventId: `evt-${id}`, transactionId: `tx-${id}`, joinUrl: `https://teams.example/l/meetup-join/${id}`, onlineMeetingId: `om-${id}`,
      optionsVerified: true, optionMismatches: [], syncedBookingVersion: 1, chatThreadId: threadOf(id),
    },
    ...over,
  } as Omit<Conference, 'version'>;
}

export const PEOPLE = {
  chair: { participantId: '29:chair-1', aadObjectId: CHAIR_ID, displayName: 'Robin Chairperson', meetingRole: 'Organizer' },
  sw: { participantId: '29:sw-1', aadObjectId: SW_ID, displayName: 'Jordan Worker' },
  police: { participantId: '29:police-1', aadObjectId: POLICE_ID, displayName: 'Casey Officer' },
  mum: { participantId: '29:guest-mum', email: 'Morgan.Parent@example.org', displayName: 'Morgan P (Guest)' },
  stranger: { participantId: '29:guest-x', displayName: 'Unknown Visitor (Guest)' },
} satisfies Record<string, MeetingMember>;

export function event(conferenceId: string, type: 'participant-join' | 'participant-leave', who: MeetingMember | MeetingMember[], at: string): MeetingEvent;
export function event(conferenceId: string, type: 'meeting-start' | 'meeting-end', at: string): MeetingEvent;
export function event(conferenceId: string, type: MeetingEvent['type'], a: unknown, b?: string): MeetingEvent {
  const head = { threadId: threadOf(conferenceId), teamsMeetingId: meetingIdOf(conferenceId), chat: { conversationId: threadOf(conferenceId), serviceUrl: 'https://smba.example/teams/' } };
  if (type === 'participant-join' || type === 'participant-leave') return { ...head, type, members: Array.isArray(a) ? a : [a as MeetingMember], at: b! };
  if (type === 'meeting-start' || type === 'meeting-end') return { ...head, type, at: a as string };
  throw new Error(`no helper for ${type}`);
}

export const ALERT_KINDS_TABLE = defineJobKinds({ [ALERT_REPEAT_JOB_KIND]: alertRepeatPayload });

export interface LiveKit {
  db: Database;
  deps: LiveDeps & { clock: ManualClock; notifier: RecordingNotifier; meetingNotifier: RecordingMeetingNotifier; audit: SqlAuditLog; store: SqlConferenceStore; live: SqlLiveMeetingStore };
  jobs: SqlJobQueue;
  worker: JobWorker<typeof ALERT_KINDS_TABLE>;
  actions(conferenceId: string | null): Promise<string[]>;
  details(action: string, conferenceId: string | null): Promise<Record<string, unknown>[]>;
  pendingJobs(): Promise<{ kind: string; dedup_key: string; run_at: string }[]>;
  stop(): Promise<void>;
}

export async function startLiveKit(backend: Backend): Promise<LiveKit> {
  const fresh = await backend.fresh();
  const db = fresh.db;
  await migrate(db);
  const clock = new ManualClock(START);
  const audit = new SqlAuditLog(db, clock, TEST_AUDIT_KEY);
  const jobs = new SqlJobQueue(db, clock, ALERT_KINDS_TABLE, { leaseMs: 60_000 });
  const deps = {
    store: new SqlConferenceStore(db),
    uow: new SqlUnitOfWork(db),
    audit,
    clock,
    lookup: new SqlConferenceLookup(db),
    live: new SqlLiveMeetingStore(db),
    notifier: new RecordingNotifier(),
    meetingNotifier: new RecordingMeetingNotifier(),
    jobs,
    publicBaseUrl: 'https://bot.council.example',
    links: new HmacLinkSigner(linkKeyFrom(TEST_AUDIT_KEY)),
    meetingAlertRepeatMs: 30_000,
  };
  const worker = new JobWorker({ ledger: jobs, uow: deps.uow, kinds: ALERT_KINDS_TABLE, holder: 'test', handlers: { [ALERT_REPEAT_JOB_KIND]: alertRepeatJobHandler(deps) } });
  const entries = async (conferenceId: string | null) => {
    const { rows } = await db.query<{ action: string; detail: unknown }>(
      `SELECT action, detail FROM audit_log WHERE conference_id IS NOT DISTINCT FROM $1 ORDER BY seq`,
      [conferenceId],
    );
    return rows.map((r) => ({ action: r.action, detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown> }));
  };
  return {
    db,
    deps,
    jobs,
    worker,
    actions: async (id) => (await entries(id)).map((e) => e.action),
    details: async (action, id) => (await entries(id)).filter((e) => e.action === action).map((e) => e.detail),
    pendingJobs: async () =>
      (await db.query<{ kind: string; dedup_key: string; run_at: string }>(`SELECT kind, dedup_key, run_at::text AS run_at FROM jobs WHERE status = 'pending' ORDER BY id`)).rows,
    async stop() {
      await worker.close();
      await db.close();
      await fresh.drop();
    },
  };
}
