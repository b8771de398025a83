// The projection each viewer gets: a family member's view holds nothing of any other invitee
// (searched for in the serialised view) and nothing of the confidential section.
import type { Viewer } from '../../../bot/domain/access/access-decision';
import { ACCESS_ROLES } from '../../../bot/domain/access/access-policy';
import { viewOfConference } from '../../../bot/domain/access/view-of-conference';
import type { Invitee } from '../../../bot/domain/conference/conference';
import { conferenceWith, HOME_ENTRY, OTHER_ENTRIES, viewerFor } from './access-fixtures';

const conference = conferenceWith();
const everyone: Invitee[] = conference.invitees;

/** Every other invitee's name, e-mail and id (quoted) found in the serialised view. */
function leaksOf(json: string, own: Invitee): string[] {
  const lower = json.toLowerCase();
  return everyone
    .filter((i) => i.id !== own.id)
    .flatMap((i) => [i.displayName, i.email, `"${i.id}"`])
    .filter((needle) => lower.includes(needle.toLowerCase()));
}

const familyViewers: Array<[string, Viewer, Invitee]> = [
  HOME_ENTRY['family-member'],
  ...OTHER_ENTRIES.filter((i) => ['parent', 'child', 'family-other', 'advocate', 'supporter', 'legal-representative', 'foster-carer', 'interpreter', 'observer'].includes(i.role)),
].flatMap((entry) => [
  [`${entry.role} ${entry.id} by link`, viewerFor('family-member', entry), entry] as [string, Viewer, Invitee],
  // signed in with a directory identity that claims a staff role: still a family member here
  [`${entry.role} ${entry.id} signed in as a chair`, { id: `oid-${entry.id}`, role: 'chair', email: entry.email }, entry] as [string, Viewer, Invitee],
]);

describe('viewOfConference: family members', () => {
  it.each(familyViewers)('%s sees only their own invitation, the case reference, the date and their join time', (_, viewer, own) => {
    const view = viewOfConference(viewer, conference);
    expect(view).not.toBeNull();
    const json = JSON.stringify(view);
    expect(leaksOf(json, own)).toEqual([]);
    expect(view).toEqual({
      audience: 'family',
      conferenceId: 'conf-access-1',
      caseReference: 'CP-TEST-0001',
      date: '2026-06-01',
      ...(own.joinAt && { joinAt: own.joinAt }),
      invitation: {
        inviteeId: own.id,
        role: own.role,
        displayName: own.displayName,
        email: own.email,
        status: own.status,
        ...(own.joinAt && { joinAt: own.joinAt }),
        ...(own.interpreter && { interpreter: own.interpreter }),
      },
    });
    // Nothing of the confidential section: not its start (10:00), not the family section's own
    // boundary, the agencies, the meeting record or the whole list.
    for (const needle of ['T10:00', 'familySectionStart', 'invitees', 'agency', 'police', 'joinUrl', 'eventId', 'AAMk', 'notice']) {
      expect(json).not.toContain(needle);
    }
  });

  it('a removed family member, or one of another conference, gets no view at all', () => {
    expect(viewOfConference(viewerFor('family-member'), conferenceWith({ removed: ['inv-parent'] }))).toBeNull();
    expect(viewOfConference(viewerFor('family-member'), { ...conference, id: 'conf-access-2' })).toBeNull();
  });
});

describe('viewOfConference: professionals and staff', () => {
  it('a professional sees the conference and their own invitation, but no other invitee', () => {
    const own = HOME_ENTRY.professional;
    const view = viewOfConference(viewerFor('professional'), conference);
    expect(view?.audience).toBe('professional');
    expect(leaksOf(JSON.stringify(view), own)).toEqual([]);
    expect(view).toMatchObject({ start: '2026-06-01T10:00', familySectionStart: '2026-06-01T10:45', invitation: { inviteeId: own.id } });
  });

  it.each(['clerk', 'chair', 'social-worker', 'team-manager', 'safeguarding-manager', 'service-manager'] as const)(
    '%s sees the whole list, without the mail and meeting internals',
    (role) => {
      const view = viewOfConference(viewerFor(role), conference);
      expect(view?.audience).toBe('staff');
      const json = JSON.stringify(view);
      for (const i of everyone) expect(json).toContain(i.email);
      for (const needle of ['eventId', 'transactionId', 'bookingVersion', 'organizerId', '"mail"']) expect(json).not.toContain(needle);
    },
  );

  it('a manager who is not part of it still sees it council-wide; anyone else who is not part of it sees nothing', () => {
    for (const role of ACCESS_ROLES) {
      const view = viewOfConference(viewerFor(role), conferenceWith({ without: [HOME_ENTRY[role].id] }));
      if (role === 'safeguarding-manager' || role === 'service-manager') expect(view?.audience).toBe('staff');
      else expect(view).toBeNull();
    }
  });
});
