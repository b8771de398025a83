// The booking API over real HTTP in local mode: dev sign-in tokens for seeded people, the real
// SQL store, the Graph sandbox (strict) for the meeting, and a recording ChatNotifier for the
// managers' approval cards. Books, reschedules, stands down with approval, rebooks past the last
// date with approval; every refusal coded and changing nothing.
import type { Clock } from '../../bot/app/ports/clock.port';
import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { type Harness, startHarness } from '../graph/sandbox-harness';
import { RecordingNotifier } from '../support/recording-notifier';
import { StaticDirectory } from '../support/static-directory';
import { type TestServer, startTestServer } from './support/test-server';

const CLERK = seedPerson('clerk');
const CHAIR = seedPerson('chair');
const SW = seedPerson('social-worker');
const TEAM_MANAGER = seedPerson('team-manager');
const SAFEGUARDING = seedPerson('safeguarding-manager');
const SERVICE = seedPerson('service-manager');
const POLICE = seedPerson('professional');

jest.setTimeout(60_000);

/** A fixed Europe/London day for the deadline rules; the instant stays real because the bearer
 *  verifier checks the dev tokens' iat/exp against the real time. */
const BOOKING_DAY: Clock = { now: () => new Date(), today: () => '2026-12-14' };

let h: Harness;
let bot: TestServer;
const notifier = new RecordingNotifier();
const tokens = new Map<string, string>();

beforeAll(async () => {
  h = await startHarness();
  bot = await startTestServer({ deps: { directory: new StaticDirectory(), graph: h.graph, notifier, clock: BOOKING_DAY } });
  for (const p of [CLERK, CHAIR, SW, TEAM_MANAGER, SAFEGUARDING, SERVICE, POLICE]) {
    const res = await bot.post('/api/v1/dev/sign-in', { userId: p.id });
    tokens.set(p.id, (res.json as { accessToken: string }).accessToken);
  }
}, 120_000);
afterAll(async () => {
  await bot?.close();
  await h?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: tests read the API's JSON answers freely and assert exact values
type Json = Record<string, any>;
async function api(method: string, path: string, as: { id: string }, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${bot.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens.get(as.id)}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Json, etag: res.headers.get('etag') };
}
const ifMatch = (v: number | string) => ({ 'if-match': `"${v}"` });

const request = {
  kind: 'ICPC', caseReference: 'MOS1234567', anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SW.id,
  date: '2027-01-06', startTime: '10:00', durationMinutes: 90, confidentialMinutes: 30,
};

async function auditActions(conferenceId: string): Promise<string[]> {
  const { rows } = await bot.db.query<{ action: string }>('SELECT action FROM audit_log WHERE conference_id = $1 ORDER BY seq', [conferenceId]);
  return rows.map((r) => r.action);
}
const conferenceCount = async () => Number((await bot.db.query<{ n: string }>('SELECT count(*) AS n FROM conferences')).rows[0]!.n);

describe('POST /api/v1/booking-checks', () => {
  it('answers the statutory latest date, the deadlines and the misses, saving nothing', async () => {
    const before = await conferenceCount();
    const res = await api('POST', '/api/v1/booking-checks', CLERK, { ...request, date: '2027-01-08' });
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(false);
    expect(res.json.answer.statutoryLatest).toEqual({ rule: 'T1', date: '2027-01-07' });
    expect(res.json.answer.late).toBe(true);
    expect(res.json.fieldErrors).toEqual({
      lateReason: { code: 'BOOKING.LATE_REASON_REQUIRED', message: expect.any(String) },
      managerId: { code: 'BOOKING.MANAGER_REQUIRED', message: expect.any(String) },
    });
    expect(res.json.answer.deadlines.map((d: Json) => d.rule)).toEqual(expect.arrayContaining(['T1', 'T7', 'T9', 'T10', 'T10b', 'T11', 'T24']));
    expect(await conferenceCount()).toBe(before);
  });

  it('a name as the case reference, a chair who is the social worker, a non-chair as chair: each beside its field', async () => {
    const res = await api('POST', '/api/v1/booking-checks', CLERK, { ...request, caseReference: 'Jo Bloggs', chairId: SW.id });
    expect(res.json.fieldErrors).toMatchObject({
      caseReference: { code: 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME' },
      socialWorkerId: { code: 'BOOKING.CHAIR_IS_SOCIAL_WORKER' },
      chairId: { code: 'BOOKING.CHAIR_NOT_A_CHAIR' },
    });
    const unknown = await api('POST', '/api/v1/booking-checks', CLERK, { ...request, chairId: '5eed0000-0000-4000-8000-0000000000ff' });
    expect(unknown.json.fieldErrors.chairId.code).toBe('BOOKING.PERSON_NOT_FOUND');
  });

  it('a professional may not book or check (403, audited); a malformed body is a 400', async () => {
    const res = await api('POST', '/api/v1/booking-checks', POLICE, request);
    expect([res.status, res.json.error.code]).toEqual([403, 'ACCESS.ROLE_NOT_ALLOWED']);
    const bad = await api('POST', '/api/v1/booking-checks', CLERK, { ...request, durationMinutes: 'ninety' });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'API.INVALID_REQUEST']);
  });
});

