// The council's document library for conference reports (a SharePoint drive through Graph):
// one folder per conference named by its case reference, files named without any person's name,
// shared with named people until an expiry, and the sharing revoked. docs/reports.md.
import { CodedError } from '../../domain/shared/coded-error';

export interface StoredReportFile {
  driveItemId: string;
  bytes: number;
}

export interface ReportShareInput {
  driveItemId: string;
  /** The reader's address (a directory user or an existing guest: app-only invites cannot create guests). */
  email: string;
  /** ISO instant the access ends (end of the conference day + the profile's days). */
  expiresAt: string;
}

export interface ReportStore {
  /** Uploads (or replaces) `fileName` in the conference's folder, creating the folder first. */
  upload(input: { caseReference: string; fileName: string; content: Buffer }): Promise<StoredReportFile>;
  /** The file at caseReference/fileName, or null: how a resumed upload learns it landed. */
  find(caseReference: string, fileName: string): Promise<StoredReportFile | null>;
  /** Read access for one person (sign-in required, no e-mail from SharePoint); repeat-safe. */
  share(input: ReportShareInput): Promise<{ permissionId: string }>;
  /** Removes one permission; a permission already gone is not an error. */
  revoke(driveItemId: string, permissionId: string): Promise<'revoked' | 'already-gone'>;
  /** Deletes the file (the retention job, docs/operations.md#retention); a file already gone is not an error. */
  remove(driveItemId: string): Promise<'deleted' | 'already-gone'>;
}

export const REPORT_STORE_ERROR_CODES = [
  'REPORTS.NOT_CONFIGURED',
  'REPORTS.STORAGE_UNAVAILABLE',
  'REPORTS.STORAGE_REFUSED',
  'REPORTS.STORAGE_ITEM_MISSING',
] as const;

export type ReportStoreErrorCode = (typeof REPORT_STORE_ERROR_CODES)[number];

export class ReportStoreError extends CodedError<ReportStoreErrorCode> {}
