// The decision and recommendations record over real HTTP (local mode, dev sign-in tokens) with the
// family e-mails going through the real Graph mailer into the strict Graph sandbox: each invitee
// gets their own copy once; the excluded father's copy waits for the chair, leaves out what he was
// excluded from, and goes when she approves; the signed link serves only the recipient's copy;
// a crash mid-send never sends twice. PDFs are read back from what the sandbox's mailboxes hold.
// The machine is shared: starting servers can take a while under load.
jest.setTimeout(120_000);

import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import type { MailMessage, MailOutcome, Mailer } from '../../bot/app/ports/mailer.port';
import type { Conference, Invitee } from '../../bot/domain/conference/conference';
import type { LiveMeeting } from '../../bot/domain/meeting/live-meeting';
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { decision, live as fixtureLive } from '../domain/record/record-fixtures';
import { type Harness, startHarness } from '../graph/sandbox-harness';
import { cardActionInvoke } from '../http/support/activities';
import { type ConnectorStub, startConnectorStub } from '../http/support/connector-stub';
import { type TestServer, startTestServer } from '../http/support/test-server';
import { FakeMeetings } from '../invitations/booking-fakes';
import { RecordingNotifier } from '../invite-list/support/invite-kit';
import { pdfText } from '../support/pdf-text';
import { StaticDirectory } from '../support/static-directory';

const CLERK = seedPerson('clerk');
const CHAIR = seedPerson('chair');
const SW = seedPerson('social-worker');
const POLICE = seedPerson('professional', 0);
const GP = seedPerson('professional', 4);

/** The real Graph mailer; `crash` makes it "die" after Graph took the e-mails, before the outcome is known. */
class CrashableMailer implements Mailer {
  crash = false;
  constructor(private readonly inner: Mailer) {}
  async sendEach(messages: MailMessage[]): Promise<MailOutcome[]> {
    const outcomes = await this.inner.sendEach(messages);
    if (this.crash) throw new Error('killed mid-send');
    return outcomes;
  }
}

let harness: Harness;
let bot: TestServer;
let mailer: CrashableMailer;
const notifier = new RecordingNotifier(new Set([GP.id]));
const tokens = new Map<string, string>();

beforeAll(async () => {
  harness = await startHarness();
  mailer = new CrashableMailer(harness.graph.mailer);
  bot = await startTestServer({ deps: { directory: new StaticDirectory(), graph: { meetings: new FakeMeetings(), mailer }, notifier } });
});
afterAll(async () => {
  await bot?.close();
  await harness?.stop();
});

