// The clerk's dashboard API over real HTTP in local mode on the SQL store (PGlite): conferences by
// date that the caller may read, each deadline with its status; one conference's deadlines; the
// refusals (a professional 403, someone not part of it 404, a bad range 400).
import type { Clock } from '../../bot/app/ports/clock.port';
import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { bookedConference, CLERK, conference, type InviteKit, POLICE, SAFEGUARDING, startInviteKit } from '../invite-list/support/invite-kit';

jest.setTimeout(60_000);

/** A fixed Europe/London day (Monday 22 Feb 2027, a week before the conferences); real instants for the tokens. */
const TODAY: Clock = { now: () => new Date(), today: () => '2027-02-22' };
const OTHER_CLERK = seedPerson('clerk', 1);

let kit: InviteKit;
beforeAll(async () => {
  kit = await startInviteKit({ clock: TODAY });
  // Booked on 1 March, invitations out, the family's copy of the social work report shared.
  await kit.store.create(bookedConference('c-booked', { caseReference: 'MOS0000101', socialWorkReport: { sharedWithFamilyAt: '2027-02-19T10:00:00.000Z' } }));
  // A draft on 2 March waiting for a manager's approval: nobody invited yet.
  await kit.store.create(conference('c-draft', {
    caseReference: 'MOS0000102', start: '2027-03-02T14:00', end: '2027-03-02T15:30',
    approvals: [{ id: 'ap-1', kind: 'late-booking', approverId: SAFEGUARDING.id, requestedBy: CLERK.id, requestedAt: '2027-02-20T09:00:00.000Z', reason: 'Invented reason', status: 'pending' }],
  }));
  // Another clerk's conference (the first clerk is not part of it), and one after the range.
  await kit.store.create(conference('c-other', { caseReference: 'MOS0000103', organizerId: OTHER_CLERK.id, start: '2027-03-03T10:00', end: '2027-03-03T11:00' }));
  await kit.store.create(bookedConference('c-later', { caseReference: 'MOS0000104', start: '2027-05-03T10:00', end: '2027-05-03T11:00' }));
}, 120_000);
afterAll(async () => kit?.close());

describe('GET /api/v1/conferences?from&to', () => {
  it("lists the clerk's conferences in the range by start, each deadline with its status", async () => {
    const res = await kit.api('GET', '/api/v1/conferences?from=2027-02-22&to=2027-03-31', CLERK.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ from: '2027-02-22', to: '2027-03-31', today: '2027-02-22' });
    expect(res.json.conferences.map((c: { conference: { id: string } }) => c.conference.id)).toEqual(['c-booked', 'c-draft']);
    const [booked, draft] = res.json.conferences;
    expect(booked.conference).toMatchObject({ caseReference: 'MOS0000101', status: 'booked', start: '2027-03-01T10:00' });
    expect(booked.version).toBe(1);
    const status = (l: { deadlines: { rule: string; date: string; status: string }[] }) => Object.fromEntries(l.deadlines.map((d) => [d.rule, `${d.date} ${d.status}`]));
    expect(status(booked)).toEqual({ T7: '2027-02-18 done', T9: '2027-02-24 due-soon', T10: '2027-02-25 done', T10b: '2027-02-26 due', T11: '2027-02-25 due-soon', T24: '2027-03-01 due' });
    expect(status(draft).T7).toBe('2027-02-19 missed');
    expect(booked.pendingApprovals).toEqual([]);
    expect(draft.pendingApprovals).toEqual([{ id: 'ap-1', kind: 'late-booking', approverId: SAFEGUARDING.id, status: 'pending', requestedAt: '2027-02-20T09:00:00.000Z' }]);
    // Never a person's name or contact in the listing.
    expect(JSON.stringify(res.json)).not.toMatch(/invitees|displayName|email|Invented/);
  });

  it('a safeguarding manager sees every conference council-wide; a professional is refused (403)', async () => {
    const manager = await kit.api('GET', '/api/v1/conferences?from=2027-03-01&to=2027-03-03', SAFEGUARDING.id);
    expect(manager.json.conferences.map((c: { conference: { id: string } }) => c.conference.id)).toEqual(['c-booked', 'c-draft', 'c-other']);
    const police = await kit.api('GET', '/api/v1/conferences?from=2027-03-01&to=2027-03-03', POLICE.id);
    expect([police.status, police.json.error.code]).toEqual([403, 'ACCESS.ROLE_NOT_ALLOWED']);
  });

  it("without a range: from the server's today for 56 days (a missing bound filled in)", async () => {
    const res = await kit.api('GET', '/api/v1/conferences', CLERK.id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ from: '2027-02-22', to: '2027-04-19', today: '2027-02-22' });
    expect(res.json.conferences.map((c: { conference: { id: string } }) => c.conference.id)).toEqual(['c-booked', 'c-draft']);
    const onlyTo = await kit.api('GET', '/api/v1/conferences?to=2027-03-01', CLERK.id);
    expect(onlyTo.json).toMatchObject({ from: '2027-02-22', to: '2027-03-01' });
    expect(onlyTo.json.conferences).toHaveLength(1);
  });

  it('the range is checked: to before from, more than 366 days, an unreal date, an unknown parameter → 400', async () => {
    for (const q of ['from=2027-03-02&to=2027-03-01', 'from=2027-01-01&to=2028-02-01', 'from=2027-02-30&to=2027-03-01', 'from=2027-03-01&status=due']) {
      const res = await kit.api('GET', `/api/v1/conferences?${q}`, CLERK.id);
      expect([q, res.status, res.json.error.code]).toEqual([q, 400, 'API.INVALID_REQUEST']);
    }
  });
});

describe('GET /api/v1/conferences/:id/deadlines', () => {
  it('one conference with its statuses and its version as the ETag', async () => {
    const res = await kit.api('GET', '/api/v1/conferences/c-booked/deadlines', CLERK.id);
    expect(res.status).toBe(200);
    expect(res.etag).toBe('"1"');
    expect(res.json.deadlines.find((d: { rule: string }) => d.rule === 'T10b')).toMatchObject({ date: '2027-02-26', status: 'due', name: expect.any(String), text: expect.any(String) });
  });

  it('someone not part of it gets 404 (the conference is not revealed); an unknown id 404', async () => {
    const other = await kit.api('GET', '/api/v1/conferences/c-other/deadlines', CLERK.id);
    expect([other.status, other.json.error.code]).toEqual([404, 'ACCESS.NOT_PART_OF_CONFERENCE']);
    const unknown = await kit.api('GET', '/api/v1/conferences/c-none/deadlines', CLERK.id);
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'CONFERENCE.NOT_FOUND']);
  });
});