describe('booking, rescheduling, standing down and rebooking', () => {
  let id: string;

  it('POST /conferences: 201, ETag, a draft with the chair and social worker (and the booking clerk) invited', async () => {
    const res = await api('POST', '/api/v1/conferences', CLERK, request);
    expect(res.status).toBe(201);
    expect(res.etag).toBe('"1"');
    expect(res.json.conference).toMatchObject({ caseReference: 'MOS1234567', kind: 'ICPC', status: 'draft', start: '2027-01-06T10:00', end: '2027-01-06T11:30', familySectionStart: '2027-01-06T10:30' });
    expect(res.json.pendingApprovals).toEqual([]);
    id = res.json.conference.id;
    expect(await auditActions(id)).toEqual(['conference.created']);
  });

  it('GET: the staff view with the deadlines; 404 for someone not part of it', async () => {
    const res = await api('GET', `/api/v1/conferences/${id}`, CLERK);
    expect(res.status).toBe(200);
    expect(res.etag).toBe('"1"');
    expect(res.json.conference.audience).toBe('staff');
    expect(res.json.conference.invitees.map((i: Json) => i.role)).toEqual(['chair', 'social-worker', 'clerk']);
    expect(res.json.deadlines.find((d: Json) => d.rule === 'T1').date).toBe('2027-01-07');
    const stranger = await api('GET', `/api/v1/conferences/${id}`, POLICE);
    expect([stranger.status, stranger.json.error.code]).toEqual([404, 'ACCESS.NOT_PART_OF_CONFERENCE']);
    const none = await api('GET', '/api/v1/conferences/no-such-conference', CLERK);
    expect(none.status).toBe(404);
  });

  it('POST …/booking needs the current version (428 without, 412 stale), then creates the locked-down meeting in the chair\'s calendar', async () => {
    const without = await api('POST', `/api/v1/conferences/${id}/booking`, CLERK);
    expect([without.status, without.json.error.code]).toEqual([428, 'API.IF_MATCH_REQUIRED']);
    const stale = await api('POST', `/api/v1/conferences/${id}/booking`, CLERK, undefined, ifMatch(7));
    expect([stale.status, stale.json.error.code]).toEqual([412, 'API.VERSION_STALE']);
    expect((await h.state()).events).toHaveLength(0);

    const res = await api('POST', `/api/v1/conferences/${id}/booking`, CLERK, undefined, ifMatch(1));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ conference: { status: 'booked', joinUrl: expect.any(String) }, optionsVerified: true, familyHeld: false });
    const events = (await h.state()).events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ organizer: CHAIR.id, subject: 'MOS1234567 Initial child protection conference', attendees: 3, cancelled: false });
    expect(res.etag).toBe(`"${res.json.version}"`);
  });

  it('PATCH: refused past the statutory latest, on a non-working day, with a stale version; then moves the meeting', async () => {
    const version = (await api('GET', `/api/v1/conferences/${id}`, CLERK)).json.version as number;
    const late = await api('PATCH', `/api/v1/conferences/${id}`, CLERK, { date: '2027-01-11', startTime: '10:00' }, ifMatch(version));
    expect([late.status, late.json.error.code, late.json.error.details]).toEqual([422, 'BOOKING.RESCHEDULE_PAST_LATEST', { rule: 'T1', latest: '2027-01-07' }]);
    const saturday = await api('PATCH', `/api/v1/conferences/${id}`, CLERK, { date: '2027-01-02', startTime: '10:00' }, ifMatch(version));
    expect([saturday.status, saturday.json.error.code, saturday.json.error.details.field]).toEqual([422, 'BOOKING.DATE_NOT_WORKING_DAY', 'date']);
    const stale = await api('PATCH', `/api/v1/conferences/${id}`, CLERK, { date: '2027-01-07', startTime: '10:00' }, ifMatch(version - 1));
    expect(stale.status).toBe(412);
    const moved = await api('PATCH', `/api/v1/conferences/${id}`, CLERK, { date: '2027-01-07', startTime: '13:00' }, ifMatch(version));
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ conference: { start: '2027-01-07T13:00', end: '2027-01-07T14:30' }, meetingUpdated: true });
    expect((await h.state()).events[0]!.start).toMatchObject({ dateTime: expect.stringContaining('2027-01-07T13:00') });
  });

  it('stand-down: a safeguarding manager must be named; their approval card is sent; nothing changes until they approve', async () => {
    const version = (await api('GET', `/api/v1/conferences/${id}`, CLERK)).json.version as number;
    const wrong = await api('POST', `/api/v1/conferences/${id}/stand-down`, CLERK, { reason: 'not-quorate', rationale: 'Police and health cannot attend', managerId: TEAM_MANAGER.id }, ifMatch(version));
    expect([wrong.status, wrong.json.error.code]).toEqual([422, 'BOOKING.MANAGER_NOT_SAFEGUARDING']);
    const res = await api('POST', `/api/v1/conferences/${id}/stand-down`, CLERK, { reason: 'not-quorate', rationale: 'Police and health cannot attend', managerId: SAFEGUARDING.id }, ifMatch(version));
    expect(res.status).toBe(202);
    // T17 (10 working days) from the original date 2027-01-07.
    expect(res.json).toMatchObject({ state: 'requested', conference: { status: 'booked' }, approval: { kind: 'stand-down', approverId: SAFEGUARDING.id, status: 'pending' }, reconveneBy: '2027-01-21' });
    const cards = notifier.to(SAFEGUARDING.id);
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0])).toContain('MOS1234567');
    const again = await api('POST', `/api/v1/conferences/${id}/stand-down`, CLERK, { reason: 'unforeseen', rationale: 'x', managerId: SAFEGUARDING.id }, ifMatch(res.json.version));
    expect([again.status, again.json.error.code]).toEqual([409, 'BOOKING.STAND_DOWN_PENDING']);

    const pending = await api('GET', '/api/v1/approvals', SAFEGUARDING);
    expect(pending.json.approvals).toEqual([expect.objectContaining({ conferenceId: id, caseReference: 'MOS1234567', approval: expect.objectContaining({ kind: 'stand-down', reason: 'Police and health cannot attend' }) })]);
    expect((await api('GET', '/api/v1/approvals', SERVICE)).json.approvals).toEqual([]);
  });

  it('only the named manager decides (anyone else refused, audited); approving cancels the meeting; a second decision is refused', async () => {
    const approvalId = (await api('GET', '/api/v1/approvals', SAFEGUARDING)).json.approvals[0].approval.id as string;
    const other = await api('POST', `/api/v1/conferences/${id}/approvals/${approvalId}`, SERVICE, { decision: 'approve' });
    expect([other.status, other.json.error.code]).toEqual([403, 'BOOKING.NOT_THE_APPROVER']);
    const { rows } = await bot.db.query<{ detail: Json }>("SELECT detail FROM audit_log WHERE action = 'access.refused' AND conference_id = $1", [id]);
    expect(rows.map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail).code)).toContain('BOOKING.NOT_THE_APPROVER');

    const res = await api('POST', `/api/v1/conferences/${id}/approvals/${approvalId}`, SAFEGUARDING, { decision: 'approve', note: 'Agreed: reconvene within T17' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ approval: { status: 'approved' }, conference: { status: 'stood-down' }, followUp: { kind: 'stood-down' } });
    expect((await h.state()).events[0]!.cancelled).toBe(true);
    const twice = await api('POST', `/api/v1/conferences/${id}/approvals/${approvalId}`, SAFEGUARDING, { decision: 'refuse' });
    expect([twice.status, twice.json.error.code]).toEqual([409, 'BOOKING.APPROVAL_ALREADY_DECIDED']);
    const reading = await api('GET', `/api/v1/conferences/${id}`, CLERK);
    expect(reading.json.standDown).toMatchObject({ reason: 'not-quorate', approvalId, reconveneBy: '2027-01-21' });
  });

  it('a stood-down conference is never changed again', async () => {
    const version = (await api('GET', `/api/v1/conferences/${id}`, CLERK)).json.version as number;
    const res = await api('PATCH', `/api/v1/conferences/${id}`, CLERK, { date: '2027-01-07', startTime: '10:00' }, ifMatch(version));
    expect([res.status, res.json.error.code]).toEqual([422, 'BOOKING.CONFERENCE_STOOD_DOWN']);
    const book = await api('POST', `/api/v1/conferences/${id}/booking`, CLERK, undefined, ifMatch(version));
    expect(book.json.error.code).toBe('BOOKING.CONFERENCE_STOOD_DOWN');
  });

  it('rebooking past the last date (T17 reconvene-by) needs a service manager\'s approval; on approval it is booked', async () => {
    const noManager = await api('POST', `/api/v1/conferences/${id}/rebooking`, CLERK, { date: '2027-01-25', startTime: '10:00' });
    expect([noManager.status, noManager.json.error.code, noManager.json.error.details.fields]).toEqual([422, 'BOOKING.LATE_REASON_REQUIRED', ['lateReason', 'managerId']]);
    const notService = await api('POST', `/api/v1/conferences/${id}/rebooking`, CLERK, { date: '2027-01-25', startTime: '10:00', lateReason: 'Police available only then', managerId: TEAM_MANAGER.id });
    expect(notService.json.error.code).toBe('BOOKING.SERVICE_MANAGER_NOT_A_SERVICE_MANAGER');
    const res = await api('POST', `/api/v1/conferences/${id}/rebooking`, CLERK, { date: '2027-01-25', startTime: '10:00', lateReason: 'Police available only then', managerId: SERVICE.id });
    expect(res.status).toBe(201);
    expect(res.json.pendingApprovals).toEqual([expect.objectContaining({ kind: 'rebooking-past-last-date', approverId: SERVICE.id, status: 'pending' })]);
    expect(res.json.answer.missed).toEqual(expect.arrayContaining([{ rule: 'T17', date: '2027-01-21', why: 'past-latest' }]));
    const newId = res.json.conference.id as string;
    expect(res.json.conference.rebookingOf).toBe(id);
    const twice = await api('POST', `/api/v1/conferences/${id}/rebooking`, CLERK, { date: '2027-01-20', startTime: '10:00' });
    expect([twice.status, twice.json.error.code]).toEqual([409, 'BOOKING.ALREADY_REBOOKED']);

    const early = await api('POST', `/api/v1/conferences/${newId}/booking`, CLERK, undefined, ifMatch(1));
    expect([early.status, early.json.error.code]).toEqual([422, 'BOOKING.APPROVAL_PENDING']);
    const approvalId = res.json.pendingApprovals[0].id as string;
    expect(notifier.to(SERVICE.id)).toHaveLength(1);
    const decided = await api('POST', `/api/v1/conferences/${newId}/approvals/${approvalId}`, SERVICE, { decision: 'approve' });
    expect(decided.json).toMatchObject({ followUp: { kind: 'booked' }, conference: { status: 'booked', start: '2027-01-25T10:00' } });
    expect((await h.state()).events).toHaveLength(2);
    const original = await api('GET', `/api/v1/conferences/${id}`, CLERK);
    expect(original.json.standDown.rebookedAs).toBe(newId);
  });
});

