// Crash safety of a report upload (bot/app/reports): the 'uploading' state is saved before the
// Graph call; a run that dies after Graph stored the file (or before) is resumed by the next run:
// the file found in the drive is recorded and shared, a file never stored is cleared and audited.
import type { Database } from '../../bot/adapters/store/database';
import { type ReportStore, ReportStoreError } from '../../bot/app/ports/report-store.port';
import type { ReportDeps } from '../../bot/app/reports/report-deps';
import { resumeReportUploads, uploadReport } from '../../bot/app/reports/upload-report.use-case';
import type { Viewer } from '../../bot/domain/access/access-decision';
import { DriveStore } from '../../scripts/graph-sandbox/drive-store';
import { DEFAULT_DRIVE } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { type Harness, startHarness } from './sandbox-harness';
import { auditActions, sqlBookingDeps } from './sql-booking-deps';
import { migratedMemoryDatabase } from '../support/template-databases';

let harness: Harness;
let db: Database;
let deps: ReportDeps & ReturnType<typeof sqlBookingDeps>;
/** What the "crashing" library does around the real upload. */
let crash: 'after-upload' | 'before-upload' | null = null;

beforeAll(async () => {
  harness = await startHarness({}, { reportsDriveId: DEFAULT_DRIVE.id, timeoutMs: 60_000 });
  db = await migratedMemoryDatabase();
  const real = harness.graph.reports;
  const reports: ReportStore = {
    find: (c, f) => real.find(c, f),
    share: (i) => real.share(i),
    revoke: (d, p) => real.revoke(d, p),
    remove: (d) => real.remove(d),
    async upload(input) {
      // A lost answer or a process killed mid-request: Graph may or may not have the file.
      if (crash === 'before-upload') throw new ReportStoreError('REPORTS.STORAGE_UNAVAILABLE', 'connection reset');
      const stored = await real.upload(input);
      if (crash === 'after-upload') throw new ReportStoreError('REPORTS.STORAGE_UNAVAILABLE', 'connection reset after the request');
      return stored;
    },
  };
  deps = { ...sqlBookingDeps(harness, db), reports };
  deps.clock.set('2026-11-23T10:00:00.000Z');
}, 60_000);
afterAll(async () => {
  await db?.close();
  await harness?.stop();
});

const POLICE: Viewer = { id: '5eed0000-0000-4000-8000-000000000010', role: 'professional', email: 'officer@police.example' };
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x41)]);

async function conference(id: string, caseReference: string) {
  await deps.store.create({
    id, caseReference, kind: 'ICPC', profileId: 'england', start: '2026-12-14T10:00', end: '2026-12-14T12:00',
    organizerId: 'clerk@council.example', status: 'booked', bookingVersion: 1,
    invitees: [
      { id: 'inv-chair', role: 'chair', displayName: 'Invented Chair', email: 'chair@council.example', status: 'invited' },
      { id: 'inv-police', role: 'professional', agency: 'police', displayName: 'Invented Officer', email: POLICE.email!, status: 'invited' },
    ],
  });
}

it('Graph stored the file but the answer was lost: the state stays "uploading", and the resume records and shares it', async () => {
  await conference('conf-crash-1', 'CP-2026-7301');
  crash = 'after-upload';
  await expect(uploadReport(deps, { conferenceId: 'conf-crash-1', inviteeId: 'inv-police', viewer: POLICE, fileName: 'r.pdf', content: pdf })).rejects.toMatchObject({
    code: 'REPORTS.STORAGE_UNAVAILABLE',
  });
  const interrupted = (await deps.store.get('conf-crash-1'))!.invitees.find((i) => i.id === 'inv-police')!;
  expect(interrupted.reportUpload).toMatchObject({ state: 'uploading', bytes: pdf.length, driveFileName: 'CP-2026-7301 police report inv-police.pdf' });
  expect(interrupted.report).toBeUndefined();
  expect(await auditActions(deps, 'conf-crash-1')).toEqual(['report.upload-started']);

  crash = null;
  const resumed = await resumeReportUploads(deps, 'conf-crash-1', { id: 'system', role: 'system' });
  expect(resumed).toEqual({ resumed: 1, sharing: { granted: 1, revoked: 0, incomplete: false } });
  const after = (await deps.store.get('conf-crash-1'))!.invitees.find((i) => i.id === 'inv-police')!;
  expect(after.reportUpload).toBeUndefined();
  const items = await new DriveStore(harness.sandbox.db).listItems(DEFAULT_DRIVE.id);
  const file = items.find((i) => i.name === 'CP-2026-7301 police report inv-police.pdf')!;
  expect(after.report).toMatchObject({ driveItemId: file.id, bytes: pdf.length, onTime: true, fileName: 'r.pdf' });
  expect(Object.keys(after.report!.sharedWith!)).toEqual(['inv-chair']);
  expect(await auditActions(deps, 'conf-crash-1')).toEqual(['report.upload-started', 'report.received', 'report.shared']);
  // Running it again finds nothing to do.
  expect(await resumeReportUploads(deps, 'conf-crash-1', { id: 'system', role: 'system' })).toEqual({ resumed: 0, sharing: { granted: 0, revoked: 0, incomplete: false } });
});

it('the process died before Graph had the file: the resume clears the state and audits it lost; a new upload then succeeds', async () => {
  await conference('conf-crash-2', 'CP-2026-7302');
  crash = 'before-upload';
  await expect(uploadReport(deps, { conferenceId: 'conf-crash-2', inviteeId: 'inv-police', viewer: POLICE, fileName: 'r.pdf', content: pdf })).rejects.toMatchObject({
    code: 'REPORTS.STORAGE_UNAVAILABLE',
  });
  crash = null;
  // The next upload resumes first (nothing in the drive: lost), then does its own.
  const done = await uploadReport(deps, { conferenceId: 'conf-crash-2', inviteeId: 'inv-police', viewer: POLICE, fileName: 'second.pdf', content: pdf });
  expect(done).toMatchObject({ fileName: 'second.pdf', onTime: true });
  expect(await auditActions(deps, 'conf-crash-2')).toEqual(['report.upload-started', 'report.upload-lost', 'report.upload-started', 'report.received', 'report.shared']);
});

it('a late report (after T9) is recorded as not on time', async () => {
  await conference('conf-crash-3', 'CP-2026-7303');
  deps.clock.set('2026-12-11T10:00:00.000Z');
  const done = await uploadReport(deps, { conferenceId: 'conf-crash-3', inviteeId: 'inv-police', viewer: POLICE, fileName: 'late.pdf', content: pdf });
  expect(done).toMatchObject({ onTime: false, deadline: '2026-12-09' });
});
