// The live lobby bypass per stage (docs/meeting/stages.md): only with the profile flag, only
// loosened for the confidential section and only to the council's own staff, locked again after;
// read back and audited, a Graph failure audited with its code and never thrown.
import type { AppDeps } from '../../../../bot/app/app-deps';
import { applyLobbyBypass, lobbyScopeFor } from '../../../../bot/app/meeting/stage/lobby-bypass';
import type { AuditEntryInput } from '../../../../bot/app/ports/audit-log.port';
import { MeetingsError } from '../../../../bot/app/ports/meetings.port';
import { MEETING_STAGES } from '../../../../bot/domain/meeting/live-meeting';
import { resolveProfile } from '../../../../bot/domain/policy/resolve-profile';
import { FakeMeetings } from '../../../invitations/booking-fakes';
import { bookedConference } from '../../../invite-list/support/invite-kit';

const on = resolveProfile('staffordshire', { meeting: { liveLobbyBypass: true } });
const off = resolveProfile('staffordshire');
const chair = { id: 'chair-1', role: 'chair' };
const c = { ...bookedConference('lb-1'), version: 1 };

function deps(meetings: FakeMeetings) {
  const entries: AuditEntryInput[] = [];
  const d = { meetings, audit: { append: async (e: AuditEntryInput) => void entries.push(e) } } as unknown as AppDeps;
  return { d, entries };
}

test('only the confidential section loosens, to staff excluding guests; every other stage is locked', () => {
  expect(MEETING_STAGES.map((s) => [s, lobbyScopeFor(s)])).toEqual([
    ['pre-meeting', 'organizer'], ['confidential', 'organizationExcludingGuests'], ['family', 'organizer'],
    ['decision', 'organizer'], ['looked-after', 'organizer'], ['closed', 'organizer'],
  ]);
});

test('off in the profile, or no change of scope: nothing is sent', async () => {
  const meetings = new FakeMeetings();
  const { d, entries } = deps(meetings);
  expect(await applyLobbyBypass(d, c, off, 'pre-meeting', 'confidential', chair)).toBeNull();
  expect(await applyLobbyBypass(d, c, on, 'family', 'decision', chair)).toBeNull();
  expect(meetings.calls).toEqual([]);
  expect(entries).toEqual([]);
});

test('a read-back that differs is reported and audited unverified', async () => {
  const meetings = new FakeMeetings();
  meetings.readBack = (p) => ({ ...p, lobbyBypassSettings: { scope: 'organizer', isDialInBypassEnabled: false } });
  const { d, entries } = deps(meetings);
  const r = await applyLobbyBypass(d, c, on, 'pre-meeting', 'confidential', chair);
  expect(r).toEqual({ scope: 'organizationExcludingGuests', verified: false, mismatches: ['lobbyBypassSettings.scope'] });
  // The rest of the lock-down goes with it unchanged: chat off, recording off, names fixed.
  expect(meetings.patched).toMatchObject({ allowMeetingChat: 'disabled', allowRecording: false, allowParticipantsToChangeName: false });
  expect(entries.map((e) => [e.action, e.detail])).toEqual([['meeting.lobby-bypass-set', { stage: 'confidential', scope: 'organizationExcludingGuests', verified: false, mismatches: ['lobbyBypassSettings.scope'] }]]);
});

test('Graph failing, or no online meeting: audited with the code, never thrown', async () => {
  const meetings = new FakeMeetings();
  meetings.setMeetingOptions = async () => {
    throw new MeetingsError('GRAPH.UNAVAILABLE', 'down');
  };
  const { d, entries } = deps(meetings);
  expect(await applyLobbyBypass(d, c, on, 'confidential', 'family', chair)).toEqual({ scope: 'organizer', failed: 'GRAPH.UNAVAILABLE' });
  expect(await applyLobbyBypass(d, { ...c, meeting: undefined }, on, 'confidential', 'family', chair)).toEqual({ scope: 'organizer', failed: 'MEETING.NOT_CREATED' });
  expect(entries.map((e) => e.detail.code)).toEqual(['GRAPH.UNAVAILABLE', 'MEETING.NOT_CREATED']);
});
