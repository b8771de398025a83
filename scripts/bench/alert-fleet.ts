// The conferences `npm run bench:alerts` runs at once: each booked, with its own Teams meeting
// chat (the thread the events arrive in), and its participants: the seeded directory's staff and
// professionals (matched by Entra id: no alert in the pre-meeting briefing), family members
// (guests matched by their e-mail: a family member in the professionals-only briefing is an alert)
// and guests nobody invited (an unknown joiner is an alert). Seeded straight into the embedded
// database before the bot starts on it, with each chair's 1:1 conversation at the recording
// connector, so that every alert card the bot sends lands there with its arrival time.
import { randomBytes, randomUUID } from 'node:crypto';
import { systemClock } from '../../bot/adapters/clock/system-clock';
import { migrate } from '../../bot/adapters/store/migrate';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlConversationRefs } from '../../bot/adapters/store/sql-conversation-refs';
import type { Conference, Invitee } from '../../bot/domain/conference/conference';
import { type MeetingChat, type Participant, teamsMeetingIdOf } from '../demo/meeting-activities';
import { SEED_PEOPLE, type SeedPerson } from '../graph-sandbox/directory/seed-people';

export interface FleetParticipant extends Participant {
  /** The alert their join in the pre-meeting briefing must raise (null: none). */
  expectedAlert: 'family-in-confidential' | 'unknown-joiner' | null;
}

export interface FleetConference {
  id: string;
  chairId: string;
  chat: MeetingChat;
  participants: FleetParticipant[];
}

const chairs = SEED_PEOPLE.filter((p) => p.role === 'chair');
const clerk = SEED_PEOPLE.find((p) => p.role === 'clerk')!;
const socialWorker = SEED_PEOPLE.find((p) => p.role === 'social-worker')!;
const professionals = SEED_PEOPLE.filter((p) => p.role === 'professional');
const FAMILY_ROLES = ['parent', 'parent', 'family-other', 'supporter'] as const;

/** n participants: the chair first, then staff and professionals, then family, then unknown guests. */
export function fleetConference(n: number, size: number, serviceUrl: string, tenantId: string, botId: string): { conference: Omit<Conference, 'version'>; fleet: FleetConference } {
  const chair = chairs[n % chairs.length]!;
  const staff: { p: SeedPerson; role: Invitee['role'] }[] = [
    { p: chair, role: 'chair' },
    { p: socialWorker, role: 'social-worker' },
    { p: clerk, role: 'clerk' },
    ...professionals.map((p) => ({ p, role: 'professional' as const })),
  ];
  // A quarter family, a quarter unknown guests, the rest staff (16: 8 staff, 4 family, 4 guests).
  const familyCount = Math.min(FAMILY_ROLES.length, Math.floor(size / 4));
  const guestCount = Math.floor(size / 4);
  const staffCount = Math.max(1, Math.min(staff.length, size - familyCount - guestCount));
  const invitees: Invitee[] = [];
  const participants: FleetParticipant[] = [];
  for (const [k, { p, role }] of staff.slice(0, staffCount).entries()) {
    invitees.push({ id: `inv-s${k}`, role, displayName: p.displayName, email: p.mail, directoryId: p.id, status: 'invited', agency: p.agency });
    participants.push({ participantId: `29:bench-${n}-s${k}`, aadObjectId: p.id, name: p.displayName, role: k === 0 ? 'Organizer' : 'Attendee', expectedAlert: null });
  }
  for (let k = 0; k < familyCount; k++) {
    const email = `family-${n}-${k}@family.example`;
    invitees.push({ id: `inv-f${k}`, role: FAMILY_ROLES[k]!, displayName: `Family Member ${k + 1}`, email, phone: '07700 900000', status: 'invited' });
    participants.push({ participantId: `29:bench-${n}-f${k}`, email, name: `Family Member ${k + 1}`, expectedAlert: 'family-in-confidential' });
  }
  for (let k = 0; k < size - staffCount - familyCount; k++) {
    participants.push({ participantId: `29:bench-${n}-g${k}`, name: `Guest ${k + 1}`, expectedAlert: 'unknown-joiner' });
  }
  const threadId = `19:meeting_bench${n}${randomBytes(12).toString('hex')}@thread.v2`;
  const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const conference: Omit<Conference, 'version'> = {
    id: `bench-alerts-${n}`,
    caseReference: `MOS${String(7_000_000 + n)}`,
    kind: 'ICPC',
    profileId: 'england',
    start: `${day}T10:00`,
    end: `${day}T11:30`,
    familySectionStart: `${day}T10:30`,
    organizerId: chair.id,
    status: 'booked',
    bookingVersion: 1,
    anchors: { 'strategy-discussion': day },
    meeting: {
      eventId: `bench-alerts-event-${n}`,
      transactionId: randomUUID(),
      joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(threadId)}/0`,
      onlineMeetingId: `bench-alerts-meeting-${n}`,
      chatThreadId: threadId,
      optionsVerified: true,
      optionMismatches: [],
      syncedBookingVersion: 1,
    },
    invitees,
  };
  const chat: MeetingChat = { threadId, meetingId: teamsMeetingIdOf(threadId), tenantId, serviceUrl, botId };
  return { conference, fleet: { id: conference.id, chairId: chair.id, chat, participants } };
}

/** Creates the conferences and the chairs' 1:1 conversations (at `serviceUrl`) in the database at `dataDir` (or `databaseUrl`). */
export async function seedFleet(
  dataDir: string,
  options: { conferences: number; participants: number; serviceUrl: string; tenantId: string; botId: string; databaseUrl?: string },
): Promise<FleetConference[]> {
  const db = await openDatabase({ dataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  try {
    await migrate(db);
    const store = new SqlConferenceStore(db);
    const refs = new SqlConversationRefs(db, systemClock);
    const fleet: FleetConference[] = [];
    for (let n = 1; n <= options.conferences; n++) {
      const built = fleetConference(n, options.participants, options.serviceUrl, options.tenantId, options.botId);
      await store.create(built.conference);
      fleet.push(built.fleet);
    }
    for (const chair of new Set(fleet.map((f) => f.chairId))) {
      await refs.record({ personId: chair, conversationId: `a:bench-chair-${chair.slice(-4)}`, serviceUrl: options.serviceUrl, tenantId: options.tenantId, botId: options.botId, channelId: 'msteams' });
    }
    return fleet;
  } finally {
    await db.close();
  }
}
