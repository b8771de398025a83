// Reports over real HTTP (local mode, dev sign-in for seeded people) against the strict Graph
// sandbox's document library: upload, who gets read access (and who never does), Sheffield's
// rule, the expiry, revoking on removal and stand-down, T10/T10b, and every refusal changing nothing.
import { systemClock } from '../../bot/adapters/clock/system-clock';
import { SqlAuditLog } from '../../bot/adapters/store/sql-audit-log';
import { SqlClerkAlerts } from '../../bot/adapters/store/sql-clerk-alerts';
import { SqlConferenceLease } from '../../bot/adapters/store/sql-conference-lease';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlUnitOfWork } from '../../bot/adapters/store/sql-unit-of-work';
import { endOfLondonDay } from '../../bot/app/reports/london-time';
import type { ReportDeps } from '../../bot/app/reports/report-deps';
import { reconcileReportAccess } from '../../bot/app/reports/report-sharing';
import { createWorkingCalendar } from '../../bot/domain/calendar/create-working-calendar';
import type { Conference, Invitee } from '../../bot/domain/conference/conference';
import { resolveProfile } from '../../bot/domain/policy/resolve-profile';
import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { DriveStore } from '../../scripts/graph-sandbox/drive-store';
import { DEFAULT_DRIVE } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY } from '../../scripts/local/sandbox-defaults';
import { type Harness, startHarness } from '../graph/sandbox-harness';
import { StaticDirectory } from '../support/static-directory';
import { type TestServer, startTestServer } from './support/test-server';

const CHAIR = seedPerson('chair');
const CLERK = seedPerson('clerk');
const SW = seedPerson('social-worker');
const POLICE = seedPerson('professional', 0);
const HEALTH = seedPerson('professional', 1);
const SCHOOL = seedPerson('professional', 2);
const PARENT_EMAIL = 'parent.example@family.example';

// biome-ignore lint/suspicious/noExplicitAny: tests read the API's JSON answers freely and assert exact values
type Json = any;
const PDF_TYPE = 'application/pdf';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const pdf = (n: number, fill = 0x41) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(Math.max(0, n - 9), fill)]);
const docx = () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('[Content_Types].xml word/document.xml')]);

const calendar = createWorkingCalendar('england-and-wales');
const today = systemClock.today();
/** Far enough ahead that T9 (3 working days before) has not passed. */
const AHEAD = calendar.addWorkingDays(today, 12);
/** So close that T9 has passed: a report now is late. */
const SOON = calendar.addWorkingDays(today, 1);

let harness: Harness;
let bot: TestServer;
let deps: ReportDeps;
const tokens = new Map<string, string>();

beforeAll(async () => {
  // The sandbox keeps file bytes in PGlite: a 5 MB fragment can take seconds on a busy machine.
  harness = await startHarness({}, { reportsDriveId: DEFAULT_DRIVE.id, timeoutMs: 60_000 });
  bot = await startTestServer({ deps: { directory: new StaticDirectory(), reports: harness.graph.reports } });
  const audit = new SqlAuditLog(bot.db, systemClock, LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY);
  deps = {
    store: new SqlConferenceStore(bot.db),
    uow: new SqlUnitOfWork(bot.db),
    lease: new SqlConferenceLease(bot.db, systemClock),
    audit,
    alerts: new SqlClerkAlerts(bot.db, audit, systemClock),
    clock: systemClock,
    meetings: harness.graph.meetings,
    mailer: harness.graph.mailer,
    profileFor: (id) => resolveProfile(id),
    mailSender: harness.config.mailSender,
    reports: harness.graph.reports,
  };
  for (const p of [CHAIR, CLERK, SW, POLICE, HEALTH, SCHOOL]) {
    const res = await bot.post('/api/v1/dev/sign-in', { userId: p.id });
    tokens.set(p.id, (res.json as { accessToken: string }).accessToken);
  }
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await harness?.stop();
});

