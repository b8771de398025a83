// The chair's run sheet card over real HTTP in local mode, without the calling bot (the default):
// "meeting <case reference>" sends it to the chair's own 1:1 chat; its stage buttons come from the
// stage machine; not quorate, the first stage needs the recorded reason; Remove answers with
// Teams' exact steps; anyone else pressing is refused and never sees the chair's card.
jest.setTimeout(120_000);

import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import type { RosterEntry } from '../../bot/domain/meeting/live-meeting';
import { bookedConference, CHAIR, type InviteKit, RecordingNotifier, SOCIAL_WORKER, startInviteKit } from '../invite-list/support/invite-kit';
import { cardActionInvoke, messageActivity } from './support/activities';
import { type ConnectorStub, startConnectorStub } from './support/connector-stub';

type Node = Record<string, unknown>;
const notifier = new RecordingNotifier();
let kit: InviteKit;
let connector: ConnectorStub;

const entry = (participantId: string, extra: Partial<RosterEntry>): RosterEntry => ({
  participantId, inMeeting: true, firstJoinedAt: '2026-12-02T09:55:00.000Z', lastEventAt: '2026-12-02T09:55:00.000Z', ...extra,
});

beforeAll(async () => {
  kit = await startInviteKit({ notifier });
  connector = await startConnectorStub();
  const base = bookedConference('rs-1', { caseReference: 'MOS5550002' });
  await kit.store.create({
    ...base,
    invitees: [...base.invitees, { id: 'inv-parent', role: 'parent', displayName: 'Invented Parent', email: 'parent.invented@example.net', status: 'invited' }],
  });
  await new SqlLiveMeetingStore(kit.bot.db).create({
    conferenceId: 'rs-1', teamsMeetingId: 'mtg-rs-1', stage: 'pre-meeting', history: [], alerts: [], startedAt: '2026-12-02T09:55:00.000Z',
    roster: [
      entry('29:chair', { aadObjectId: CHAIR.id, inviteeId: 'inv-chair', matchedBy: 'entra-id' }),
      entry('29:sw', { aadObjectId: SOCIAL_WORKER.id, inviteeId: 'inv-sw', matchedBy: 'entra-id' }),
      entry('29:parent', { inviteeId: 'inv-parent', matchedBy: 'email' }),
    ],
  });
});
afterAll(async () => {
  await kit.close();
  await connector.close();
});

const as = (p: { id: string }, activity: Node): Node => ({ ...activity, from: { id: `29:${p.id}`, aadObjectId: p.id, name: 'Invented Person' } });
const texts = (card: unknown): string[] => {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Node;
      if (o.type === 'TextBlock') out.push(String(o.text));
      for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v);
    }
  };
  walk(card);
  return out;
};
const stageButtons = (card: Node) => ((card.actions as Node[]) ?? []).filter((a) => a.verb === 'meeting.stage').map((a) => (a.data as Node).command);

async function press(who: { id: string }, verb: string, data: Node) {
  const res = await kit.bot.post('/api/messages', as(who, cardActionInvoke(verb, { actionId: `rs-${Math.random()}`, conferenceId: 'rs-1', ...data }, { serviceUrl: connector.url })));
  expect(res.status).toBe(200);
  return res.json as { statusCode: number; type: string; value: Node };
}

it('"meeting <case reference>": the chair gets the run sheet in their 1:1 chat, never in the chat it was typed in', async () => {
  await kit.bot.post('/api/messages', as(CHAIR, messageActivity('meeting MOS5550002', { serviceUrl: connector.url })));
  const [reply] = await connector.waitFor(1);
  expect(reply!.body.attachments).toBeUndefined();
  expect(String(reply!.body.text)).toBe('The run sheet is in your 1:1 chat with the bot.');
  const sent = notifier.sent.at(-1)!;
  expect(sent.personId).toBe(CHAIR.id);
  const lines = texts(sent.card);
  expect(lines[0]).toBe('Run sheet MOS5550002');
  expect(lines).toContain('Must leave now');
  expect(lines).toContain('Invented Parent (parent)');
  expect(stageButtons(sent.card as Node)).toEqual(['open-confidential']);
  expect((sent.card as Node).refresh).toMatchObject({ userIds: [CHAIR.id] });
  connector.calls.length = 0;
});

it('anyone else is told only the chair has it; nothing is sent', async () => {
  const before = notifier.sent.length;
  await kit.bot.post('/api/messages', as(SOCIAL_WORKER, messageActivity('meeting MOS5550002', { serviceUrl: connector.url })));
  const [reply] = await connector.waitFor(1);
  expect(String(reply!.body.text)).toBe('Only the chair of this conference has its run sheet.');
  expect(notifier.sent.length).toBe(before);
  connector.calls.length = 0;
});

it('a stage button pressed by anyone else is refused, with no card', async () => {
  const answer = await press(SOCIAL_WORKER, 'meeting.stage', { command: 'open-confidential' });
  expect(answer.statusCode).toBe(400);
  expect(JSON.stringify(answer.value)).toContain('Only the chair of this conference can do this.');
  expect(JSON.stringify(answer.value)).not.toContain('Invented Parent');
});

it('not quorate: the first stage asks for the reason on the card; with it, the stage opens and the card says so', async () => {
  const refused = await press(CHAIR, 'meeting.stage', { command: 'open-confidential' });
  expect(texts(refused.value)).toContain('Not quorate: give the reason to proceed (it is recorded), or ask to stand the conference down.');
  // The stand-down form is the lifecycle's own verb, with the reason fixed to not-quorate.
  expect(JSON.stringify(refused.value)).toContain('"verb":"stand-down.request"');
  expect(JSON.stringify(refused.value)).toContain('"reason":"not-quorate"');

  const opened = await press(CHAIR, 'meeting.stage', { command: 'open-confidential', quorumReason: 'Reports from police and health are in' });
  const lines = texts(opened.value);
  expect(lines).toContain('Open the confidential section: done. Now: Confidential section (professionals only).');
  expect(stageButtons(opened.value)).toEqual(['open-family']);
  expect(lines).toContain('Alerts');
  // The profile keeps the lobby locked throughout (liveLobbyBypass off): no PATCH at the stage change.
  expect(kit.meetings.calls).not.toContain('setMeetingOptions');
});

it('Remove without the calling bot answers with Teams\' exact steps', async () => {
  const answer = await press(CHAIR, 'meeting.remove', { participantId: '29:parent' });
  expect(texts(answer.value)).toContain('In the meeting, open People, find the parent, select More options (…) › Remove from meeting.');
});

it('Match without choosing is answered on the card; Refresh shows the run sheet again', async () => {
  expect(texts((await press(CHAIR, 'meeting.match', {})).value)).toContain('Choose the participant and who they are.');
  const refreshed = await press(CHAIR, 'meeting.run-sheet-refresh', {});
  expect(texts(refreshed.value)[0]).toBe('Run sheet MOS5550002');
});
