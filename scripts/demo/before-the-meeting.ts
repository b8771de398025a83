// The demo's first part, through the API as the clerk: book the ICPC (the Teams meeting created
// in the chair's calendar and locked down), build the invite list (three professionals from the
// directory; two parents, the father with an exclusion window; the child), send the invitations.
// Every figure returned is the product's own answer, checked against the sandbox's calendar.
import { CASE_REFERENCE, CHAIR, CHILD, CLERK, FATHER, type FamilyMember, HEALTH, MOTHER, POLICE, SCHOOL, SOCIAL_WORKER } from './demo-cast';
import type { ProductApi } from './product-api';
import type { SandboxReads } from './sandbox-reads';
import type { Story } from './story-reporter';

export const CONFERENCE_DAY = '2027-01-06';
/** The father may not hear the discussion of the mother's disclosure (the chair's exclusion decision). */
export const FATHER_EXCLUSION = { from: `${CONFERENCE_DAY}T10:45`, to: `${CONFERENCE_DAY}T11:00`, grounds: 'Discussion of a disclosure made by another family member' };

export interface Booked {
  conferenceId: string;
  version: number;
  meetingCreated: boolean;
  optionsVerified: boolean;
  invitations: number;
  /** Invitee id by person (the staff by directory id, the family by key). */
  inviteeIds: Record<string, string>;
}

const familyDraft = (f: FamilyMember) =>
  f.role === 'child'
    ? { role: 'child', audience: 'family', displayName: f.displayName, email: f.email, ageBand: 'over-12', advocateOffered: { accepted: false } }
    : { role: f.role, audience: 'family', displayName: f.displayName, email: f.email, phone: f.phone, ...(f === FATHER ? { exclusions: [FATHER_EXCLUSION] } : {}) };

export async function bookAndInvite(api: ProductApi, sandbox: SandboxReads, story: Story): Promise<Booked> {
  story.step(`The clerk books an ICPC for ${CASE_REFERENCE} on ${CONFERENCE_DAY} at 10:00 (API)`);
  const created = await api.ok('POST', '/conferences', CLERK, {
    kind: 'ICPC', caseReference: CASE_REFERENCE, anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id,
    date: CONFERENCE_DAY, startTime: '10:00', durationMinutes: 90, confidentialMinutes: 30,
  });
  const conferenceId = String(created.json.conference.id);
  const booking = await api.ok('POST', `/conferences/${conferenceId}/booking`, CLERK, undefined, Number(created.json.version));
  const events = await sandbox.calendarEvents(CASE_REFERENCE);
  const meetingCreated = booking.json.conference.status === 'booked' && typeof booking.json.conference.joinUrl === 'string' && events.some((e) => e.joinUrl === booking.json.conference.joinUrl && !e.cancelled);
  const optionsVerified = booking.json.optionsVerified === true;
  story.detail(`statutory latest ${created.json.answer.statutoryLatest?.date ?? '—'}; Teams meeting in the chair's calendar: ${meetingCreated}; lobby locked down and read back: ${optionsVerified}`);
  const etag = (a: { etag: string | null }) => Number(a.etag?.replace(/"/g, ''));

  story.step('The clerk builds the invite list: police, health visitor and school from the directory; mother, father (excluded 10:45–11:00) and the child');
  const inviteeIds: Record<string, string> = {};
  // The invite list has its own version (its ETag), apart from the conference's.
  let version = etag(await api.ok('GET', `/conferences/${conferenceId}/invite-list`, CLERK));
  for (const p of [POLICE, HEALTH, SCHOOL]) {
    const added = await api.ok('POST', `/conferences/${conferenceId}/invite-list/invitees`, CLERK, { role: 'professional', agency: p.agency, displayName: p.displayName, email: p.mail, directoryId: p.id }, version);
    inviteeIds[p.id] = String(added.json.inviteeId);
    version = etag(added);
  }
  for (const f of [MOTHER, FATHER, CHILD]) {
    const added = await api.ok('POST', `/conferences/${conferenceId}/invite-list/invitees`, CLERK, familyDraft(f), version);
    inviteeIds[f.key] = String(added.json.inviteeId);
    version = etag(added);
  }
  const list = await api.ok('GET', `/conferences/${conferenceId}/invite-list`, CLERK);
  for (const i of list.json.invitees as { id: string; role: string; directoryId?: string }[]) {
    if (i.directoryId && !inviteeIds[i.directoryId]) inviteeIds[i.directoryId] = i.id;
  }
  story.detail(`${(list.json.invitees as unknown[]).length} on the list; warnings: ${(list.json.warnings as { code: string }[]).map((w) => w.code).join(', ') || 'none'}`);

  story.step('The clerk sends the invitations');
  const sent = await api.ok('POST', `/conferences/${conferenceId}/invitations`, CLERK);
  const invitations = (sent.json.invited as string[]).length;
  const familyMail = await sandbox.inbox([MOTHER.email, FATHER.email, CHILD.email], CASE_REFERENCE);
  story.detail(`invited ${invitations}: family e-mails in the sandbox ${familyMail.length} (sent ${sent.json.family.sent.length}), professionals asked on a 1:1 card ${sent.json.attendance.card.length}, by e-mailed link ${sent.json.attendance.email.length}, failed ${sent.json.attendance.failed.length}`);
  const conference = await api.ok('GET', `/conferences/${conferenceId}`, CLERK);
  return { conferenceId, version: etag(conference), meetingCreated, optionsVerified, invitations, inviteeIds };
}