function invitee(id: string, role: Invitee['role'], email: string, extra: Partial<Invitee> = {}): Invitee {
  return { id, role, displayName: `Invented ${id}`, email, status: 'invited', ...extra };
}

async function createConference(id: string, caseReference: string, date: string, overrides: Partial<Conference> = {}): Promise<Conference> {
  return deps.store.create({
    id,
    caseReference,
    kind: 'ICPC',
    profileId: 'england',
    start: `${date}T10:00`,
    end: `${date}T12:00`,
    organizerId: CLERK.id,
    status: 'booked',
    bookingVersion: 1,
    invitees: [
      invitee('inv-chair', 'chair', CHAIR.mail),
      invitee('inv-clerk', 'clerk', CLERK.mail),
      invitee('inv-sw', 'social-worker', SW.mail),
      invitee('inv-police', 'professional', POLICE.mail, { agency: 'police' }),
      invitee('inv-health', 'professional', HEALTH.mail, { agency: 'health', attendance: [{ answer: 'attending', at: '2026-11-01T09:00:00Z', by: HEALTH.id, via: 'api' }] }),
      invitee('inv-school', 'professional', SCHOOL.mail, { agency: 'education' }),
      invitee('inv-parent', 'parent', PARENT_EMAIL),
    ],
    ...overrides,
  });
}

async function upload(person: { id: string }, conferenceId: string, inviteeId: string, body: Buffer, contentType = PDF_TYPE, name = 'my report.pdf', headers: Record<string, string> = {}) {
  const res = await fetch(`${bot.url}/api/v1/conferences/${conferenceId}/invitees/${inviteeId}/report?filename=${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tokens.get(person.id)}`, 'content-type': contentType, ...headers },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, Json> };
}

async function get(person: { id: string }, path: string) {
  const res = await fetch(`${bot.url}${path}`, { headers: { authorization: `Bearer ${tokens.get(person.id)}` } });
  return { status: res.status, json: (await res.json()) as Record<string, Json> };
}

const drive = () => new DriveStore(harness.sandbox.db);
/** The addresses holding a permission on the item, sorted. */
async function readersOf(itemId: string): Promise<string[]> {
  return (await drive().permissions(itemId)).map((p) => p.email ?? '').sort();
}
async function fileIn(caseReference: string, name: string) {
  const items = await drive().listItems(DEFAULT_DRIVE.id);
  const folder = items.find((i) => i.isFolder && i.name === caseReference && i.parentId !== null);
  return folder ? items.find((i) => i.parentId === folder.id && i.name === name) : undefined;
}

