// Agency reports (DOMAIN-RULES §3; issue 8): which files are accepted, who may read whose report,
// when each counts as on time (T9) and the social work report's sharing deadlines (T10, T10b).
// Pure: the use cases in bot/app/reports apply it.
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { ACCESS_ROLE_OF_INVITEE } from '../access/access-policy';
import type { Conference, Invitee } from '../conference/conference';
import type { PolicyProfile } from '../policy/policy-profile';
import { computeDeadlines } from '../timescales/compute-deadlines';

export type ReportFormat = 'pdf' | 'docx' | 'odt';

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, from), Math.min(to, bytes.length)));
/** How far from the end the zip's central directory (every entry's name) is looked for. */
const CENTRAL_DIRECTORY_WINDOW = 256 * 1024;

/**
 * The format the bytes really are, or null. PDF: "%PDF-". ODT: a zip whose first entry is
 * "mimetype" holding application/vnd.oasis.opendocument.text (the OpenDocument packaging rule).
 * DOCX: a zip with "[Content_Types].xml" and a "word/" part among its entries' names.
 */
export function sniffReportFormat(bytes: Uint8Array): ReportFormat | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (!startsWith(bytes, ZIP)) return null;
  const nameLength = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  const extraLength = (bytes[28] ?? 0) | ((bytes[29] ?? 0) << 8);
  if (ascii(bytes, 30, 30 + nameLength) === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    return ascii(bytes, start, start + REPORT_CONTENT_TYPES.odt.length) === REPORT_CONTENT_TYPES.odt ? 'odt' : null;
  }
  // The central directory lists every entry's name; a Word document has both of these.
  const names = ascii(bytes, 0, 64 * 1024) + ascii(bytes, bytes.length - CENTRAL_DIRECTORY_WINDOW, bytes.length);
  return names.includes('[Content_Types].xml') && names.includes('word/') ? 'docx' : null;
}

/** The format a file name claims by its extension, or null. */
export function formatOfName(fileName: string): ReportFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext === 'pdf' || ext === 'docx' || ext === 'odt' ? ext : null;
}

/** The name in the drive: case reference, the author's role or agency and invitee id — no person's name. */
export function driveFileName(conference: Pick<Conference, 'caseReference'>, author: Pick<Invitee, 'id' | 'role' | 'agency'>, format: ReportFormat): string {
  const who = (author.role === 'professional' ? (author.agency ?? 'professional') : author.role).replace(/[^A-Za-z0-9-]/g, '-');
  return `${conference.caseReference} ${who} report ${author.id.replace(/[^A-Za-z0-9-]/g, '-')}.${format}`;
}

export interface ReportDeadlines {
  /** Agency reports to the convening team (null: the profile has no T9). */
  T9: IsoDate | null;
  /** Social work report shared with the family (the variant for this kind of conference). */
  T10: IsoDate | null;
  /** Social work report to the chair and clerk. */
  T10b: IsoDate | null;
}

export function reportDeadlines(profile: PolicyProfile, calendar: WorkingCalendar, conference: Pick<Conference, 'kind' | 'start'>): ReportDeadlines {
  const all = computeDeadlines(profile, calendar, { conference: conference.start.slice(0, 10) }, { kind: conference.kind });
  const date = (rule: string) => all.find((d) => d.rule === rule)?.date ?? null;
  return { T9: date('T9'), T10: date('T10'), T10b: date('T10b') };
}

/** On time: received (Europe/London date) on or before the T9 day; no T9 means always on time. */
export const isOnTime = (receivedOn: IsoDate, t9: IsoDate | null): boolean => t9 === null || receivedOn <= t9;

/** Roles that read every report of their conference. */
const ALWAYS_READ = new Set(['chair', 'clerk', 'social-worker']);
/** Roles that write a report (report.upload-own) and read others' under the attending/reporting rule. */
export const REPORTING_ROLES = new Set(['professional', 'team-manager', 'social-worker']);

const latestAnswer = (i: Invitee) => i.attendance?.[i.attendance.length - 1]?.answer;

/**
 * Who may read `author`'s report: the chair, clerk and social worker, and the professionals
 * attending or reporting — under Sheffield's rule (shareReportsOnlyWithOnTimeContributors) only
 * those whose own report came by T9. Never a family member (or an interpreter or observer),
 * never anyone removed, never on a stood-down conference. The author is not listed.
 */
export function entitledReaders(conference: Conference, profile: PolicyProfile, authorId: string): Invitee[] {
  if (conference.status === 'stood-down' || conference.status === 'closed') return [];
  return conference.invitees.filter((i) => {
    if (i.id === authorId || i.status === 'removed') return false;
    if (ACCESS_ROLE_OF_INVITEE[i.role] === 'family-member') return false;
    if (ALWAYS_READ.has(i.role)) return true;
    if (i.role !== 'professional' && i.role !== 'team-manager') return false;
    if (profile.reports.shareReportsOnlyWithOnTimeContributors) return i.report?.onTime === true;
    return latestAnswer(i) === 'attending' || i.report !== undefined;
  });
}

/** Whether `reader` may read `author`'s report (the API's listing uses the same rule). */
export function mayRead(conference: Conference, profile: PolicyProfile, reader: Invitee, author: Invitee): boolean {
  return reader.id === author.id || entitledReaders(conference, profile, author.id).some((i) => i.id === reader.id);
}
