// Scripted Graph (Meetings, Mailer) and sample data for the meeting and invitation use cases.
// The store, audit log and alerts are always the real SQL ones (test/app/meetings/sql-booking-kit.ts).
import type { Clock } from '../../bot/app/ports/clock.port';
import type { MailMessage, MailOutcome, Mailer } from '../../bot/app/ports/mailer.port';
import type { CreatedMeetingEvent, EventChange, FoundOnlineMeeting, MeetingEventInput, MeetingOptions, Meetings, ReadBackOptions } from '../../bot/app/ports/meetings.port';
import type { Conference, Invitee } from '../../bot/domain/conference/conference';

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
  /** The meeting chat's thread id Graph "reports" (chatInfo.threadId). */
  chatThreadId = '19:meeting_om-1@thread.v2';
  async findOnlineMeetingId(): Promise<FoundOnlineMeeting> {
    this.calls.push('findOnlineMeetingId');
    if (this.findError) throw this.findError;
    return { id: 'om-1', chatThreadId: this.chatThreadId };
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
  /** Answer of the next cancels ('already-gone': Graph no longer has the event). */
  cancelAnswers: ('cancelled' | 'already-gone')[] = [];
  async cancelEvent(_o: string, eventId: string, comment: string) {
    this.calls.push('cancelEvent');
    this.cancels.push(`${eventId}|${comment}`);
    return this.cancelAnswers.shift() ?? 'cancelled';
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
