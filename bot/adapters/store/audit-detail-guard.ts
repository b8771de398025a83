// Keeps personal data out of audit entries. The rule (docs/storage.md):
//  - detail keys are identifiers ([A-Za-z][A-Za-z0-9_.]*, at most 64 characters), at most 32 of them,
//    and none names personal data: a key ending in name, email, mail, phone, address, postcode,
//    text, note(s), comment(s), body, message, description, dob or birth is refused;
//  - a string value has no whitespace (names and free text do; ids, codes and dates do not), no
//    '@' (e-mail addresses; Teams thread ids '19:…@thread.v2|tacv2|skype' excepted) and at most
//    200 characters (Graph event ids run to about 150–180);
//  - numbers are finite; arrays have at most 100 elements, each following the same rule;
//  - actorId, actorRole, action and conferenceId follow the string rule too, and action is a
//    dotted lower-case code ('meeting.created').
// Refusals name the key, never the value.
import type { AuditEntryInput } from '../../app/ports/audit-log.port';

export class AuditDetailRejected extends Error {
  readonly code = 'AUDIT.PERSONAL_DATA_IN_DETAIL';
  constructor(readonly field: string, readonly reason: string) {
    super(`audit entry refused: ${field} ${reason}`);
  }
}

const KEY_RE = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;
const PERSONAL_KEY_RE = /(name|email|mail|phone|address|postcode|text|notes?|comments?|body|message|description|dob|birth)$/i;
const TEAMS_THREAD_RE = /^19:[A-Za-z0-9_.:=-]+@thread\.(v2|tacv2|skype)$/;
const ACTION_RE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
export const AUDIT_STRING_MAX = 200;
const MAX_KEYS = 32;
const MAX_ARRAY = 100;

function checkString(field: string, value: string): void {
  if (value.length > AUDIT_STRING_MAX) throw new AuditDetailRejected(field, `is longer than ${AUDIT_STRING_MAX} characters`);
  if (/\s/.test(value)) throw new AuditDetailRejected(field, 'contains whitespace (free text or a name)');
  if (value.includes('@') && !TEAMS_THREAD_RE.test(value)) throw new AuditDetailRejected(field, "contains '@' (an e-mail address)");
}

function checkScalar(field: string, value: unknown): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AuditDetailRejected(field, 'is not a finite number');
    return;
  }
  if (typeof value === 'string') {
    checkString(field, value);
    return;
  }
  throw new AuditDetailRejected(field, 'is not a string, number, boolean or null');
}

export function assertAuditEntryAllowed(entry: AuditEntryInput): void {
  checkString('actorId', entry.actorId);
  checkString('actorRole', entry.actorRole);
  if (!ACTION_RE.test(entry.action)) throw new AuditDetailRejected('action', 'is not a dotted lower-case code');
  if (entry.conferenceId !== null) checkString('conferenceId', entry.conferenceId);
  if (typeof entry.detail !== 'object' || entry.detail === null || Array.isArray(entry.detail)) {
    throw new AuditDetailRejected('detail', 'is not an object');
  }
  const keys = Object.keys(entry.detail);
  if (keys.length > MAX_KEYS) throw new AuditDetailRejected('detail', `has more than ${MAX_KEYS} keys`);
  for (const key of keys) {
    if (!KEY_RE.test(key)) throw new AuditDetailRejected(`detail key #${keys.indexOf(key)}`, 'is not an identifier');
    if (PERSONAL_KEY_RE.test(key)) throw new AuditDetailRejected(`detail.${key}`, 'names personal data');
    const value: unknown = entry.detail[key];
    if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY) throw new AuditDetailRejected(`detail.${key}`, `has more than ${MAX_ARRAY} elements`);
      value.forEach((v, i) => {
        if (typeof v !== 'string' && typeof v !== 'number') throw new AuditDetailRejected(`detail.${key}[${i}]`, 'is not a string or number');
        checkScalar(`detail.${key}[${i}]`, v);
      });
    } else {
      checkScalar(`detail.${key}`, value);
    }
  }
}