async function api(method: string, path: string, personId: string, body?: unknown) {
  let token = tokens.get(personId);
  if (!token) {
    token = ((await bot.post('/api/v1/dev/sign-in', { userId: personId })).json as { accessToken: string }).accessToken;
    tokens.set(personId, token);
  }
  const res = await fetch(`${bot.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely; the server checks their schema
  return { status: res.status, json: (text ? JSON.parse(text) : null) as any };
}

const family = (tag: string, id: string, displayName: string, extra: Partial<Invitee> = {}): Invitee => ({
  id, role: 'parent', displayName, email: `${id}.${tag}@family.example.org`, status: 'invited', ...extra,
});

/** An invented ICPC (1 March 2027) held with its stages in the product and the decision recorded. */
async function seed(id: string, withDecision = true): Promise<Conference> {
  const c: Omit<Conference, 'version'> = {
    id,
    caseReference: `CP-2027-${id.length}42`,
    kind: 'ICPC',
    profileId: 'england',
    start: '2027-03-01T10:00',
    end: '2027-03-01T12:00',
    familySectionStart: '2027-03-01T10:45',
    organizerId: CLERK.id,
    status: 'booked',
    bookingVersion: 1,
    booking: { chairId: CHAIR.id, socialWorkerId: SW.id, requestedBy: CLERK.id, durationMinutes: 120, confidentialMinutes: 45 },
    invitees: [
      { id: 'inv-chair', role: 'chair', displayName: CHAIR.displayName, email: CHAIR.mail, directoryId: CHAIR.id, status: 'invited' },
      { id: 'inv-sw', role: 'social-worker', displayName: SW.displayName, email: SW.mail, directoryId: SW.id, status: 'invited' },
      { id: 'inv-police', role: 'professional', agency: 'police', displayName: POLICE.displayName, email: POLICE.mail, directoryId: POLICE.id, status: 'invited' },
      { id: 'inv-gp', role: 'professional', agency: 'health', displayName: GP.displayName, email: GP.mail, directoryId: GP.id, status: 'invited' },
      family(id, 'inv-mother', 'Perdita Loxley'),
      family(id, 'inv-father', 'Caspian Loxley', { exclusions: [{ from: '2027-03-01T11:20', to: '2027-03-01T11:40', grounds: 'risk to the mother' }] }),
    ],
  };
  await new SqlConferenceStore(bot.db).create(c);
  const live: Omit<LiveMeeting, 'version'> = {
    ...fixtureLive,
    conferenceId: id,
    roster: [],
    ...(withDecision ? { decision: { ...decision, chairId: CHAIR.id, leadSocialWorkerInviteeId: 'inv-sw', coreGroupInviteeIds: ['inv-sw', 'inv-police', 'inv-mother'] } } : { decision: undefined }),
  };
  await new SqlLiveMeetingStore(bot.db).create(live);
  return { ...c, version: 1 };
}

async function inbox(address: string) {
  const all = await new SandboxStore(harness.sandbox.db).listMessages();
  return all.filter((m) => m.mailbox === address && m.folder === 'inbox');
}

async function attachedPdfText(address: string): Promise<string> {
  const [mail] = await inbox(address);
  const att = (mail!.body.attachments as { contentBytes: string }[])[0]!;
  return (await pdfText(Buffer.from(att.contentBytes, 'base64'))).lines.join('\n');
}

async function auditRows(conferenceId: string) {
  const { rows } = await bot.db.query<{ action: string; actor_id: string; detail: unknown }>('SELECT action, actor_id, detail FROM audit_log WHERE conference_id = $1 ORDER BY seq', [conferenceId]);
  return rows.map((r) => ({ action: r.action, actorId: r.actor_id, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail }));
}

/** The download URL on this test server (the card's link carries the configured public base URL). */
const local = (url: string) => `${bot.url}${new URL(url).pathname}${new URL(url).search}`;
const stateOf = (json: { recipients: { inviteeId: string; state: string; channel: string | null }[] }) =>
  Object.fromEntries(json.recipients.map((r) => [r.inviteeId, `${r.state}${r.channel ? `:${r.channel}` : ''}`]));
const NAMES = ['Perdita', 'Caspian', 'Loxley'];

describe('issuing the record', () => {
  const id = 'conf-record';
  let c: Conference;
  beforeAll(async () => {
    c = await seed(id);
  });

  it('only the chair or the clerk issues it; anyone else is refused and audited', async () => {
    const res = await api('POST', `/api/v1/conferences/${id}/record/issue`, POLICE.id, {});
    expect([res.status, res.json.error.code]).toEqual([403, 'RECORD.NOT_ALLOWED']);
    expect((await api('GET', `/api/v1/conferences/${id}/record`, POLICE.id)).status).toBe(403);
    expect((await auditRows(id)).map((r) => [r.action, r.detail.code])).toEqual([['record.refused', 'RECORD.NOT_ALLOWED'], ['record.refused', 'RECORD.NOT_ALLOWED']]);
    expect(notifier.sent).toHaveLength(0);
  });

  it('the chair issues it: cards to professionals with a chat, e-mail with the PDF to the others; the father waits', async () => {
    const res = await api('POST', `/api/v1/conferences/${id}/record/issue`, CHAIR.id, {});
    expect(res.status).toBe(200);
    expect(res.json.deadline).toBe('2027-03-02');
    expect(stateOf(res.json)).toEqual({
      'inv-chair': 'sent:card', 'inv-sw': 'sent:card', 'inv-police': 'sent:card', 'inv-gp': 'sent:email',
      'inv-mother': 'sent:email', 'inv-father': 'awaiting-approval',
    });
    const father = res.json.recipients.find((r: { inviteeId: string }) => r.inviteeId === 'inv-father');
    expect(father).toMatchObject({ versionKey: 'family-without-confidential-family-decision', withheld: ['confidential', 'family', 'decision'], approvalRequired: true, approvedAt: null });
    expect(JSON.stringify(res.json)).not.toMatch(/Perdita|Caspian|Loxley|risk to the mother/);
    expect(await inbox(`inv-father.${id}@family.example.org`)).toHaveLength(0);
  });

  it("the mother's e-mail: her own, subject without a name, a real PDF without the confidential section", async () => {
    const [mail, ...more] = await inbox(`inv-mother.${id}@family.example.org`);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`${c.caseReference}: decision and recommendations`);
    expect(mail!.attachments).toEqual([{ name: `${c.caseReference}-decision-and-recommendations.pdf`, contentType: 'application/pdf', pdf: { bytes: expect.any(Number), header: true } }]);
    const html = (mail!.body.body as { content: string }).content;
    expect(html).toContain('Outcome');
    expect(html).not.toContain('Confidential section');
    const text = await attachedPdfText(`inv-mother.${id}@family.example.org`);
    expect(text).toContain('Outcome: Child protection plan');
    expect(text).not.toContain('Confidential section');
    for (const n of NAMES) expect(text).not.toContain(n);
  });

  it("the GP (no chat) gets the full record by e-mail; the police officer's card links to the full PDF", async () => {
    expect(await attachedPdfText(GP.mail)).toContain('Confidential section (professionals only)');
    const card = notifier.sent.find((s) => s.personId === POLICE.id)!.card;
    expect(JSON.stringify(card)).not.toMatch(/Perdita|Caspian|Loxley/);
    expect(JSON.stringify(card)).toContain('Child protection plan');
    const url = (card.actions as { url: string }[])[0]!.url;
    expect(url).toMatch(/\/tab\/record\?t=/);
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${c.caseReference}-decision-and-recommendations.pdf"`);
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).lines.join('\n');
    expect(text).toContain('Confidential section (professionals only)');
    expect(text).toContain('Perdita Loxley (Parent)');
  });

  it('a forged or altered link gets a plain page and no PDF', async () => {
    const url = local((notifier.sent.find((s) => s.personId === POLICE.id)!.card.actions as { url: string }[])[0]!.url);
    for (const bad of [`${url}x`, `${bot.url}/tab/record`, `${bot.url}/tab/record?t=abc`]) {
      const res = await fetch(bad);
      expect([400, 403]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('the chair got one card to preview and approve the father\'s copy; its preview is his copy', async () => {
    const cards = notifier.sent.filter((s) => s.personId === CHAIR.id).map((s) => JSON.stringify(s.card));
    const approval = cards.find((t) => t.includes('record.approve-redacted'))!;
    expect(cards.filter((t) => t.includes('record.approve-redacted'))).toHaveLength(1);
    expect(approval).toContain('inv-father');
    expect(approval).not.toMatch(/Perdita|Caspian|Loxley|risk to the mother/);
    const preview = /"url":"([^"]+)"/.exec(approval)![1]!;
    const text = (await pdfText(new Uint8Array(await (await fetch(local(preview))).arrayBuffer()))).lines.join('\n');
    expect(text).toContain(c.caseReference);
    expect(text).not.toContain('Outcome');
    expect(text).not.toContain('Family section');
  });

  it('issuing again sends nothing more', async () => {
    const before = notifier.sent.length;
    const res = await api('POST', `/api/v1/conferences/${id}/record/issue`, CLERK.id, {});
    expect(res.status).toBe(200);
    expect(notifier.sent.length).toBe(before);
    expect(await inbox(`inv-mother.${id}@family.example.org`)).toHaveLength(1);
  });

  it('only the chair approves; a full copy is not one to approve; the approval sends his copy once', async () => {
    const approve = (who: string, invitee: string) => api('POST', `/api/v1/conferences/${id}/record/recipients/${invitee}/approve`, who);
    expect((await approve(CLERK.id, 'inv-father')).json.error.code).toBe('RECORD.NOT_THE_CHAIR');
    expect((await approve(CHAIR.id, 'inv-mother')).json.error.code).toBe('RECORD.NOT_A_REDACTED_COPY');
    expect((await approve(CHAIR.id, 'inv-nobody')).json.error.code).toBe('RECORD.RECIPIENT_NOT_FOUND');
    const res = await approve(CHAIR.id, 'inv-father');
    expect(res.status).toBe(200);
    expect(stateOf(res.json)['inv-father']).toBe('sent:email');
    expect(res.json.complete).toBe(true);
    const text = await attachedPdfText(`inv-father.${id}@family.example.org`);
    expect(text).toContain(c.caseReference);
    for (const withheld of ['Confidential section', 'Family section', 'Outcome', 'Neglect', 'Dissent']) expect(text).not.toContain(withheld);
    expect(text).toContain('as the chair decided');
    expect((await approve(CHAIR.id, 'inv-father')).status).toBe(200);
    expect(await inbox(`inv-father.${id}@family.example.org`)).toHaveLength(1);
  });

  it('recipients, times and versions are audited with ids only', async () => {
    const rows = await auditRows(id);
    // The cards' outcomes are committed before the e-mails go: two entries for the first issue.
    expect(rows.map((r) => r.action)).toEqual(['record.refused', 'record.refused', 'record.issued', 'record.issued', 'record.approval-requested', 'record.downloaded', 'record.downloaded', 'record.refused', 'record.redacted-approved', 'record.issued']);
    const [cards, mails, father] = rows.filter((r) => r.action === 'record.issued');
    expect(cards!.detail).toMatchObject({ deadline: '2027-03-02', inviteeIds: ['inv-chair', 'inv-sw', 'inv-police'], channels: ['card', 'card', 'card'], versions: ['professional', 'professional', 'professional'], redacted: [] });
    expect(mails!.detail).toMatchObject({ inviteeIds: ['inv-gp', 'inv-mother'], channels: ['email', 'email'], versions: ['professional', 'family-without-confidential'], failed: [], unknown: [] });
    expect(typeof mails!.detail.at).toBe('string');
    expect(father!.detail).toMatchObject({ inviteeIds: ['inv-father'], versions: ['family-without-confidential-family-decision'], redacted: ['inv-father'] });
    expect(rows.find((r) => r.action === 'record.redacted-approved')!).toMatchObject({ actorId: CHAIR.id, detail: { inviteeId: 'inv-father', withheld: ['confidential', 'family', 'decision'] } });
    expect(JSON.stringify(rows)).not.toMatch(/Perdita|Caspian|Loxley|risk to the mother|family\.example\.org/);
  });
});

