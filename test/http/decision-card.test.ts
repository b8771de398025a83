// The chair's decision card over real HTTP in local mode (staffordshire: majority with the chair's
// casting vote): "decision <case reference>" in the 1:1 chat and in the meeting chat (the neutral
// base card, refresh for the chair only, the chair's card in their 1:1 chat); every press saves
// the draft; errors beside their fields with the values kept; a tie settled by the casting vote;
// a second "Record decision" changes nothing; anyone else is refused and audited.
jest.setTimeout(120_000);

import { CHAIR, type InviteKit, POLICE, RecordingNotifier, startInviteKit } from '../invite-list/support/invite-kit';
import { cardActionInvoke, mentionActivity, messageActivity } from './support/activities';
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';
import { auditOf, decisionConference, liveOf, startLiveMeeting } from './support/decision-kit';

type Node = Record<string, unknown>;
const notifier = new RecordingNotifier();
let kit: InviteKit;
let connector: ConnectorStub;
const REF = 'MOS5550091';

beforeAll(async () => {
  kit = await startInviteKit({ notifier });
  connector = await startConnectorStub();
  await kit.store.create(decisionConference('dc-1', { caseReference: REF, profileId: 'staffordshire' }));
  await startLiveMeeting(kit, 'dc-1');
  await kit.store.create(decisionConference('dc-2', { caseReference: 'MOS5550092', profileId: 'staffordshire' }));
});
afterAll(async () => {
  await kit.close();
  await connector.close();
});

const as = (p: { id: string }, activity: Node): Node => ({ ...activity, from: { id: `29:${p.id}`, aadObjectId: p.id, name: 'Invented Person' } });
function walk(card: unknown, visit: (o: Node) => void): void {
  if (Array.isArray(card)) {
    for (const c of card) walk(c, visit);
  }
  else if (card && typeof card === 'object') {
    visit(card as Node);
    for (const [k, v] of Object.entries(card as Node)) if (k !== 'fallback') walk(v, visit);
  }
}
const texts = (card: unknown): string => {
  const out: string[] = [];
  walk(card, (o) => {
    if (o.type === 'TextBlock') out.push(String(o.text));
  });
  return out.join(' | ');
};
const inputs = (card: unknown): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  walk(card, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Input.')) out[String(o.id)] = o.value;
  });
  return out;
};
/** The TextBlock straight after the input `id` (where its error goes). */
const errorBeside = (card: unknown, id: string): string | null => {
  let found: string | null = null;
  walk(card, (o) => {
    const items = (o.items ?? o.body) as Node[] | undefined;
    if (!Array.isArray(items)) return;
    const at = items.findIndex((x) => x.id === id);
    const next = at >= 0 ? items[at + 1] : undefined;
    if (next && next.type === 'TextBlock' && next.color === 'Attention') found = String(next.text);
  });
  return found;
};
let pressCount = 0;
async function press(verb: string, data: Node, who: { id: string } = CHAIR, conferenceId = 'dc-1') {
  const res = await kit.bot.post('/api/messages', as(who, cardActionInvoke(verb, { actionId: `dc-${++pressCount}`, conferenceId, ...data }, { serviceUrl: connector.url })));
  expect(res.status).toBe(200);
  return res.json as { statusCode: number; value: Node };
}

const TIE = { 'view_childrens-social-care': 'plan', view_police: 'no-plan', view_health: 'plan', view_education: 'no-plan', scaling_police: '3' };

it('the chair types "decision <ref>" in the 1:1 chat: the card lists the agencies present or reporting', async () => {
  await kit.bot.post('/api/messages', as(CHAIR, messageActivity(`decision ${REF}`, { serviceUrl: connector.url })));
  const [reply] = await connector.waitFor(1);
  const card = (reply!.body.attachments as { content: Node }[])[0]!.content;
  const t = texts(card);
  expect(t).toContain(`Decision: ${REF}`);
  for (const agency of ["Children's social care", 'Police', 'Health', 'School or education setting']) expect(t).toContain(agency);
  expect(t).not.toContain('Housing');
  expect(t).toContain('Sent a report (not in the meeting)');
  expect(Object.keys(inputs(card))).toEqual(expect.arrayContaining(['view_police', 'scaling_police', 'dissent_police', 'firstCoreGroupDate', 'reviewDate']));
  // The ranges in the labels and on the date inputs.
  expect(JSON.stringify(card)).toContain('First core group date: 2027-03-02 to 2027-03-15 (T4: within 10 working days of the conference)');
  expect(JSON.stringify(card)).toContain('Review conference date: 2027-03-02 to 2027-06-01 (T2: within 3 months of the conference)');
  // Family members by role only, never by name.
  expect(JSON.stringify(card)).not.toContain('Invented Parent');
  connector.calls.length = 0;
});

