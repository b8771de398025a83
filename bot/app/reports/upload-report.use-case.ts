// An invitee's own report (a professional's, a team manager's, the social worker's): checked (PDF,
// DOCX or ODT by extension and first bytes; at most the profile's size), stored in the council's
// drive, recorded on the invitee with whether it came by T9, then shared with everyone entitled.
// Steps: save 'uploading' → upload → revoke the replaced file's shares → record → share. A crash
// after the first step is resumed by the next run on the conference (resumeReportUploads).
import type { Viewer } from '../../domain/access/access-decision';
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { Conference, Invitee, ReportRecord } from '../../domain/conference/conference';
import { driveFileName, formatOfName, isOnTime, REPORT_CONTENT_TYPES, REPORTING_ROLES, reportDeadlines, sniffReportFormat } from '../../domain/reports/report-rules';
import { authorise } from '../access/authorise';
import type { Actor } from '../meetings/booking-deps';
import { type BookingRun, type Step, withBookingRun } from '../meetings/booking-run';
import { ReportStoreError, type StoredReportFile } from '../ports/report-store.port';
import { ReportError } from './report-errors';
import type { ReportDeps } from './report-deps';
import { reconcileReportAccessInRun, type SharingOutcome } from './report-sharing';

export interface UploadReportInput {
  conferenceId: string;
  inviteeId: string;
  viewer: Viewer;
  /** The name the uploader gave (personal data: stored, never logged). */
  fileName: string;
  /** The declared Content-Type, when there was one: it must agree with the file. */
  contentType?: string;
  content: Buffer;
}

export interface UploadedReport {
  inviteeId: string;
  fileName: string;
  contentType: string;
  bytes: number;
  receivedAt: string;
  onTime: boolean;
  /** The T9 day (null when the profile has none). */
  deadline: string | null;
  sharing: SharingOutcome;
}