describe('a late booking and a repeat plan wait for the named manager', () => {
  it('late: the team manager gets the card; refused, the booking cannot be confirmed', async () => {
    const res = await api('POST', '/api/v1/conferences', SW, { ...request, caseReference: 'MOS7654321', date: '2027-01-08', lateReason: 'Chair on leave', managerId: TEAM_MANAGER.id });
    expect(res.status).toBe(201);
    expect(res.json.pendingApprovals).toEqual([expect.objectContaining({ kind: 'late-booking', approverId: TEAM_MANAGER.id })]);
    expect(res.json.approvalCardsSent).toBe(1);
    const id = res.json.conference.id as string;
    const card = JSON.stringify(notifier.to(TEAM_MANAGER.id).at(-1));
    expect(card).toContain('MOS7654321');
    expect(card).toContain('approval.approve');
    const approvalId = res.json.pendingApprovals[0].id as string;
    const refused = await api('POST', `/api/v1/conferences/${id}/approvals/${approvalId}`, TEAM_MANAGER, { decision: 'refuse', note: 'Find another chair' });
    expect(refused.json).toMatchObject({ approval: { status: 'refused' }, followUp: { kind: 'none' } });
    const confirm = await api('POST', `/api/v1/conferences/${id}/booking`, SW, undefined, ifMatch(refused.json.version));
    expect([confirm.status, confirm.json.error.code]).toEqual([422, 'BOOKING.APPROVAL_REFUSED']);
    expect(await auditActions(id)).toEqual(['conference.created', 'approval.requested', 'approval.card-sent', 'approval.decided', 'approval.requester-told']);
    // The social worker who asked gets the decided card, without buttons.
    const told = JSON.stringify(notifier.to(SW.id).at(-1));
    expect(told).toContain('Refused: a conference past its statutory latest date');
    expect(told).toContain('Find another chair');
    expect(told).not.toContain('approval.approve');
  });

  it('a manager who cannot be reached in Teams: the conference is saved, the card failure reported and audited', async () => {
    notifier.unreachable.add(TEAM_MANAGER.id);
    try {
      const res = await api('POST', '/api/v1/conferences', CLERK, { ...request, caseReference: 'MOS7654322', date: '2027-01-08', lateReason: 'Chair on leave', managerId: TEAM_MANAGER.id });
      expect(res.status).toBe(201);
      expect(res.json.approvalCardsSent).toBe(0);
      expect(await auditActions(res.json.conference.id)).toContain('approval.card-failed');
    } finally {
      notifier.unreachable.delete(TEAM_MANAGER.id);
    }
  });

  it('repeat plan: a service manager must be named; 422 names the rule and nothing is saved', async () => {
    const before = await conferenceCount();
    const res = await api('POST', '/api/v1/conferences', CLERK, { ...request, previousPlanEndedOn: '2026-06-30' });
    expect([res.status, res.json.error.code, res.json.error.details]).toEqual([422, 'BOOKING.SERVICE_MANAGER_REQUIRED', { rule: 'BOOKING.SERVICE_MANAGER_REQUIRED', field: 'serviceManagerId', fields: ['serviceManagerId'], codes: ['BOOKING.SERVICE_MANAGER_REQUIRED'] }]);
    expect(await conferenceCount()).toBe(before);
    const ok = await api('POST', '/api/v1/conferences', CLERK, { ...request, previousPlanEndedOn: '2026-06-30', serviceManagerId: SERVICE.id });
    expect(ok.json.pendingApprovals).toEqual([expect.objectContaining({ kind: 'repeat-plan-oversight', approverId: SERVICE.id })]);
  });
});