it('typed in the meeting chat: the neutral base card there (refresh for the chair only), the chair\'s card in their 1:1 chat', async () => {
  await kit.bot.post('/api/messages', as(CHAIR, mentionActivity(`decision ${REF}`, { serviceUrl: connector.url })));
  const [reply] = await connector.waitFor(1);
  const base = (reply!.body.attachments as { content: Node }[])[0]!.content;
  expect(base.refresh).toMatchObject({ userIds: [CHAIR.id], action: { type: 'Action.Execute', verb: 'decision.open', data: { conferenceId: 'dc-1' } } });
  const shown = JSON.stringify(base);
  for (const secret of [REF, 'Police', 'plan', 'Invented Parent']) expect(shown).not.toContain(secret);
  expect(notifier.sent.map((s) => s.personId)).toEqual([CHAIR.id]);
  expect(texts(notifier.sent[0]!.card)).toContain(`Decision: ${REF}`);
  // The refresh gives the chair their own card.
  const opened = await press('decision.open', {});
  expect(texts(opened.value)).toContain(`Decision: ${REF}`);
  connector.calls.length = 0;
});

it('someone else is refused in words, and the refusal is audited', async () => {
  await kit.bot.post('/api/messages', as(POLICE, messageActivity(`decision ${REF}`, { serviceUrl: connector.url })));
  const [reply] = await connector.waitFor(1);
  expect(reply!.body.attachments).toBeUndefined();
  expect(String(reply!.body.text)).toBe('Only the chair of this conference records its decision.');
  const answer = await press('decision.record', TIE, POLICE);
  expect(answer).toMatchObject({ statusCode: 400, value: { code: 'DECISION.NOT_THE_CHAIR' } });
  const refusals = (await auditOf(kit, 'dc-1')).filter((a) => a.action === 'decision.refused');
  expect(refusals).toEqual([
    { action: 'decision.refused', actor_id: POLICE.id, detail: { attempted: 'decision.read', code: 'DECISION.NOT_THE_CHAIR' } },
    { action: 'decision.refused', actor_id: POLICE.id, detail: { attempted: 'decision.record', code: 'DECISION.NOT_THE_CHAIR' } },
  ]);
  expect((await liveOf(kit, 'dc-1'))!.decisionDraft).toBeUndefined();
  connector.calls.length = 0;
});

it('every press saves the draft; the outcome is computed as the views are entered', async () => {
  const card = (await press('decision.save', TIE)).value;
  expect(texts(card)).toContain('The agencies are equally split: your casting vote decides.');
  expect(texts(card)).toContain('Plan 2, no plan 2, abstaining 0');
  expect((await liveOf(kit, 'dc-1'))!.decisionDraft).toMatchObject({ views: [{ agency: 'childrens-social-care', view: 'plan' }, { agency: 'police', view: 'no-plan', scaling: 3 }, { agency: 'health', view: 'plan' }, { agency: 'education', view: 'no-plan' }], savedBy: CHAIR.id });
  expect(inputs(card)).toMatchObject({ view_police: 'no-plan', scaling_police: '3' });
});

it('a view from an agency neither present nor reporting is refused beside it and nothing is saved', async () => {
  const before = (await liveOf(kit, 'dc-1'))!;
  const card = (await press('decision.save', { ...TIE, view_housing: 'plan' })).value;
  expect(texts(card)).toContain('Nothing was saved: Housing is neither in the meeting nor sent a report, so a view from it cannot be counted.');
  expect((await liveOf(kit, 'dc-1'))!.version).toBe(before.version);
});

