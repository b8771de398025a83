// The local directory's people: invented chairs, clerks, social workers, managers and agency
// professionals, each with a fixed Entra-style object id so tests, the sandbox's /users and the
// local sign-in all name the same person. Every name and address here is invented.
import type { AccessRole } from '../../../bot/domain/access/access-policy';
import type { Agency } from '../../../bot/domain/conference/agency';

export interface SeedPerson {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  jobTitle: string;
  department: string;
  agency: Agency;
  role: AccessRole;
}

const DOMAIN = 'sandbox.example';

function person(n: number, givenName: string, surname: string, jobTitle: string, agency: Agency, role: AccessRole): SeedPerson {
  const id = `5eed0000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
  const mail = `${givenName}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${DOMAIN}`;
  return { id, displayName: `${givenName} ${surname}`, givenName, surname, mail, jobTitle, department: agency, agency, role };
}

export const SEED_PEOPLE: readonly SeedPerson[] = [
  person(1, 'Avery', 'Quill', 'Child Protection Chair', 'childrens-social-care', 'chair'),
  person(2, 'Morgan', 'Hale', 'Independent Reviewing Officer', 'childrens-social-care', 'chair'),
  person(3, 'Casey', 'Thorn', 'Conference Clerk', 'childrens-social-care', 'clerk'),
  person(4, 'Robin', 'Vale', 'Minute Taker', 'childrens-social-care', 'clerk'),
  person(5, 'Jordan', 'Pike', 'Social Worker', 'childrens-social-care', 'social-worker'),
  person(6, 'Taylor', 'Brook', 'Senior Social Worker', 'childrens-social-care', 'social-worker'),
  person(7, 'Riley', 'Stone', 'Team Manager', 'childrens-social-care', 'team-manager'),
  person(8, 'Quinn', 'Marsh', 'Safeguarding Manager', 'childrens-social-care', 'safeguarding-manager'),
  person(9, 'Drew', 'Fenwick', 'Service Manager', 'childrens-social-care', 'service-manager'),
  person(10, 'Sam', 'Ashdown', 'Detective Constable, Public Protection Unit', 'police', 'professional'),
  person(11, 'Alex', 'Rowan', 'Health Visitor', 'health', 'professional'),
  person(12, 'Jamie', 'Linden', 'Designated Safeguarding Lead, Oakfield Primary', 'education', 'professional'),
  person(13, 'Charlie', 'Moss', 'Probation Officer', 'probation', 'professional'),
  person(14, 'Frankie', 'Dale', 'General Practitioner', 'health', 'professional'),
];

/** A seeded person by role (the first one), for tests and examples. */
export function seedPerson(role: AccessRole, index = 0): SeedPerson {
  const p = SEED_PEOPLE.filter((s) => s.role === role)[index];
  if (!p) throw new Error(`no seeded ${role} #${index}`);
  return p;
}
