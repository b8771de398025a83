// Saving the chair's draft while roster events bump the same live meeting row: a stale version
// (LiveMeetingConflict) is re-read and the draft applied to the latest row, so neither the
// roster change nor the draft is lost; after five conflicts in a row the save gives up loudly.
import type { AuditEntryInput } from '../../../bot/app/ports/audit-log.port';
import { LiveMeetingConflict, type LiveMeetingStore } from '../../../bot/app/ports/live-meeting-store.port';
import type { TransactionHandle } from '../../../bot/app/ports/unit-of-work.port';
import { saveDecisionDraft } from '../../../bot/app/decision/decision.use-case';
import type { Conference } from '../../../bot/domain/conference/conference';
import type { LiveMeeting } from '../../../bot/domain/meeting/live-meeting';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

const CHAIR = 'chair-entra-id';
const conference: Conference = {
  id: 'c-1', caseReference: 'MOS1', kind: 'ICPC', profileId: 'england', start: '2027-03-01T10:00', end: '2027-03-01T12:00', organizerId: 'clerk', status: 'booked', bookingVersion: 1, version: 1,
  booking: { chairId: CHAIR, socialWorkerId: 'sw-id', requestedBy: 'clerk', durationMinutes: 120, confidentialMinutes: 30 },
  invitees: [
    { id: 'inv-sw', role: 'social-worker', displayName: 'Invented Worker', email: 'sw@example.test', status: 'invited' },
    { id: 'inv-police', role: 'professional', agency: 'police', displayName: 'Invented Officer', email: 'po@example.test', status: 'invited' },
  ],
};
const entry = (inviteeId: string, participantId: string) => ({ participantId, inviteeId, matchedBy: 'email' as const, inMeeting: true, firstJoinedAt: 't', lastEventAt: 't' });

/** A store whose row another writer changes just before each of our first `conflicts` saves. */
function racingStore(conflicts: number): { store: LiveMeetingStore; row: () => LiveMeeting } {
  let row: LiveMeeting = { conferenceId: 'c-1', teamsMeetingId: 'm-1', stage: 'decision', history: [], roster: [entry('inv-sw', '29:a'), entry('inv-police', '29:b')], alerts: [], version: 3 };
  let left = conflicts;
  const store: LiveMeetingStore = {
    get: async () => structuredClone(row),
    getMany: async () => { throw new Error('not used'); },
    create: async () => { throw new Error('not used'); },
    save: async (live) => {
      if (left > 0) {
        left -= 1;
        row = { ...row, roster: [...row.roster, entry('inv-police', `29:join-${left}`)], version: row.version + 1 };
        throw new LiveMeetingConflict(live.conferenceId, live.version);
      }
      if (live.version !== row.version) throw new LiveMeetingConflict(live.conferenceId, live.version);
      row = { ...live, version: live.version + 1 };
      return structuredClone(row);
    },
    listWithOpenAlerts: async () => [],
  };
  return { store, row: () => row };
}

function deps(live: LiveMeetingStore, audit: AuditEntryInput[]) {
  return {
    store: { get: async (id: string) => (id === 'c-1' ? conference : null) } as never,
    live,
    audit: { append: async (e: AuditEntryInput) => { audit.push(e); return {} as never; } },
    uow: { run: <T>(fn: (tx: TransactionHandle) => Promise<T>) => fn({} as TransactionHandle) },
    clock: { now: () => new Date('2027-03-01T11:30:00.000Z'), today: () => '2027-03-01' },
    profileFor: () => resolveProfile('england'),
  };
}

test('two conflicts: the draft lands on the latest row, the roster changes kept, one audit entry', async () => {
  const { store, row } = racingStore(2);
  const audit: AuditEntryInput[] = [];
  const view = await saveDecisionDraft(deps(store, audit), CHAIR, 'c-1', { views: [{ agency: 'police', view: 'plan' }], dissent: [], coreGroupInviteeIds: [] });
  expect(row().decisionDraft).toEqual({ views: [{ agency: 'police', view: 'plan' }], dissent: [], coreGroupInviteeIds: [], savedAt: '2027-03-01T11:30:00.000Z', savedBy: CHAIR });
  expect(row().roster.map((r) => r.participantId)).toEqual(['29:a', '29:b', '29:join-1', '29:join-0']);
  expect(view.outcome).toMatchObject({ plan: 1, result: null });
  // The audit append is inside each attempt's transaction: a real store rolls back the failed ones.
  expect(audit.at(-1)).toEqual({ actorId: CHAIR, actorRole: 'chair', action: 'decision.saved', conferenceId: 'c-1', detail: { views: 1 } });
});

test('five conflicts in a row: the save fails with the conflict, nothing half-written', async () => {
  const { store, row } = racingStore(5);
  await expect(saveDecisionDraft(deps(store, []), CHAIR, 'c-1', { views: [], dissent: [], coreGroupInviteeIds: [] })).rejects.toBeInstanceOf(LiveMeetingConflict);
  expect(row().decisionDraft).toBeUndefined();
});

test('not the chair: refused and audited, nothing read from the live meeting', async () => {
  const audit: AuditEntryInput[] = [];
  const { store } = racingStore(0);
  await expect(saveDecisionDraft(deps(store, audit), 'someone-else', 'c-1', { views: [], dissent: [], coreGroupInviteeIds: [] })).rejects.toMatchObject({ code: 'DECISION.NOT_THE_CHAIR' });
  expect(audit).toEqual([{ actorId: 'someone-else', actorRole: 'unknown', action: 'decision.refused', conferenceId: 'c-1', detail: { attempted: 'decision.save', code: 'DECISION.NOT_THE_CHAIR' } }]);
});