it('before the decision is recorded there is nothing to issue', async () => {
  await seed('conf-nodecision', false);
  const res = await api('POST', '/api/v1/conferences/conf-nodecision/record/issue', CHAIR.id, {});
  expect([res.status, res.json.error.code]).toEqual([409, 'RECORD.NO_DECISION']);
  expect((await api('GET', '/api/v1/conferences/conf-nodecision/record', CLERK.id)).json).toMatchObject({ decisionRecorded: false, issued: false, recipients: [] });
});

it('a crash after Graph took the e-mails: the next run reports them unknown and sends nothing twice; a named resend sends once more', async () => {
  const id = 'conf-crash';
  await seed(id);
  mailer.crash = true;
  expect((await api('POST', `/api/v1/conferences/${id}/record/issue`, CHAIR.id, {})).status).toBe(500);
  mailer.crash = false;
  const mother = `inv-mother.${id}@family.example.org`;
  expect(await inbox(mother)).toHaveLength(1);
  const again = await api('POST', `/api/v1/conferences/${id}/record/issue`, CHAIR.id, {});
  // The cards' outcomes were committed before the e-mails went: only the e-mails are unknown.
  expect(stateOf(again.json)).toMatchObject({ 'inv-chair': 'sent:card', 'inv-gp': 'unknown', 'inv-mother': 'unknown' });
  expect(again.json.recipients.find((r: { inviteeId: string }) => r.inviteeId === 'inv-mother').code).toBe('RECORD.INTERRUPTED');
  expect(await inbox(mother)).toHaveLength(1);
  expect((await auditRows(id)).map((r) => r.action)).toContain('record.interrupted');
  const resent = await api('POST', `/api/v1/conferences/${id}/record/issue`, CHAIR.id, { resend: ['inv-mother'] });
  expect(stateOf(resent.json)).toMatchObject({ 'inv-mother': 'sent:email', 'inv-gp': 'unknown' });
  expect(resent.json.recipients.find((r: { inviteeId: string }) => r.inviteeId === 'inv-mother').attempts).toBe(2);
  expect(await inbox(mother)).toHaveLength(2);
});

