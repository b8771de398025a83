// Bad input, and nothing lost (issue 8): every refusal the issue lists, in one place, over real
// HTTP in local mode. Each gets its coded answer (or, for a link, a clear page) and changes
// nothing: no conference made, no version moved, no invitee added, no answer recorded, no report
// stored, the approval still pending. The rules themselves are tested in their own suites; this is
// the list a reviewer reads.
jest.setTimeout(120_000);

import { HmacLinkSigner, linkKeyFrom } from '../../bot/adapters/links/hmac-link-signer';
import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { bookedConference, CHAIR, CLERK, conference, type InviteKit, POLICE, RecordingNotifier, SAFEGUARDING, SOCIAL_WORKER, startInviteKit } from './support/invite-kit';

const TEAM_MANAGER = seedPerson('team-manager');
const links = new HmacLinkSigner(linkKeyFrom(LOCAL_MODE.developmentAuditKey));
let kit: InviteKit;

const police = { id: 'inv-police', role: 'professional' as const, agency: 'police', displayName: POLICE.displayName, email: POLICE.mail, directoryId: POLICE.id, status: 'invited' as const };

beforeAll(async () => {
  kit = await startInviteKit({ notifier: new RecordingNotifier() });
  await kit.store.create(conference('bad-draft'));
  await kit.store.create(bookedConference('bad-booked', { invitees: [...bookedConference('x').invitees, police] }));
  await kit.store.create(bookedConference('bad-stood', { status: 'stood-down', invitees: [...bookedConference('x').invitees, police] }));
});
afterAll(() => kit.close());

const conferenceCount = async () => Number((await kit.bot.db.query<{ n: string }>('SELECT count(*)::text AS n FROM conferences')).rows[0]!.n);
const version = async (id: string) => (await kit.store.get(id))!.version;

const booking = {
  kind: 'ICPC', caseReference: 'MOS1234567', anchorDate: '2027-02-15', chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id,
  date: '2027-03-03', startTime: '10:00', durationMinutes: 90, confidentialMinutes: 30,
};

