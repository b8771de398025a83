// Who is in the demo's conference: the local directory's invented people (seed-people.ts) as
// the professionals, and an invented family (never a name from the seed files of DOMAIN-RULES).
// Each has the Teams participant id they join the meeting with; the family join as guests, whose
// accounts carry their e-mail address (matched to their invitation by it, never by name).
import { SEED_PEOPLE, type SeedPerson, seedPerson } from '../graph-sandbox/directory/seed-people';
import type { Participant } from './meeting-activities';

export const CASE_REFERENCE = 'MOS4455667';

export const CLERK = seedPerson('clerk');
export const CHAIR = seedPerson('chair');
export const SOCIAL_WORKER = seedPerson('social-worker');
export const POLICE = SEED_PEOPLE.find((p) => p.agency === 'police')!;
export const HEALTH = SEED_PEOPLE.find((p) => p.jobTitle === 'Health Visitor')!;
export const SCHOOL = SEED_PEOPLE.find((p) => p.agency === 'education')!;

export interface FamilyMember {
  key: 'mother' | 'father' | 'child';
  role: 'parent' | 'child';
  displayName: string;
  email: string;
  phone?: string;
}

export const MOTHER: FamilyMember = { key: 'mother', role: 'parent', displayName: 'Pat Sample', email: 'pat.sample@family.example', phone: '07700 900201' };
export const FATHER: FamilyMember = { key: 'father', role: 'parent', displayName: 'Lee Sample', email: 'lee.sample@family.example', phone: '07700 900202' };
export const CHILD: FamilyMember = { key: 'child', role: 'child', displayName: 'Kit Sample', email: 'kit.sample@family.example' };

/** How a directory person appears in the meeting: their Entra account. */
export const staffParticipant = (p: SeedPerson, role = 'Attendee'): Participant => ({
  participantId: `29:demo-${p.id.slice(-4)}`,
  aadObjectId: p.id,
  name: p.displayName,
  userPrincipalName: p.mail,
  role,
});

/** How a family member appears: a guest account with their e-mail, no Entra id in the council's tenant. */
export const familyParticipant = (f: FamilyMember): Participant => ({
  participantId: `29:demo-guest-${f.key}`,
  name: f.displayName,
  email: f.email,
  role: 'Attendee',
});
