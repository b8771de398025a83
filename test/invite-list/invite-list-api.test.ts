// The invite list, invitations, attendance and board over real HTTP in local mode (dev sign-in
// tokens for seeded people, the seeded directory, scripted Graph), with conferences written
// straight to the store. Each refusal is the API's coded envelope and changes nothing.
// The machine is shared: starting a server can take a while under load.
jest.setTimeout(120_000);

import { bookedConference, CHAIR, CLERK, conference, GP, HEALTH_VISITOR, type InviteKit, POLICE, RecordingNotifier, SAFEGUARDING, SCHOOL, SOCIAL_WORKER, startInviteKit } from './support/invite-kit';

const notifier = new RecordingNotifier();

let kit: InviteKit;
beforeAll(async () => {
  kit = await startInviteKit({ notifier });
});
afterAll(() => kit.close());

const list = (id: string) => `/api/v1/conferences/${id}/invite-list`;
const gpDraft = { role: 'professional', agency: 'health', displayName: GP.displayName, email: GP.mail, directoryId: GP.id };
const parentDraft = { role: 'parent', displayName: 'Parent Example', email: 'parent.example@example.org', phone: '07700 900123' };

async function auditActions(conferenceId: string): Promise<string[]> {
  const { rows } = await kit.bot.db.query<{ action: string }>('SELECT action FROM audit_log WHERE conference_id = $1 ORDER BY seq', [conferenceId]);
  return rows.map((r) => r.action);
}

describe('reading the invite list', () => {
  beforeAll(async () => {
    await kit.store.create(conference('conf-read'));
  });

  it('the clerk reads it with its version as ETag and the health/police warnings', async () => {
    const res = await kit.api('GET', list('conf-read'), CLERK.id);
    expect(res.status).toBe(200);
    expect(res.etag).toBe('"1"');
    expect(res.json.version).toBe(1);
    expect(res.json.invitees.map((i: { role: string }) => i.role)).toEqual(['chair', 'social-worker']);
    expect(res.json.warnings.map((w: { code: string }) => w.code)).toEqual(['INVITE_LIST.HEALTH_MISSING', 'INVITE_LIST.POLICE_MISSING']);
  });

  it('someone not part of it gets 404; a professional on it may not read the list (403); audited', async () => {
    expect((await kit.api('GET', list('conf-read'), SCHOOL.id)).json.error.code).toBe('ACCESS.NOT_PART_OF_CONFERENCE');
    await kit.store.save({ ...(await kit.store.get('conf-read'))!, invitees: [...(await kit.store.get('conf-read'))!.invitees, { id: 'inv-pc', role: 'professional', agency: 'police', displayName: POLICE.displayName, email: POLICE.mail, status: 'pending' }] });
    const pro = await kit.api('GET', list('conf-read'), POLICE.id);
    expect([pro.status, pro.json.error.code]).toEqual([403, 'ACCESS.ROLE_NOT_ALLOWED']);
    expect(JSON.stringify(pro.json)).not.toContain(CHAIR.displayName);
    expect(await auditActions('conf-read')).toEqual(['access.refused', 'access.refused']);
    // A safeguarding manager oversees every conference.
    expect((await kit.api('GET', list('conf-read'), SAFEGUARDING.id)).status).toBe(200);
  });

  it('an unknown conference is 404', async () => {
    expect((await kit.api('GET', list('no-such'), CLERK.id)).json.error.code).toBe('CONFERENCE.NOT_FOUND');
  });
});