it('Record with fields missing or out of range: the same card, each error beside its field, the values kept', async () => {
  const entered = { ...TIE, chairView: 'plan', category: 'neglect', firstCoreGroupDate: '2027-03-16', coreGroup: 'inv-police,inv-chair' };
  const card = (await press('decision.record', entered)).value;
  expect(texts(card)).toContain('Not recorded yet');
  expect(errorBeside(card, 'firstCoreGroupDate')).toBe('Outside the allowed range: 2027-03-02 to 2027-03-15 (T4: within 10 working days of the conference).');
  expect(errorBeside(card, 'reviewDate')).toMatch(/^Give the date: 2027-03-02 to 2027-06-01/);
  expect(errorBeside(card, 'leadSocialWorker')).toBe('Choose the lead social worker.');
  expect(errorBeside(card, 'coreGroup')).toMatch(/professionals and family members/);
  expect(errorBeside(card, 'dissent_police')).toMatch(/record its reason/);
  expect(inputs(card)).toMatchObject({ chairView: 'plan', category: 'neglect', firstCoreGroupDate: '2027-03-16', coreGroup: 'inv-police,inv-chair', view_police: 'no-plan' });
  const live = (await liveOf(kit, 'dc-1'))!;
  expect(live.decision).toBeUndefined();
  expect(live.decisionDraft).toMatchObject({ chairView: 'plan', firstCoreGroupDate: '2027-03-16' });
});

it('a tie settled by the chair\'s casting vote, category neglect: recorded and audited with ids and codes only', async () => {
  const complete = {
    ...TIE, chairView: 'plan', category: 'neglect', leadSocialWorker: 'inv-sw', coreGroup: 'inv-police,inv-hv,inv-parent',
    firstCoreGroupDate: '2027-03-15', reviewDate: '2027-06-01', dissent_police: 'Invented reason', dissent_education: 'Invented reason two',
  };
  const card = (await press('decision.record', complete)).value;
  expect(texts(card)).toContain('Decision recorded. The record now goes to every invitee; any copy that leaves parts out waits for your approval. Say "follow-ups" and the case reference to book the core group and the review.');
  const decision = (await liveOf(kit, 'dc-1'))!.decision!;
  expect(decision).toMatchObject({
    outcome: 'child-protection-plan', decidedBy: 'casting-vote', category: 'neglect', chairId: CHAIR.id, leadSocialWorkerInviteeId: 'inv-sw',
    coreGroupInviteeIds: ['inv-sw', 'inv-police', 'inv-hv', 'inv-parent'], dissent: [{ agency: 'police', reason: 'Invented reason' }, { agency: 'education', reason: 'Invented reason two' }],
  });
  const recorded = (await auditOf(kit, 'dc-1')).filter((a) => a.action === 'decision.recorded');
  expect(recorded).toEqual([{ action: 'decision.recorded', actor_id: CHAIR.id, detail: { outcome: 'child-protection-plan', decidedBy: 'casting-vote', category: 'neglect', reviewOutcome: null, views: 4, dissent: ['police', 'education'], coreGroup: ['inv-sw', 'inv-police', 'inv-hv', 'inv-parent'] } }]);
  expect(JSON.stringify(await auditOf(kit, 'dc-1'))).not.toContain('Invented');

  // A second submit (a new press) answers "already recorded" and changes nothing.
  // Not the row's version: the record's issue job, queued with the decision, writes to the same
  // row in the background. What the presses could change is the decision and the draft.
  const before = (await liveOf(kit, 'dc-1'))!;
  const again = (await press('decision.record', { ...complete, chairView: 'no-plan' })).value;
  expect(texts(again)).toContain('The decision is already recorded: nothing was changed.');
  const saveAgain = (await press('decision.save', { ...complete, category: 'physical' })).value;
  expect(texts(saveAgain)).toContain('already recorded');
  const after = (await liveOf(kit, 'dc-1'))!;
  expect([after.decision, after.decisionDraft]).toEqual([decision, before.decisionDraft]);
});

it('no live meeting: MEETING.NOT_FOUND, in words in chat', async () => {
  expect(await press('decision.open', {}, CHAIR, 'dc-2')).toMatchObject({ statusCode: 400, value: { code: 'MEETING.NOT_FOUND' } });
  await kit.bot.post('/api/messages', as(CHAIR, messageActivity('decision MOS5550092', { serviceUrl: connector.url })));
  const [reply] = await connector.waitFor(1);
  expect(String(reply!.body.text)).toMatch(/meeting is not live yet/);
  connector.calls.length = 0;
});