describe("the chair's card: Approve and send", () => {
  const id = 'conf-card';
  let connector: ConnectorStub;
  beforeAll(async () => {
    connector = await startConnectorStub();
    await seed(id);
    expect((await api('POST', `/api/v1/conferences/${id}/record/issue`, CLERK.id, {})).status).toBe(200);
  });
  afterAll(() => connector.close());

  const press = async (aadObjectId: string, data: Record<string, unknown>) =>
    (await bot.post('/api/messages', { ...cardActionInvoke('record.approve-redacted', data, { serviceUrl: connector.url }), from: { id: `29:${aadObjectId}`, aadObjectId, name: 'User' } })).json as { statusCode: number; value: unknown };

  it('someone else pressing it is refused and nothing is sent', async () => {
    const r = await press(SW.id, { conferenceId: id, inviteeId: 'inv-father', actionId: 'card-1' });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.value)).toContain('RECORD.NOT_THE_CHAIR');
    expect(await inbox(`inv-father.${id}@family.example.org`)).toHaveLength(0);
  });

  it("the chair's press sends the copy and answers with the card refreshed, its button gone", async () => {
    const card = notifier.sent.filter((s) => s.personId === CHAIR.id).map((s) => s.card).find((k) => JSON.stringify(k).includes(id) && JSON.stringify(k).includes('record.approve-redacted'))!;
    const action = JSON.stringify(card).match(/"data":\{"conferenceId":"[^"]+","inviteeId":"inv-father","actionId":"([^"]+)"\}/)!;
    const r = await press(CHAIR.id, { conferenceId: id, inviteeId: 'inv-father', actionId: action[1] });
    expect(r.statusCode).toBe(200);
    const answered = JSON.stringify(r.value);
    expect(answered).toContain('Status: sent');
    expect(answered).not.toContain('record.approve-redacted');
    expect(await inbox(`inv-father.${id}@family.example.org`)).toHaveLength(1);
  });
});
