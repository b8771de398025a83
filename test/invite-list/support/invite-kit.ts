// Shared set-up for the invite list's HTTP tests: the whole server in local mode with the seeded
// directory, scripted Graph (meetings, mail) and a conference written straight to the store.
import type { ChatNotifier, SentCard } from '../../../bot/app/ports/chat-notifier.port';
import { ChatNotifierError } from '../../../bot/app/ports/chat-notifier.port';
import { SqlConferenceStore } from '../../../bot/adapters/store/sql-conference.store';
import type { AdaptiveCardJson } from '../../../bot/cards/adaptive-card';
import type { Conference } from '../../../bot/domain/conference/conference';
import type { ServerDeps } from '../../../bot/main';
import { seedPerson } from '../../../scripts/graph-sandbox/directory/seed-people';
import { FakeMailer, FakeMeetings } from '../../invitations/booking-fakes';
import { StaticDirectory } from '../../support/static-directory';
import { type TestServer, startTestServer } from '../../http/support/test-server';

export const CLERK = seedPerson('clerk');
export const CHAIR = seedPerson('chair');
export const SOCIAL_WORKER = seedPerson('social-worker');
export const POLICE = seedPerson('professional', 0); // police
export const HEALTH_VISITOR = seedPerson('professional', 1); // health
export const SCHOOL = seedPerson('professional', 2); // education
export const GP = seedPerson('professional', 4); // health
export const SAFEGUARDING = seedPerson('safeguarding-manager');

/** Records cards; people listed in `unreachable` have no chat (NOTIFY.NO_CONVERSATION). */
export class RecordingNotifier implements ChatNotifier {
  readonly sent: { personId: string; card: AdaptiveCardJson }[] = [];
  readonly updated: { sent: SentCard; card: AdaptiveCardJson }[] = [];
  constructor(readonly unreachable: Set<string> = new Set()) {}
  async sendCard(personId: string, card: AdaptiveCardJson): Promise<SentCard> {
    if (this.unreachable.has(personId)) throw new ChatNotifierError('NOTIFY.NO_CONVERSATION', 'no chat');
    this.sent.push({ personId, card });
    return { conversationId: `a:chat-${personId}`, activityId: `act-${this.sent.length}` };
  }
  async updateCard(sent: SentCard, card: AdaptiveCardJson): Promise<void> {
    this.updated.push({ sent, card });
  }
}

export interface InviteKit {
  bot: TestServer;
  meetings: FakeMeetings;
  mailer: FakeMailer;
  store: SqlConferenceStore;
  tokenFor(personId: string): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely; their schemas are checked by the server itself
  api(method: string, path: string, personId: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, any>; etag: string | null }>;
  close(): Promise<void>;
}

export async function startInviteKit(deps: Partial<ServerDeps> = {}): Promise<InviteKit> {
  const meetings = new FakeMeetings();
  const mailer = new FakeMailer();
  const bot = await startTestServer({ deps: { directory: new StaticDirectory(), graph: { meetings, mailer }, ...deps } });
  const store = new SqlConferenceStore(bot.db);
  const tokens = new Map<string, string>();
  const tokenFor = async (personId: string) => {
    const had = tokens.get(personId);
    if (had) return had;
    const res = await bot.post('/api/v1/dev/sign-in', { userId: personId });
    const token = (res.json as { accessToken: string }).accessToken;
    tokens.set(personId, token);
    return token;
  };
  return {
    bot,
    meetings,
    mailer,
    store,
    tokenFor,
    async api(method, path, personId, body, headers = {}) {
      const res = await fetch(`${bot.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${await tokenFor(personId)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null, etag: res.headers.get('etag') };
    },
    close: () => bot.close(),
  };
}

/** An invented ICPC on Monday 1 March 2027 whose clerk is the organiser; chair and social worker invited. */
export function conference(id: string, overrides: Partial<Conference> = {}): Omit<Conference, 'version'> {
  return {
    id,
    caseReference: `CP-2027-${String(id.length * 97).padStart(4, '0')}`,
    kind: 'ICPC',
    profileId: 'england',
    start: '2027-03-01T10:00',
    end: '2027-03-01T12:00',
    familySectionStart: '2027-03-01T10:45',
    organizerId: CLERK.id,
    status: 'draft',
    bookingVersion: 1,
    invitees: [
      { id: 'inv-chair', role: 'chair', displayName: CHAIR.displayName, email: CHAIR.mail, directoryId: CHAIR.id, status: 'pending' },
      { id: 'inv-sw', role: 'social-worker', displayName: SOCIAL_WORKER.displayName, email: SOCIAL_WORKER.mail, directoryId: SOCIAL_WORKER.id, status: 'pending' },
    ],
    ...overrides,
  };
}

/** The same conference booked: the meeting exists, its options verified, the event in sync. */
export function bookedConference(id: string, overrides: Partial<Conference> = {}): Omit<Conference, 'version'> {
  const base = conference(id);
  return {
    ...base,
    status: 'booked',
    invitees: base.invitees.map((i) => ({ ...i, status: 'invited', invitedAt: '2026-12-01T09:00:00.000Z' })),
    meeting: { eventId: `evt-${id}`, transactionId: `tx-${id}`, joinUrl: 'https://teams.example/l/meetup-join/x', onlineMeetingId: 'om-1', optionsVerified: true, optionMismatches: [], syncedBookingVersion: 1 },
    ...overrides,
  };
}