describe('changing the invite list of a draft conference', () => {
  beforeAll(async () => {
    await kit.store.create(conference('conf-edit'));
  });

  it('needs If-Match (428); a stale one is 412 API.VERSION_STALE; nothing changes', async () => {
    const none = await kit.api('POST', `${list('conf-edit')}/invitees`, CLERK.id, gpDraft);
    expect([none.status, none.json.error.code]).toEqual([428, 'API.IF_MATCH_REQUIRED']);
    const stale = await kit.api('POST', `${list('conf-edit')}/invitees`, CLERK.id, gpDraft, { 'if-match': '"7"' });
    expect([stale.status, stale.json.error.code]).toEqual([412, 'API.VERSION_STALE']);
    expect((await kit.store.get('conf-edit'))!.invitees).toHaveLength(2);
  });

  it('adds one invitee (201, ETag 2), audited with ids only', async () => {
    const res = await kit.api('POST', `${list('conf-edit')}/invitees`, CLERK.id, gpDraft, { 'if-match': '"1"' });
    expect(res.status).toBe(201);
    expect(res.etag).toBe('"2"');
    const added = res.json.inviteList.invitees.find((i: { id: string }) => i.id === res.json.inviteeId);
    expect(added).toMatchObject({ role: 'professional', agency: 'health', audience: 'professional', status: 'pending', invited: true });
    expect(res.json.inviteList.warnings.map((w: { code: string }) => w.code)).toEqual(['INVITE_LIST.POLICE_MISSING']);
    const { rows } = await kit.bot.db.query<{ detail: unknown }>("SELECT detail FROM audit_log WHERE conference_id = 'conf-edit' AND action = 'invite-list.invitee-added'");
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toMatch(/Frankie|@/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a duplicate invitee (same e-mail)', { ...gpDraft, directoryId: undefined }, 'INVITE_LIST.DUPLICATE_INVITEE'],
    ['an e-mail that is not one', { ...parentDraft, email: 'not-an-address' }, 'INVITE_LIST.EMAIL_INVALID'],
    ['a family member given a professional role', { role: 'professional', audience: 'family', agency: 'health', displayName: 'Aunt', email: 'aunt@example.org' }, 'INVITE_LIST.FAMILY_MEMBER_PROFESSIONAL_ROLE'],
    ['a family member without a phone', { ...parentDraft, phone: undefined }, 'INVITE_LIST.FIELD_REQUIRED'],
    ['an interpreter from the family', { role: 'interpreter', audience: 'family', displayName: 'Cousin', email: 'cousin@example.org' }, 'INVITE_LIST.INTERPRETER_IS_FAMILY'],
    ['a police check without a reason', { ...parentDraft, policeCheck: { reason: ' ' } }, 'INVITE_LIST.POLICE_CHECK_REASON_REQUIRED'],
    ['a slot outside the conference', { ...parentDraft, slot: { from: '2027-03-01T12:00', to: '2027-03-01T13:00' } }, 'INVITE_LIST.WINDOW_OUTSIDE_CONFERENCE'],
  ])('refuses %s with 422 naming the field, changing nothing', async (_n, body, code) => {
    const before = await kit.store.get('conf-edit');
    const res = await kit.api('POST', `${list('conf-edit')}/invitees`, CLERK.id, JSON.parse(JSON.stringify(body)), { 'if-match': `"${before!.inviteListVersion}"` });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('INVITE_LIST.INVALID_INVITEE');
    expect(res.json.error.details.fields.map((f: { code: string }) => f.code)).toContain(code);
    expect(JSON.stringify(res.json)).not.toContain('not-an-address');
    expect((await kit.store.get('conf-edit'))!.version).toBe(before!.version);
  });

  it('an unknown field in the body is a 400', async () => {
    const res = await kit.api('POST', `${list('conf-edit')}/invitees`, CLERK.id, { ...parentDraft, status: 'invited' }, { 'if-match': '"2"' });
    expect([res.status, res.json.error.code]).toEqual([400, 'API.INVALID_REQUEST']);
  });

  it('edits and removes one invitee with If-Match; a professional may not edit (403)', async () => {
    const added = await kit.api('POST', `${list('conf-edit')}/invitees`, CLERK.id, parentDraft, { 'if-match': '"2"' });
    expect(added.etag).toBe('"3"');
    const id = added.json.inviteeId as string;
    const edit = await kit.api('PATCH', `${list('conf-edit')}/invitees/${id}`, CLERK.id, { phone: '07700 900999', slot: { from: '2027-03-01T11:00', to: '2027-03-01T12:00' } }, { 'if-match': '"3"' });
    expect(edit.status).toBe(200);
    expect(edit.etag).toBe('"4"');
    expect(edit.json.invitees.find((i: { id: string }) => i.id === id)).toMatchObject({ phone: '07700 900999', slot: { from: '2027-03-01T11:00' } });
    const badEdit = await kit.api('PATCH', `${list('conf-edit')}/invitees/${id}`, CLERK.id, { email: GP.mail }, { 'if-match': '"4"' });
    expect(badEdit.json.error.details.fields[0]).toMatchObject({ field: 'email', code: 'INVITE_LIST.DUPLICATE_INVITEE' });
    const byPro = await kit.api('DELETE', `${list('conf-edit')}/invitees/${id}`, POLICE.id, undefined, { 'if-match': '"4"' });
    expect(byPro.status).toBe(404); // not part of this conference
    const removed = await kit.api('DELETE', `${list('conf-edit')}/invitees/${id}`, SOCIAL_WORKER.id, undefined, { 'if-match': '"4"' });
    expect([removed.status, removed.etag]).toEqual([200, '"5"']);
    expect(removed.json.invitees.some((i: { id: string }) => i.id === id)).toBe(false);
    expect((await kit.api('DELETE', `${list('conf-edit')}/invitees/${id}`, CLERK.id, undefined, { 'if-match': '"5"' })).json.error.code).toBe('INVITEE.NOT_FOUND');
    expect(await auditActions('conf-edit')).toEqual(['invite-list.invitee-added', 'invite-list.invitee-added', 'invite-list.invitee-edited', 'access.refused', 'invite-list.invitee-removed']);
  });

  it('a child under 12 is listed but not invited; over 12 invited unless a decision is recorded', async () => {
    const v = (await kit.store.get('conf-edit'))!.inviteListVersion!;
    const young = await kit.api('POST', `${list('conf-edit')}/invitees`, CLERK.id, { role: 'child', ageBand: '5-to-12', advocateOffered: { accepted: true }, displayName: 'Child', email: '' }, { 'if-match': `"${v}"` });
    expect(young.status).toBe(201);
    expect(young.json.inviteList.invitees.find((i: { id: string }) => i.id === young.json.inviteeId)).toMatchObject({ invited: false, notInvitedReason: 'age-band' });
    const noOffer = await kit.api('POST', `${list('conf-edit')}/invitees`, CLERK.id, { role: 'child', ageBand: 'over-12', displayName: 'Teen', email: 'teen@example.org' }, { 'if-match': `"${v + 1}"` });
    expect(noOffer.json.error.details.fields[0].code).toBe('INVITE_LIST.ADVOCATE_OFFER_REQUIRED');
  });

  it('sending invitations before the meeting exists is refused (409)', async () => {
    const res = await kit.api('POST', '/api/v1/conferences/conf-edit/invitations', CLERK.id);
    expect([res.status, res.json.error.code]).toEqual([409, 'MEETING.NOT_CREATED']);
  });
});

describe('a booked conference: add, send, answer, board', () => {
  beforeAll(async () => {
    await kit.store.create(bookedConference('conf-booked', { inviteListVersion: 1 }));
  });

  it('an added invitee stays pending until "send invitations"; then the event, the e-mails and the cards go out once', async () => {
    const gp = await kit.api('POST', `${list('conf-booked')}/invitees`, CLERK.id, gpDraft, { 'if-match': '"1"' });
    expect(gp.status).toBe(201);
    const police = await kit.api('POST', `${list('conf-booked')}/invitees`, CLERK.id, { role: 'professional', agency: 'police', displayName: 'Outside Officer', email: 'officer@force.example' }, { 'if-match': '"2"' });
    const parent = await kit.api('POST', `${list('conf-booked')}/invitees`, CLERK.id, parentDraft, { 'if-match': '"3"' });
    expect(parent.json.inviteList.invitees.filter((i: { status: string }) => i.status === 'pending')).toHaveLength(3);
    expect(kit.meetings.updates).toHaveLength(0);
    expect(kit.mailer.sent).toHaveLength(0);

    const sent = await kit.api('POST', '/api/v1/conferences/conf-booked/invitations', CLERK.id);
    expect(sent.status).toBe(200);
    expect(kit.meetings.updates).toHaveLength(1);
    expect((kit.meetings.updates[0]!.attendees ?? []).map((a) => a.email)).toEqual([CHAIR.mail, SOCIAL_WORKER.mail, GP.mail, 'officer@force.example']);
    expect(sent.json.invited.sort()).toEqual([gp.json.inviteeId, police.json.inviteeId, parent.json.inviteeId].sort());
    expect(sent.json.late).toEqual([]);
    expect(sent.json.attendance).toEqual({ card: [gp.json.inviteeId], email: [police.json.inviteeId], failed: [] });
    expect(sent.json.inviteList.invitees.find((i: { id: string }) => i.id === gp.json.inviteeId).notice).toEqual({ deadline: '2027-02-18', met: true });
    // The card went to the GP's 1:1 chat; the officer outside the tenant got an e-mail with a link.
    expect(notifier.sent.map((s) => s.personId)).toEqual([GP.id]);
    const mail = kit.mailer.sent.find((m) => m.key === police.json.inviteeId)!;
    expect(mail.subject).toBe((await kit.store.get('conf-booked'))!.caseReference);
    expect(mail.html).toMatch(/\/tab\/confirm\?t=[\w.%-]+/);
    expect(mail.html).not.toContain('Parent Example');
    // A second send asks nobody twice and sends nothing again.
    const again = await kit.api('POST', '/api/v1/conferences/conf-booked/invitations', CLERK.id);
    expect(again.json.attendance).toEqual({ card: [], email: [], failed: [] });
    expect(notifier.sent).toHaveLength(1);
    expect(kit.mailer.sent.filter((m) => m.key === police.json.inviteeId)).toHaveLength(1);
  });

  it('the GP answers: not attending records the T9 report date; the same answer again is no change; a change of mind is new', async () => {
    const gpId = (await kit.store.get('conf-booked'))!.invitees.find((i) => i.directoryId === GP.id)!.id;
    const path = `/api/v1/conferences/conf-booked/invitees/${gpId}/attendance`;
    const first = await kit.api('PUT', path, GP.id, { answer: 'not-attending' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ answer: 'not-attending', via: 'api', reportDueBy: '2027-02-24', changed: true, answers: 1 });
    expect((await kit.api('PUT', path, GP.id, { answer: 'not-attending' })).json).toMatchObject({ changed: false, answers: 1 });
    const colleague = await kit.api('PUT', path, GP.id, { answer: 'sending-colleague', colleague: { directoryId: HEALTH_VISITOR.id } });
    expect(colleague.json).toMatchObject({ answer: 'sending-colleague', colleague: { displayName: HEALTH_VISITOR.displayName, role: HEALTH_VISITOR.jobTitle }, changed: true, answers: 2 });
    // The 1:1 card the GP was sent is updated in place to the answered state.
    expect(notifier.updated.at(-1)!.sent).toEqual({ conversationId: `a:chat-${GP.id}`, activityId: 'act-1' });
    expect(JSON.stringify(notifier.updated.at(-1)!.card)).toContain('You are sending a colleague.');
    const answered = (await auditActions('conf-booked')).filter((a) => a === 'attendance.answered');
    expect(answered).toHaveLength(2);
  });

  it('nobody answers for someone else; a colleague picked must exist', async () => {
    const gpId = (await kit.store.get('conf-booked'))!.invitees.find((i) => i.directoryId === GP.id)!.id;
    const other = await kit.api('PUT', `/api/v1/conferences/conf-booked/invitees/${gpId}/attendance`, CLERK.id, { answer: 'attending' });
    expect([other.status, other.json.error.code]).toEqual([403, 'ACCESS.ROLE_NOT_ALLOWED']);
    const unknown = await kit.api('PUT', `/api/v1/conferences/conf-booked/invitees/${gpId}/attendance`, GP.id, { answer: 'sending-colleague', colleague: { directoryId: '5eed0000-0000-4000-8000-000000000999' } });
    expect([unknown.status, unknown.json.error.code]).toEqual([422, 'ATTENDANCE.COLLEAGUE_NOT_FOUND']);
  });

  it('the board shows per agency and the quoracy forecast with what is missing', async () => {
    const res = await kit.api('GET', '/api/v1/conferences/conf-booked/board', CLERK.id);
    expect(res.status).toBe(200);
    expect(res.json.reportDue).toBe('2027-02-24');
    expect(res.json.quoracy).toMatchObject({ quorate: false, socialCare: true, otherAgenciesRequired: 2, otherAgenciesCounted: ['health'], missing: { otherAgencies: 1, toChase: ['police'] } });
    expect(res.json.quoracy.agencies.find((a: { agency: string }) => a.agency === 'health')).toMatchObject({ invited: 1, answer: 'sending-colleague', reportReceived: false });
    expect((await kit.api('GET', '/api/v1/conferences/conf-booked/board', GP.id)).status).toBe(403);
  });

  it('an answer to a stood-down conference is refused (409) and changes nothing', async () => {
    const c = (await kit.store.get('conf-booked'))!;
    await kit.store.save({ ...c, status: 'stood-down' });
    const gpId = c.invitees.find((i) => i.directoryId === GP.id)!.id;
    const res = await kit.api('PUT', `/api/v1/conferences/conf-booked/invitees/${gpId}/attendance`, GP.id, { answer: 'attending' });
    expect([res.status, res.json.error.code]).toEqual([409, 'ATTENDANCE.CONFERENCE_STOOD_DOWN']);
    expect((await kit.store.get('conf-booked'))!.invitees.find((i) => i.id === gpId)!.attendance).toHaveLength(2);
    const edit = await kit.api('POST', `${list('conf-booked')}/invitees`, CLERK.id, parentDraft, { 'if-match': `"${c.inviteListVersion}"` });
    expect(edit.json.error.code).toBe('INVITE_LIST.NOT_EDITABLE');
  });
});