describe('GET /api/v1/deadlines', () => {
  it('lists the deadlines due in the range across conferences the caller may read; refuses a professional', async () => {
    const res = await api('GET', '/api/v1/deadlines?from=2026-12-14&to=2027-01-08', CLERK);
    expect(res.status).toBe(200);
    const refs = new Set(res.json.deadlines.map((d: Json) => d.caseReference));
    expect(refs.has('MOS7654322')).toBe(true);
    expect(res.json.deadlines.every((d: Json) => d.date >= '2026-12-14' && d.date <= '2027-01-08')).toBe(true);
    expect(res.json.deadlines.map((d: Json) => d.rule)).toEqual(expect.arrayContaining(['T1', 'T7', 'T9']));
    // The stood-down conference has no deadlines any more.
    expect(res.json.deadlines.filter((d: Json) => d.conferenceStart === '2027-01-07T13:00')).toEqual([]);
    const sorted = [...res.json.deadlines].map((d: Json) => d.date);
    expect(sorted).toEqual([...sorted].sort());
    const police = await api('GET', '/api/v1/deadlines?from=2026-12-14&to=2027-01-08', POLICE);
    expect(police.status).toBe(403);
    const backwards = await api('GET', '/api/v1/deadlines?from=2027-01-08&to=2026-12-14', CLERK);
    expect([backwards.status, backwards.json.error.code]).toEqual([400, 'API.INVALID_REQUEST']);
  });
});

describe('the OpenAPI document', () => {
  it('lists every booking route', async () => {
    const doc = (await api('GET', '/api/v1/openapi.json', CLERK)).json;
    for (const path of ['/api/v1/booking-checks', '/api/v1/conferences', '/api/v1/conferences/{conferenceId}', '/api/v1/conferences/{conferenceId}/booking', '/api/v1/conferences/{conferenceId}/stand-down', '/api/v1/conferences/{conferenceId}/rebooking', '/api/v1/approvals', '/api/v1/conferences/{conferenceId}/approvals/{approvalId}', '/api/v1/deadlines']) {
      expect([path, Object.keys(doc.paths)]).toEqual([path, expect.arrayContaining([path])]);
    }
  });
});