describe('booking: each refused with its rule (422), no conference made', () => {
  it.each([
    ['an impossible date', { date: '2027-02-30' }, 'BOOKING.DATE_INVALID'],
    ['a non-working day (a Saturday)', { date: '2027-03-06' }, 'BOOKING.DATE_NOT_WORKING_DAY'],
    ['a date outside the calendar\'s range', { date: '2099-03-03', anchorDate: '2099-02-16' }, 'BOOKING.DATE_OUT_OF_RANGE'],
    ['a case reference that looks like a name', { caseReference: 'Jo Bloggs' }, 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME'],
    ['a case reference that looks like an address', { caseReference: 'LE1 6ZG' }, 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS'],
    ['a chair who is also the social worker', { socialWorkerId: CHAIR.id }, 'BOOKING.CHAIR_IS_SOCIAL_WORKER'],
  ])('%s', async (_what, change, code) => {
    const before = await conferenceCount();
    const res = await kit.api('POST', '/api/v1/conferences', CLERK.id, { ...booking, ...change });
    expect(res.status).toBe(422);
    expect(res.json.error.details.codes).toContain(code);
    expect(await conferenceCount()).toBe(before);
  });
});

describe('the invite list: each refused (422 with the field named), the list unchanged', () => {
  const add = (draft: Record<string, unknown>) => kit.api('POST', '/api/v1/conferences/bad-draft/invite-list/invitees', CLERK.id, draft, { 'if-match': '"1"' });
  it.each([
    ['a family member given a professional role', { role: 'professional', audience: 'family', agency: 'police', displayName: 'Jo Example', email: 'jo@example.org', phone: '07700 900123' }, 'INVITE_LIST.FAMILY_MEMBER_PROFESSIONAL_ROLE'],
    ['a duplicate invitee (the chair again)', { role: 'professional', agency: 'health', displayName: CHAIR.displayName, email: CHAIR.mail }, 'INVITE_LIST.DUPLICATE_INVITEE'],
    ['an e-mail that is not one', { role: 'professional', agency: 'health', displayName: 'Dr Example', email: 'dr.example at example.org' }, 'INVITE_LIST.EMAIL_INVALID'],
  ])('%s', async (_what, draft, code) => {
    const before = await kit.store.get('bad-draft');
    const res = await add(draft);
    expect([res.status, res.json.error.code]).toEqual([422, 'INVITE_LIST.INVALID_INVITEE']);
    expect(res.json.error.details.fields.map((f: { code: string }) => f.code)).toContain(code);
    expect(await kit.store.get('bad-draft')).toEqual(before);
  });
});

describe('versions, reports, answers, links and approvals', () => {
  it('a stale version: 412, the conference unchanged', async () => {
    const before = await version('bad-booked');
    const res = await kit.api('PATCH', '/api/v1/conferences/bad-booked', CLERK.id, { date: '2027-03-02', startTime: '10:00' }, { 'if-match': '"99"' });
    expect([res.status, res.json.error.code]).toEqual([412, 'API.VERSION_STALE']);
    expect(await version('bad-booked')).toBe(before);
  });

  const upload = async (body: Buffer, contentType: string) =>
    fetch(`${kit.bot.url}/api/v1/conferences/bad-booked/invitees/inv-police/report?filename=report.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await kit.tokenFor(POLICE.id)}`, 'content-type': contentType },
      body,
    });

  it.each([
    ['a report that is too large', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x41)]), 'application/pdf', 413],
    ['a report that is not PDF, DOCX or ODT (by its type)', () => Buffer.from('plain text'), 'text/plain', 415],
    ['a report whose bytes are not the PDF it claims to be', () => Buffer.from('MZ\x90\x00 not a pdf at all'), 'application/pdf', 415],
  ])('%s: refused, nothing stored', async (_what, body, contentType, status) => {
    const res = await upload(body(), contentType);
    expect(res.status).toBe(status);
    const c = (await kit.store.get('bad-booked'))!;
    expect(c.invitees.find((i) => i.id === 'inv-police')!.report).toBeUndefined();
  });

  it('an answer to a stood-down conference: 409, no answer recorded', async () => {
    const res = await kit.api('PUT', '/api/v1/conferences/bad-stood/invitees/inv-police/attendance', POLICE.id, { answer: 'attending' });
    expect([res.status, res.json.error.code]).toEqual([409, 'ATTENDANCE.CONFERENCE_STOOD_DOWN']);
    expect((await kit.store.get('bad-stood'))!.invitees.find((i) => i.id === 'inv-police')!.attendance).toBeUndefined();
  });

  it.each([
    ['used after it expired', () => links.sign({ purpose: 'attendance', conferenceId: 'bad-booked', inviteeId: 'inv-police', expiresAt: '2026-01-01T00:00:00.000Z' }), /expired/i],
    ['used for someone else (another conference\'s invitee)', () => links.sign({ purpose: 'attendance', conferenceId: 'bad-draft', inviteeId: 'inv-police', expiresAt: '2027-03-02T00:00:00.000Z' }), /not valid|no longer|cannot be used|not for/i],
    ['forged', () => `${links.sign({ purpose: 'attendance', conferenceId: 'bad-booked', inviteeId: 'inv-police', expiresAt: '2027-03-02T00:00:00.000Z' }).split('.')[0]}.AAAA`, /not valid/i],
  ])('a confirmation link %s: a clear page, no answer recorded', async (_what, token, says) => {
    const t = encodeURIComponent(token());
    const page = await fetch(`${kit.bot.url}/tab/confirm?t=${t}`);
    expect(await page.text()).toMatch(says);
    const post = await fetch(`${kit.bot.url}/tab/confirm?t=${t}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'answer=attending' });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect((await kit.store.get('bad-booked'))!.invitees.find((i) => i.id === 'inv-police')!.attendance).toBeUndefined();
  });

  it('an approval by someone who is not the named manager: 403 (audited), the approval still pending', async () => {
    const late = await kit.api('POST', '/api/v1/conferences', CLERK.id, { ...booking, caseReference: 'MOS2222333', date: '2027-03-15', lateReason: 'The chair is on leave', managerId: TEAM_MANAGER.id });
    expect(late.status).toBe(201);
    const id = late.json.conference.id ?? late.json.conference.conferenceId;
    const approvalId = late.json.pendingApprovals[0].id;
    const res = await kit.api('POST', `/api/v1/conferences/${id}/approvals/${approvalId}`, SAFEGUARDING.id, { decision: 'approve' });
    expect([res.status, res.json.error.code]).toEqual([403, 'BOOKING.NOT_THE_APPROVER']);
    const c = (await kit.store.get(id))!;
    expect(c.approvals!.find((a) => a.id === approvalId)!.status).toBe('pending');
    expect(c.status).toBe('draft');
    const { rows } = await kit.bot.db.query<{ action: string }>("SELECT action FROM audit_log WHERE conference_id = $1 AND action = 'access.refused'", [id]);
    expect(rows).toHaveLength(1);
  });
});