const FILE_NAME = /^[^\\/:*?"<>|]{1,180}$/;
const hasControlCharacter = (name: string) => [...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** The checks that need no conference: name, size, type. Throws the first that fails. */
export function checkReportFile(input: Pick<UploadReportInput, 'fileName' | 'contentType' | 'content'>, maxBytes: number): keyof typeof REPORT_CONTENT_TYPES {
  if (!FILE_NAME.test(input.fileName) || hasControlCharacter(input.fileName) || input.fileName.trim() !== input.fileName) {
    throw new ReportError('REPORT.FILE_NAME_INVALID', 'the file name is missing, too long or has characters that cannot be used');
  }
  if (input.content.length === 0) throw new ReportError('REPORT.EMPTY', 'the file is empty');
  if (input.content.length > maxBytes) throw new ReportError('REPORT.TOO_LARGE', `the report is larger than ${maxBytes} bytes`, { maxBytes });
  const byName = formatOfName(input.fileName);
  const byBytes = sniffReportFormat(input.content);
  if (byName === null || byBytes !== byName) {
    throw new ReportError('REPORT.TYPE_NOT_ALLOWED', 'reports must be PDF, DOCX or ODT, and the file must be what its name says', { allowed: ['pdf', 'docx', 'odt'] });
  }
  const declared = input.contentType?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== REPORT_CONTENT_TYPES[byName]) {
    throw new ReportError('REPORT.TYPE_NOT_ALLOWED', 'the Content-Type does not match the file', { allowed: ['pdf', 'docx', 'odt'] });
  }
  return byName;
}

/** The conference inside a step's transaction (on PGlite a read outside it would wait for ever). */
async function loadIn(run: BookingRun, s: Step): Promise<Conference> {
  const c = await run.deps.store.get(run.conferenceId, s.tx);
  if (!c) throw new ReportError('CONFERENCE.NOT_FOUND', `conference ${run.conferenceId} not found`);
  return c;
}

function reporterOf(c: Conference, inviteeId: string): Invitee {
  const invitee = c.invitees.find((i) => i.id === inviteeId && i.status !== 'removed');
  if (!invitee) throw new ReportError('INVITEE.NOT_FOUND', `invitee ${inviteeId} is not on conference ${c.id}`);
  if (!REPORTING_ROLES.has(invitee.role)) throw new ReportError('REPORT.NOT_A_REPORTER', `invitee ${inviteeId} does not send a report`);
  return invitee;
}

/** A stood-down, held or closed conference receives nothing. */
export function requireCollecting(c: Conference): void {
  if (c.status === 'stood-down') throw new ReportError('REPORT.CONFERENCE_STOOD_DOWN', `conference ${c.id} was stood down`);
  if (c.status === 'held' || c.status === 'closed') throw new ReportError('REPORT.CONFERENCE_OVER', `conference ${c.id} has taken place`);
}

export async function uploadReport(deps: ReportDeps, input: UploadReportInput): Promise<UploadedReport> {
  const found = await deps.store.get(input.conferenceId);
  if (!found) throw new ReportError('CONFERENCE.NOT_FOUND', `conference ${input.conferenceId} not found`);
  await authorise(deps, input.viewer, 'report.upload-own', found, { inviteeId: input.inviteeId });
  reporterOf(found, input.inviteeId);
  requireCollecting(found);
  const profile = deps.profileFor(found.profileId);
  const format = checkReportFile(input, profile.reports.maxReportBytes);
  const actor: Actor = { id: input.viewer.id, role: input.viewer.role };

  return withBookingRun(deps, input.conferenceId, actor, async (run) => {
    await resumeInRun(run, deps);
    const pending = await run.step(async (s) => {
      const c = await loadIn(run, s);
      requireCollecting(c);
      const invitee = reporterOf(c, input.inviteeId);
      invitee.reportUpload = {
        state: 'uploading',
        driveFileName: driveFileName(c, invitee, format),
        fileName: input.fileName,
        contentType: REPORT_CONTENT_TYPES[format],
        bytes: input.content.length,
        startedAt: run.now(),
        by: input.viewer.id,
      };
      await s.save(c);
      await s.audit('report.upload-started', { inviteeId: invitee.id, format, bytes: input.content.length });
      return { caseReference: c.caseReference, driveFileName: invitee.reportUpload.driveFileName };
    });
    let stored: StoredReportFile;
    try {
      stored = await deps.reports.upload({ caseReference: pending.caseReference, fileName: pending.driveFileName, content: input.content });
    } catch (err) {
      // A lost answer may have stored it: keep 'uploading' for the resume to look. A refusal: clear it.
      if (err instanceof ReportStoreError && err.code !== 'REPORTS.STORAGE_UNAVAILABLE') {
        await run.step(async (s) => {
          const c = await loadIn(run, s);
          const invitee = c.invitees.find((i) => i.id === input.inviteeId);
          if (invitee) invitee.reportUpload = undefined;
          await s.save(c);
          await s.audit('report.upload-failed', { inviteeId: input.inviteeId, code: err.code });
        });
      }
      throw err;
    }
    const record = await completeUpload(run, deps, input.inviteeId, stored);
    const sharing = await reconcileReportAccessInRun(run, deps.reports);
    const c = await run.load();
    return {
      inviteeId: input.inviteeId,
      fileName: record.fileName,
      contentType: record.contentType,
      bytes: record.bytes,
      receivedAt: record.receivedAt,
      onTime: record.onTime,
      deadline: reportDeadlines(profile, createWorkingCalendar(profile.calendar, profile.extraClosures), c).T9,
      sharing,
    };
  });
}

/** Revokes the replaced file's shares (another item), then records the report. */
async function completeUpload(run: BookingRun, deps: ReportDeps, inviteeId: string, stored: StoredReportFile): Promise<ReportRecord> {
  const before = (await run.load()).invitees.find((i) => i.id === inviteeId)?.report;
  if (before && before.driveItemId !== stored.driveItemId) {
    for (const permissionId of Object.values(before.sharedWith ?? {})) await deps.reports.revoke(before.driveItemId, permissionId);
  }
  return run.step(async (s) => {
    const c = await loadIn(run, s);
    const invitee = c.invitees.find((i) => i.id === inviteeId);
    const pending = invitee?.reportUpload;
    if (!invitee || !pending) throw new ReportError('INVITEE.NOT_FOUND', `no upload in flight for invitee ${inviteeId}`);
    const profile = deps.profileFor(c.profileId);
    const t9 = reportDeadlines(profile, createWorkingCalendar(profile.calendar, profile.extraClosures), c).T9;
    const receivedOn = deps.clock.today();
    const previous = invitee.report;
    const sameItem = previous?.driveItemId === stored.driveItemId;
    const record: ReportRecord = {
      driveItemId: stored.driveItemId,
      fileName: pending.fileName,
      contentType: pending.contentType,
      bytes: pending.bytes,
      receivedAt: run.now(),
      receivedBy: pending.by,
      onTime: isOnTime(receivedOn, t9),
      // Content replaced in place keeps its permissions; a new item starts with none.
      sharedWith: sameItem ? (previous?.sharedWith ?? {}) : {},
    };
    invitee.report = record;
    invitee.reportUpload = undefined;
    await s.save(c);
    await s.audit('report.received', { inviteeId, onTime: record.onTime, deadline: t9, receivedOn, bytes: record.bytes, replaced: previous !== undefined });
    return record;
  });
}

/** Uploads left 'uploading' by a crash: recorded when the file is in the drive, else cleared (sent again). */
async function resumeInRun(run: BookingRun, deps: ReportDeps): Promise<number> {
  const c = await run.load();
  let resumed = 0;
  for (const invitee of c.invitees) {
    const pending = invitee.reportUpload;
    if (!pending) continue;
    const found = await deps.reports.find(c.caseReference, pending.driveFileName);
    if (found && found.bytes === pending.bytes) {
      await completeUpload(run, deps, invitee.id, found);
      resumed += 1;
      continue;
    }
    await run.step(async (s) => {
      const fresh = await loadIn(run, s);
      const inv = fresh.invitees.find((i) => i.id === invitee.id);
      if (inv) inv.reportUpload = undefined;
      await s.save(fresh);
      await s.audit('report.upload-lost', { inviteeId: invitee.id, bytes: pending.bytes });
    });
  }
  return resumed;
}

/** Resumes interrupted uploads and completes the sharing (a job or a clerk can run it; repeat-safe). */
export function resumeReportUploads(deps: ReportDeps, conferenceId: string, actor: Actor): Promise<{ resumed: number; sharing: SharingOutcome }> {
  return withBookingRun(deps, conferenceId, actor, async (run) => {
    const resumed = await resumeInRun(run, deps);
    return { resumed, sharing: await reconcileReportAccessInRun(run, deps.reports) };
  });
}
