// Every code the reports area can end with (docs/reports.md); the edges' tables map each.
import { CodedError } from '../../domain/shared/coded-error';
import type { ReportStoreErrorCode } from '../ports/report-store.port';

export const REPORT_ERROR_CODES = [
  /** Not PDF, DOCX or ODT: by extension and by the file's own first bytes (they must agree). */
  'REPORT.TYPE_NOT_ALLOWED',
  /** Larger than the profile's reports.maxReportBytes. */
  'REPORT.TOO_LARGE',
  /** An empty body. */
  'REPORT.EMPTY',
  /** The file name is missing, too long, or has path or control characters. */
  'REPORT.FILE_NAME_INVALID',
  /** The conference was stood down: nothing more is received or shared. */
  'REPORT.CONFERENCE_STOOD_DOWN',
  /** The conference has been held or closed. */
  'REPORT.CONFERENCE_OVER',
  /** This invitee's role does not write a report (only professionals, team managers and the social worker). */
  'REPORT.NOT_A_REPORTER',
] as const;

export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number] | 'CONFERENCE.NOT_FOUND' | 'INVITEE.NOT_FOUND';

/** The area's codes with the storage port's. */
export type ReportAreaErrorCode = ReportErrorCode | ReportStoreErrorCode;

export class ReportError extends CodedError<ReportErrorCode> {}