describe('upload and sharing (England: attending or reporting professionals)', () => {
  const ID = 'conf-rep-1';
  const CASE = 'CP-2026-7101';
  beforeAll(() => createConference(ID, CASE, AHEAD));

  it('stores the police report under the case reference (no person named) and shares it with chair, clerk, social worker and the attending professional only', async () => {
    const res = await upload(POLICE, ID, 'inv-police', pdf(2000));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ inviteeId: 'inv-police', fileName: 'my report.pdf', contentType: PDF_TYPE, bytes: 2000, onTime: true, sharing: { granted: 4, revoked: 0, incomplete: false } });
    expect(res.json.deadline).toBe(calendar.addWorkingDays(AHEAD, -3));
    const file = await fileIn(CASE, `${CASE} police report inv-police.pdf`);
    expect(file).toMatchObject({ size: 2000, mimeType: PDF_TYPE });
    expect(await readersOf(file!.id)).toEqual([CHAIR.mail, CLERK.mail, HEALTH.mail, SW.mail].sort());
    const permissions = await drive().permissions(file!.id);
    for (const p of permissions) {
      expect(p).toMatchObject({ roles: ['read'], signInRequired: true, invitationSent: false, expiration: endOfLondonDay(AHEAD) });
    }
    // Never the family, never the professional who neither attends nor reports.
    expect(permissions.some((p) => p.email === PARENT_EMAIL || p.email === SCHOOL.mail)).toBe(false);
    const stored = await deps.store.get(ID);
    const police = stored!.invitees.find((i) => i.id === 'inv-police')!;
    expect(police.report).toMatchObject({ driveItemId: file!.id, onTime: true, receivedBy: POLICE.id });
    expect(police.reportUpload).toBeUndefined();
    expect(Object.keys(police.report!.sharedWith!).sort()).toEqual(['inv-chair', 'inv-clerk', 'inv-health', 'inv-sw']);
  });

  it('a reporting professional gets the others\' reports: the school sends a DOCX, and then reads the police report', async () => {
    const res = await upload(SCHOOL, ID, 'inv-school', docx(), DOCX_TYPE, 'school.docx');
    expect(res.status).toBe(200);
    const policeFile = await fileIn(CASE, `${CASE} police report inv-police.pdf`);
    expect(await readersOf(policeFile!.id)).toContain(SCHOOL.mail);
    const schoolFile = await fileIn(CASE, `${CASE} education report inv-school.docx`);
    expect(await readersOf(schoolFile!.id)).toEqual([CHAIR.mail, CLERK.mail, HEALTH.mail, POLICE.mail, SW.mail].sort());
  });

  it('lists what each caller may read (never the content), with the T9 day', async () => {
    const asClerk = await get(CLERK, `/api/v1/conferences/${ID}/reports`);
    expect(asClerk.status).toBe(200);
    expect(asClerk.json.reportsDue).toBe(calendar.addWorkingDays(AHEAD, -3));
    expect(asClerk.json.reports.map((r: { inviteeId: string }) => r.inviteeId).sort()).toEqual(['inv-police', 'inv-school']);
    expect(asClerk.json.reports[0]).toEqual({
      inviteeId: 'inv-police', role: 'professional', agency: 'police', fileName: 'my report.pdf', contentType: PDF_TYPE, bytes: 2000,
      receivedAt: expect.any(String), onTime: true, own: false,
    });
    const asPolice = await get(POLICE, `/api/v1/conferences/${ID}/reports`);
    expect(asPolice.json.reports.map((r: { inviteeId: string; own: boolean }) => [r.inviteeId, r.own])).toEqual([['inv-police', true], ['inv-school', false]]);
  });

  it('refuses another invitee\'s report, a wrong type, a lying extension, a body over the limit, no file name — and changes nothing', async () => {
    const before = await deps.store.get(ID);
    const itemsBefore = (await drive().listItems()).length;
    const other = await upload(HEALTH, ID, 'inv-police', pdf(100));
    expect(other.status).toBe(403);
    expect(other.json.error.code).toBe('ACCESS.NOT_OWN_INVITATION');
    const text = await upload(HEALTH, ID, 'inv-health', Buffer.from('plain text'), 'text/plain', 'notes.txt');
    expect(text.status).toBe(415);
    expect(text.json.error.code).toBe('HTTP.UNSUPPORTED_MEDIA_TYPE');
    const lying = await upload(HEALTH, ID, 'inv-health', Buffer.from('this is not a pdf at all'), PDF_TYPE, 'report.pdf');
    expect(lying.status).toBe(415);
    expect(lying.json.error.code).toBe('REPORT.TYPE_NOT_ALLOWED');
    const mismatch = await upload(HEALTH, ID, 'inv-health', pdf(100), PDF_TYPE, 'report.docx');
    expect(mismatch.json.error.code).toBe('REPORT.TYPE_NOT_ALLOWED');
    const noName = await fetch(`${bot.url}/api/v1/conferences/${ID}/invitees/inv-health/report`, {
      method: 'PUT', headers: { authorization: `Bearer ${tokens.get(HEALTH.id)}`, 'content-type': PDF_TYPE }, body: pdf(100),
    });
    expect(((await noName.json()) as { error: { code: string } }).error.code).toBe('REPORT.FILE_NAME_INVALID');
    const max = resolveProfile('england').reports.maxReportBytes;
    const tooLarge = await upload(HEALTH, ID, 'inv-health', pdf(max + 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error.code).toBe('HTTP.BODY_TOO_LARGE');
    expect(await deps.store.get(ID)).toEqual(before);
    expect((await drive().listItems()).length).toBe(itemsBefore);
  });

  it('uses an upload session above 4 MB (fragments of 320 KiB multiples) and the name from Content-Disposition', async () => {
    harness.clearLog();
    const big = pdf(4 * 1024 * 1024 + 7, 0x42);
    const res = await fetch(`${bot.url}/api/v1/conferences/${ID}/invitees/inv-health/report`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.get(HEALTH.id)}`, 'content-type': PDF_TYPE, 'content-disposition': 'attachment; filename*=UTF-8\'\'health%20report.pdf' },
      body: big,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { fileName: string }).fileName).toBe('health report.pdf');
    const paths = harness.requests().map((r) => `${r.method} ${r.path.replace(/\/_api\/v2\.0\/uploadSessions\/.*/, '/uploadUrl')}`);
    expect(paths.filter((p) => p.endsWith('createUploadSession'))).toHaveLength(1);
    expect(paths.filter((p) => p === 'PUT /uploadUrl').length).toBe(2);
    const file = await fileIn(CASE, `${CASE} health report inv-health.pdf`);
    expect(await drive().content(file!.id)).toEqual(big);
  });

  it('a reschedule moves the expiry: the readers are invited again (same permissions, new expirationDateTime)', async () => {
    const later = calendar.addWorkingDays(AHEAD, 5);
    const c = (await deps.store.get(ID))!;
    c.start = `${later}T10:00`;
    c.end = `${later}T12:00`;
    await deps.store.save(c);
    const police = await fileIn(CASE, `${CASE} police report inv-police.pdf`);
    const before = (await drive().permissions(police!.id)).map((p) => p.id).sort();
    await reconcileReportAccess(deps, ID, { id: CLERK.id, role: 'clerk' });
    const after = await drive().permissions(police!.id);
    expect(after.map((p) => p.id).sort()).toEqual(before);
    for (const p of after) expect(p.expiration).toBe(endOfLondonDay(later));
    expect((await deps.store.get(ID))!.invitees.find((i) => i.id === 'inv-police')!.report!.shareExpiresAt).toBe(endOfLondonDay(later));
  });

  it('revokes a removed professional\'s access to every report (reconcileReportAccess after the removal)', async () => {
    const c = (await deps.store.get(ID))!;
    c.invitees.find((i) => i.id === 'inv-school')!.status = 'removed';
    await deps.store.save(c);
    const outcome = await reconcileReportAccess(deps, ID, { id: CLERK.id, role: 'clerk' });
    expect(outcome.revoked).toBe(2);
    const police = await fileIn(CASE, `${CASE} police report inv-police.pdf`);
    expect(await readersOf(police!.id)).not.toContain(SCHOOL.mail);
    const health = await fileIn(CASE, `${CASE} health report inv-health.pdf`);
    expect(await readersOf(health!.id)).not.toContain(SCHOOL.mail);
    // A permission already deleted in SharePoint counts as revoked (404 = already gone).
    const policePermissions = await drive().permissions(police!.id);
    await drive().deletePermission(police!.id, policePermissions[0]!.id);
    const after = (await deps.store.get(ID))!;
    after.status = 'stood-down';
    await deps.store.save(after);
    await reconcileReportAccess(deps, ID, { id: CLERK.id, role: 'clerk' });
    expect(await drive().listPermissions()).toEqual(expect.not.arrayContaining([expect.objectContaining({ itemId: police!.id })]));
    for (const item of await drive().listItems(DEFAULT_DRIVE.id)) {
      if ((await fileIn(CASE, item.name))?.id === item.id) expect(await drive().permissions(item.id)).toEqual([]);
    }
    const stoodDown = await upload(POLICE, ID, 'inv-police', pdf(100));
    expect(stoodDown.status).toBe(409);
    expect(stoodDown.json.error.code).toBe('REPORT.CONFERENCE_STOOD_DOWN');
  });
});

describe("Sheffield's rule: the others' reports only for professionals who sent theirs by T9", () => {
  it('a late reporter and an attending non-reporter do not get the on-time report; the on-time reporter gets the late one', async () => {
    const LATE = 'conf-rep-2';
    await createConference(LATE, 'CP-2026-7102', SOON, { profileId: 'sheffield' });
    const late = await upload(SCHOOL, LATE, 'inv-school', pdf(300));
    expect(late.json.onTime).toBe(false);
    const c = (await deps.store.get(LATE))!;
    // The police report came by T9 (recorded as such); re-run the sharing.
    const police = c.invitees.find((i) => i.id === 'inv-police')!;
    police.report = { ...c.invitees.find((i) => i.id === 'inv-school')!.report!, onTime: true, sharedWith: {}, receivedBy: POLICE.id };
    const schoolFile = await fileIn('CP-2026-7102', 'CP-2026-7102 education report inv-school.pdf');
    const policeItem = await harness.graph.reports.upload({ caseReference: 'CP-2026-7102', fileName: 'CP-2026-7102 police report inv-police.pdf', content: pdf(200) });
    police.report.driveItemId = policeItem.driveItemId;
    await deps.store.save(c);
    await reconcileReportAccess(deps, LATE, { id: CLERK.id, role: 'clerk' });
    expect(await readersOf(policeItem.driveItemId)).toEqual([CHAIR.mail, CLERK.mail, SW.mail].sort());
    expect(await readersOf(schoolFile!.id)).toEqual([CHAIR.mail, CLERK.mail, POLICE.mail, SW.mail].sort());
  });
});

describe('social work report sharing (T10, T10b)', () => {
  const ID = 'conf-rep-3';
  beforeAll(() => createConference(ID, 'CP-2026-7103', AHEAD));
  const record = (person: { id: string }, body: unknown) =>
    fetch(`${bot.url}/api/v1/conferences/${ID}/social-work-report/sharing`, {
      method: 'POST', headers: { authorization: `Bearer ${tokens.get(person.id)}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, Json> }));

  it('the social worker records each once (met before the deadline); others are refused; the list shows the status', async () => {
    const first = await record(SW, { with: 'family' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ with: 'family', status: 'met', alreadyRecorded: false, deadline: calendar.addWorkingDays(AHEAD, -2) });
    const again = await record(SW, { with: 'family' });
    expect(again.json).toMatchObject({ alreadyRecorded: true, sharedAt: first.json.sharedAt });
    expect((await record(CLERK, { with: 'chair-and-clerk' })).json.error.code).toBe('ACCESS.ROLE_NOT_ALLOWED');
    expect((await record(SW, { with: 'everyone' })).status).toBe(400);
    const list = await get(CHAIR, `/api/v1/conferences/${ID}/reports`);
    expect(list.json.socialWorkReport).toEqual({
      family: { date: calendar.addWorkingDays(AHEAD, -2), sharedAt: first.json.sharedAt, status: 'met' },
      chairAndClerk: { date: calendar.addWorkingDays(AHEAD, -1), sharedAt: null, status: 'due' },
    });
  });
});

describe('OpenAPI document', () => {
  it('describes the upload as a binary body of the three types', async () => {
    const doc = (await (await fetch(`${bot.url}/api/v1/openapi.json`)).json()) as Record<string, Json>;
    const put = doc.paths['/api/v1/conferences/{conferenceId}/invitees/{inviteeId}/report'].put;
    expect(Object.keys(put.requestBody.content).sort()).toEqual([PDF_TYPE, 'application/vnd.oasis.opendocument.text', DOCX_TYPE].sort());
    expect(put.responses['413'].description).toContain('HTTP.BODY_TOO_LARGE');
    expect(put.responses['415'].description).toContain('REPORT.TYPE_NOT_ALLOWED');
  });
});
