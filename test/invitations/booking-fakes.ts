// In-memory ports for the meeting and invitation use cases (the SQL and Graph adapters have
// their own tests): a store with optimistic versions, recording audit/alerts, scripted Graph.
import { ConcurrencyConflict, type ConferenceStore } from '../../bot/app/ports/conference-store.port';
import type { Alerts, ClerkAlert } from '../../bot/app/ports/alerts.port';
import type { AuditEntryInput, AuditLog, AuditRecord } from '../../bot/app/ports/audit-log.port';
import type { Clock } from '../../bot/app/ports/clock.port';
import type { MailMessage, MailOutcome, Mailer } from '../../bot/app/ports/mailer.port';
import type { CreatedMeetingEvent, EventChange, MeetingEventInput, MeetingOptions, Meetings, ReadBackOptions } from '../../bot/app/ports/meetings.port';
import type { BookingDeps } from '../../bot/app/meetings/booking-deps';
import type { Conference, Invitee } from '../../bot/domain/conference/conference';
import { resolveProfile } from '../../bot/domain/policy/resolve-profile';

export class MemoryStore implements ConferenceStore {
  readonly rows = new Map<string, Conference>();
  saves = 0;
  /** Throw on the nth save (1-based) to simulate a crash between steps. */
  crashOnSave?: number;
  async get(id: string) {
    const c = this.rows.get(id);
    return c ? structuredClone(c) : null;
  }
  async create(c: Omit<Conference, 'version'>) {
    const created = { ...structuredClone(c), version: 1 } as Conference;
    this.rows.set(c.id, created);
    return structuredClone(created);
  }
  async save(c: Conference) {
    this.saves += 1;
    if (this.crashOnSave === this.saves) throw new Error('CRASH');
    const current = this.rows.get(c.id);
    if (!current || current.version !== c.version) throw new ConcurrencyConflict(c.id, c.version);
    const next = structuredClone({ ...c, version: c.version + 1 });
    this.rows.set(c.id, next);
    return structuredClone(next);
  }
}

export class RecordingAudit implements AuditLog {
  readonly entries: AuditEntryInput[] = [];
  async append(entry: AuditEntryInput): Promise<AuditRecord> {
    this.entries.push(structuredClone(entry));
    return { ...entry, seq: this.entries.length, at: '2026-11-23T10:00:00.000Z', prevHash: '', hash: '' };
  }
  actions(): string[] {
    return this.entries.map((e) => e.action);
  }
}

export class RecordingAlerts implements Alerts {
  readonly alerts: ClerkAlert[] = [];
  async alertClerk(alert: ClerkAlert) {
    this.alerts.push(structuredClone(alert));
  }
}

export class FakeMeetings implements Meetings {
  readonly calls: string[] = [];
  readonly creates: MeetingEventInput[] = [];
  readonly updates: EventChange[] = [];
  readonly cancels: string[] = [];
  patched?: MeetingOptions;
  /** Options Graph "reports" after PATCH; defaults to what was patched. */
  readBack?: (patched: MeetingOptions) => ReadBackOptions;
  findError?: Error;
  async createEvent(input: MeetingEventInput): Promise<CreatedMeetingEvent> {
    this.calls.push('createEvent');
    this.creates.push(structuredClone(input));
    return { eventId: `evt-${input.transactionId.slice(0, 8)}`, joinUrl: `https://teams.example/l/meetup-join/${input.transactionId}` };
  }
  async findOnlineMeetingId(): Promise<string> {
    this.calls.push('findOnlineMeetingId');
    if (this.findError) throw this.findError;
    return 'om-1';
  }
  async setMeetingOptions(_o: string, _id: string, options: MeetingOptions) {
    this.calls.push('setMeetingOptions');
    this.patched = structuredClone(options);
  }
  async getMeetingOptions(): Promise<ReadBackOptions> {
    this.calls.push('getMeetingOptions');
    const p = this.patched!;
    return this.readBack ? this.readBack(p) : structuredClone(p);
  }
  async updateEvent(_o: string, _id: string, change: EventChange) {
    this.calls.push('updateEvent');
    this.updates.push(structuredClone(change));
  }
  async cancelEvent(_o: string, eventId: string, comment: string) {
    this.calls.push('cancelEvent');
    this.cancels.push(`${eventId}|${comment}`);
  }
}

export class FakeMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  /** Per call: outcome override by key; or throw to simulate a crash mid-send. */
  script: ((m: MailMessage) => MailOutcome | 'crash')[] = [];
  calls = 0;
  async sendEach(messages: MailMessage[]): Promise<MailOutcome[]> {
    const step = this.script[this.calls++];
    const out: MailOutcome[] = [];
    for (const m of messages) {
      const o = step ? step(m) : ({ key: m.key, outcome: 'sent' } as const);
      if (o === 'crash') throw new Error('CRASH');
      if (o.outcome === 'sent' || o.outcome === 'unknown') this.sent.push(m);
      out.push(o);
    }
    return out;
  }
}

export const fixedClock = (now: string, today: string): Clock => ({ now: () => new Date(now), today: () => today });

export function invitee(id: string, role: Invitee['role'], extra: Partial<Invitee> = {}): Invitee {
  return { id, role, displayName: `Person ${id}`, email: `${id}@example.org`, status: 'pending', ...extra };
}

export function sampleConference(overrides: Partial<Conference> = {}): Omit<Conference, 'version'> {
  return {
    id: 'conf-1',
    caseReference: 'CP-2026-0042',
    kind: 'ICPC',
    profileId: 'england',
    start: '2026-12-10T10:00',
    end: '2026-12-10T12:00',
    familySectionStart: '2026-12-10T10:30',
    organizerId: 'organizer@council.example',
    status: 'draft',
    bookingVersion: 1,
    invitees: [
      invitee('p-police', 'professional', { agency: 'police' }),
      invitee('sw', 'social-worker'),
      invitee('p-school', 'professional', { agency: 'school' }),
      invitee('chair', 'chair'),
      invitee('mum', 'parent', { displayName: 'Alex Example', interpreter: { language: 'Polish', arrangement: 'the interpreter joins by phone' } }),
      invitee('dad', 'parent', { displayName: 'Sam Example', joinAt: '2026-12-10T11:00' }),
    ],
    ...overrides,
  };
}

export function makeDeps(store = new MemoryStore()) {
  const deps = {
    store,
    meetings: new FakeMeetings(),
    mailer: new FakeMailer(),
    alerts: new RecordingAlerts(),
    audit: new RecordingAudit(),
    clock: fixedClock('2026-11-23T10:00:00.000Z', '2026-11-23'),
    profileFor: (id: string) => resolveProfile(id),
    mailSender: { email: 'conference-team@council.example', name: 'Conference team' },
  } satisfies BookingDeps;
  return deps;
}
