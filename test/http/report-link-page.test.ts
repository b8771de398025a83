// /tab/report?t=<token>: the upload page for professionals without the app, over real HTTP against
// the sandbox drive. It shows the case reference, date and time (never a name); a forged, expired,
// other-purpose or no-longer-valid link gets a plain page and changes nothing.
import { HmacLinkSigner, linkKeyFrom } from '../../bot/adapters/links/hmac-link-signer';
import { systemClock } from '../../bot/adapters/clock/system-clock';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import type { LinkClaims } from '../../bot/app/ports/link-signer.port';
import { createWorkingCalendar } from '../../bot/domain/calendar/create-working-calendar';
import type { Invitee } from '../../bot/domain/conference/conference';
import { DriveStore } from '../../scripts/graph-sandbox/drive-store';
import { DEFAULT_DRIVE } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY } from '../../scripts/local/sandbox-defaults';
import { type Harness, startHarness } from '../graph/sandbox-harness';
import { StaticDirectory } from '../support/static-directory';
import { type TestServer, startTestServer } from './support/test-server';

const signer = new HmacLinkSigner(linkKeyFrom(LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY));
const DATE = createWorkingCalendar('england-and-wales').addWorkingDays(systemClock.today(), 12);
const ID = 'conf-link-1';
const CASE = 'CP-2026-7201';
const hourAhead = () => new Date(Date.now() + 3_600_000).toISOString();
const claims = (over: Partial<LinkClaims> = {}): LinkClaims => ({ purpose: 'report', conferenceId: ID, inviteeId: 'inv-police', expiresAt: hourAhead(), ...over });

let harness: Harness;
let bot: TestServer;
let store: SqlConferenceStore;

const person = (id: string, role: Invitee['role'], email: string, agency?: string): Invitee => ({
  id, role, displayName: `Invented Person ${id}`, email, status: 'invited', ...(agency ? { agency } : {}),
});

beforeAll(async () => {
  harness = await startHarness({}, { reportsDriveId: DEFAULT_DRIVE.id, timeoutMs: 60_000 });
  bot = await startTestServer({ deps: { directory: new StaticDirectory(), reports: harness.graph.reports } });
  store = new SqlConferenceStore(bot.db);
  await store.create({
    id: ID, caseReference: CASE, kind: 'ICPC', profileId: 'england', start: `${DATE}T10:30`, end: `${DATE}T12:00`,
    organizerId: '5eed0000-0000-4000-8000-000000000003', status: 'booked', bookingVersion: 1,
    invitees: [
      person('inv-chair', 'chair', 'chair.person@council.example'),
      person('inv-police', 'professional', 'outside.officer@police.example', 'police'),
      person('inv-gone', 'professional', 'gone.nurse@health.example', 'health'),
      person('inv-parent', 'parent', 'parent.person@family.example'),
    ],
  });
  const c = (await store.get(ID))!;
  c.invitees.find((i) => i.id === 'inv-gone')!.status = 'removed';
  await store.save(c);
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await harness?.stop();
});

const page = (token: string) => fetch(`${bot.url}/tab/report?t=${encodeURIComponent(token)}`);
function postFile(token: string, bytes: Buffer, name: string, type: string) {
  const form = new FormData();
  form.append('report', new Blob([bytes], { type }), name);
  return fetch(`${bot.url}/tab/report?t=${encodeURIComponent(token)}`, { method: 'POST', body: form });
}
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x41)]);

describe('/tab/report', () => {
  it('shows the case reference, the date and time, and the form — never a name or address', async () => {
    const res = await page(signer.sign(claims()));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain(CASE);
    expect(html).toContain('10:30');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).not.toMatch(/Invented Person|@/);
  });

  it('refuses forged, expired, other-purpose, removed-invitee and missing links with a plain page', async () => {
    const good = signer.sign(claims());
    const forged = `${good.slice(0, -4)}${good.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect((await page(forged)).status).toBe(403);
    const expired = await page(signer.sign(claims({ expiresAt: new Date(Date.now() - 1000).toISOString() })));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired');
    expect((await page(signer.sign(claims({ purpose: 'attendance' })))).status).toBe(403);
    expect((await page(signer.sign(claims({ inviteeId: 'inv-gone' })))).status).toBe(403);
    expect((await page(signer.sign(claims({ conferenceId: 'conf-nope' })))).status).toBe(403);
    expect((await fetch(`${bot.url}/tab/report`)).status).toBe(400);
  });

  it('a bad link or a wrong file changes nothing; a good link stores the report and shares it', async () => {
    const before = await store.get(ID);
    const expired = signer.sign(claims({ expiresAt: new Date(Date.now() - 1000).toISOString() }));
    expect((await postFile(expired, pdf, 'r.pdf', 'application/pdf')).status).toBe(410);
    expect((await postFile(signer.sign(claims({ inviteeId: 'inv-parent' })), pdf, 'r.pdf', 'application/pdf')).status).toBe(403);
    const wrongType = await postFile(signer.sign(claims()), Buffer.from('hello'), 'notes.txt', 'text/plain');
    expect(wrongType.status).toBe(415);
    expect(await wrongType.text()).toContain('PDF');
    expect(await store.get(ID)).toEqual(before);
    expect(await new DriveStore(harness.sandbox.db).listItems()).toHaveLength(0);

    const ok = await postFile(signer.sign(claims()), pdf, 'officer report.pdf', 'application/pdf');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('on time');
    const police = (await store.get(ID))!.invitees.find((i) => i.id === 'inv-police')!;
    expect(police.report).toMatchObject({ fileName: 'officer report.pdf', bytes: pdf.length, onTime: true, receivedBy: 'link:inv-police' });
    const drive = new DriveStore(harness.sandbox.db);
    expect((await drive.listItems(DEFAULT_DRIVE.id)).map((i) => i.name)).toEqual(expect.arrayContaining([CASE, `${CASE} police report inv-police.pdf`]));
    expect((await drive.permissions(police.report!.driveItemId)).map((p) => p.email)).toEqual(['chair.person@council.example']);
  });
});
