// Invented people and one invented conference for the access tests (no real names or references).
import type { Viewer } from '../../../bot/domain/access/access-decision';
import type { AccessRole } from '../../../bot/domain/access/access-policy';
import type { Conference, Invitee, InviteeRole } from '../../../bot/domain/conference/conference';

const person = (id: string, role: InviteeRole, displayName: string, extra: Partial<Invitee> = {}): Invitee => ({
  id,
  role,
  displayName,
  email: `${displayName.toLowerCase().replace(/ /g, '.')}@example.org`,
  status: 'invited',
  ...extra,
});

/** Each role's own entry on the conference (managers attend as a professional of social care). */
export const HOME_ENTRY: { readonly [R in AccessRole]: Invitee } = {
  clerk: person('inv-clerk', 'clerk', 'Charlie Clerk'),
  chair: person('inv-chair', 'chair', 'Casey Chair'),
  'social-worker': person('inv-sw', 'social-worker', 'Sam Worker'),
  'team-manager': person('inv-tm', 'team-manager', 'Terry Manager'),
  professional: person('inv-police', 'professional', 'Pat Officer', { agency: 'police' }),
  'family-member': person('inv-parent', 'parent', 'Alex Example', {
    joinAt: '2026-06-01T10:45',
    interpreter: { language: 'Polish', arrangement: 'Interpreter joins by phone' },
    notice: { deadline: '2026-05-21', met: true },
  }),
  'safeguarding-manager': person('inv-sgm', 'professional', 'Sky Safeguard', { agency: 'social-care' }),
  'service-manager': person('inv-svm', 'professional', 'Sol Service', { agency: 'social-care' }),
};

/** Everyone else on the list: the rest of the family side, an interpreter, other agencies. */
export const OTHER_ENTRIES: Invitee[] = [
  person('inv-parent2', 'parent', 'Jordan Sample', { joinAt: '2026-06-01T11:15' }),
  person('inv-child', 'child', 'Robin Sample', { joinAt: '2026-06-01T10:45' }),
  person('inv-other', 'family-other', 'Morgan Relative', { joinAt: '2026-06-01T10:45' }),
  person('inv-advocate', 'advocate', 'Avery Advocate', { joinAt: '2026-06-01T10:45' }),
  person('inv-supporter', 'supporter', 'Quinn Friend', { joinAt: '2026-06-01T10:45' }),
  person('inv-legal', 'legal-representative', 'Lee Solicitor', { joinAt: '2026-06-01T10:45' }),
  person('inv-foster', 'foster-carer', 'Frankie Carer', { joinAt: '2026-06-01T10:45' }),
  person('inv-interp', 'interpreter', 'Ira Interpreter', { joinAt: '2026-06-01T10:45' }),
  person('inv-observer', 'observer', 'Oakley Observer'),
  person('inv-school', 'professional', 'Drew Teacher', { agency: 'school' }),
  person('inv-gp', 'professional', 'Harper Doctor', { agency: 'health' }),
  person('inv-left', 'professional', 'Rowan Former', { agency: 'probation', status: 'removed' }),
];

export const ORGANISER_ID = '00000000-0000-4000-8000-0000000000c1';

/** A conference whose list holds every role's own entry, with `removed` ones marked removed. */
export function conferenceWith(opts: { removed?: readonly string[]; without?: readonly string[] } = {}): Conference {
  const entries = [...Object.values(HOME_ENTRY), ...OTHER_ENTRIES]
    .filter((i) => !opts.without?.includes(i.id))
    .map((i) => (opts.removed?.includes(i.id) ? { ...i, status: 'removed' as const } : { ...i }));
  return {
    id: 'conf-access-1',
    caseReference: 'CP-TEST-0001',
    kind: 'ICPC',
    profileId: 'england',
    start: '2026-06-01T10:00',
    end: '2026-06-01T12:00',
    familySectionStart: '2026-06-01T10:45',
    organizerId: ORGANISER_ID,
    status: 'booked',
    bookingVersion: 3,
    invitees: entries,
    meeting: {
      eventId: 'AAMkAGI2TGuLAAA=',
      transactionId: 'conf-access-1-v3',
      joinUrl: 'https://teams.example.org/l/meetup-join/xyz',
      optionsVerified: true,
      optionMismatches: [],
    },
    version: 7,
  };
}

/** A directory viewer (staff, managers) is matched by e-mail; a family member by their signed link. */
export function viewerFor(role: AccessRole, entry: Invitee = HOME_ENTRY[role]): Viewer {
  if (role === 'family-member') {
    return { id: `link-${entry.id}`, role, invitation: { conferenceId: 'conf-access-1', inviteeId: entry.id } };
  }
  return { id: `oid-${entry.id}`, role, email: entry.email.toUpperCase() };
}
