// The demo's meeting, on the conference morning: Teams' meeting events sent to the bot through the
// Agents Playground's custom-activity API (playground-events.ts; DEMO_EVENTS=direct posts them to
// /api/messages instead), the chair's stage
// changes through the API, and the alerts as the chair gets them — a card in their 1:1 chat in
// the Playground, and a targeted in-meeting notification recorded by the meeting's connector.
// The professionals join; the mother joins during the confidential section (the chair is
// alerted, acknowledges, she leaves); the family's part; the father rejoins inside his exclusion
// window (alerted again) and returns after it; the decision stage.
import type { Booked } from './before-the-meeting';
import { CONFERENCE_DAY } from './before-the-meeting';
import type { ChairChat, ReceivedCard } from './chair-chat';
import { CHAIR, CHILD, FATHER, familyParticipant, HEALTH, MOTHER, POLICE, SCHOOL, SOCIAL_WORKER, staffParticipant } from './demo-cast';
import type { DemoProduct } from './demo-product';
import { type MeetingChat, meetingStartActivity, type Participant, participantsActivity, teamsMeetingIdOf } from './meeting-activities';
import { MeetingControls } from './meeting-controls';
import { postActivity } from './meeting-event-poster';
import { sendThroughPlayground } from './playground-events';
import type { Json, ProductApi } from './product-api';
import type { SandboxReads } from './sandbox-reads';
import type { Story } from './story-reporter';

export interface MeetingRun {
  chat: MeetingChat;
  controls: MeetingControls;
  /** The kinds of the alerts the chair received, in order (each a card in their 1:1 chat). */
  alerts: string[];
  /** Who is in the meeting now (by the events posted). */
  present(): Participant[];
  /** Sends a meeting event the way the demo sends them all; throws unless the bot answered 200. */
  send(what: string, activity: Record<string, unknown>): Promise<void>;
}

/** London wall clock in January is UTC. */
const at = (hhmm: string) => `${CONFERENCE_DAY}T${hhmm}:00.000Z`;

export async function runTheMeeting(product: DemoProduct, api: ProductApi, sandbox: SandboxReads, chair: ChairChat, booked: Booked, story: Story): Promise<MeetingRun> {
  const conference = await api.ok('GET', `/conferences/${booked.conferenceId}`, CHAIR);
  const joinUrl = String(conference.json.conference.joinUrl);
  const meeting = await sandbox.meetingByJoinUrl(joinUrl);
  if (!meeting) throw new Error('DEMO.NO_MEETING: the sandbox has no Teams meeting for the conference');
  const chat: MeetingChat = {
    threadId: meeting.threadId,
    meetingId: teamsMeetingIdOf(meeting.threadId),
    tenantId: product.tenantId,
    serviceUrl: product.meetingConnector.url,
    botId: product.botId,
    joinUrl,
  };
  const controls = new MeetingControls(api, booked.conferenceId);
  const clock = product.clock;
  const post = async (what: string, activity: Record<string, unknown>) => {
    const answer = product.events === 'playground' ? await sendThroughPlayground(product.playgroundUrl, product.database, activity) : await postActivity(product.botUrl, activity);
    if (answer.status !== 200) throw new Error(`DEMO.EVENT_REFUSED: ${what} answered ${answer.status}`);
  };
  const inMeeting = new Map<string, Participant>();
  const join = async (people: Participant[]) => {
    await post('join', participantsActivity(chat, 'join', people, clock.now()));
    for (const p of people) inMeeting.set(p.participantId, p);
  };
  const leave = async (people: Participant[]) => {
    await post('leave', participantsActivity(chat, 'leave', people, clock.now()));
    for (const p of people) inMeeting.delete(p.participantId);
  };
  const alerts: string[] = [];

  /** The next alert: the card in the chair's chat, the alert on the run sheet its button names, and the in-meeting notification. */
  const expectAlert = async (expected: string, fromCard: number, fromSend: number): Promise<{ id: string; card: ReceivedCard }> => {
    const card = await chair.waitFor((c) => c.verbs.includes('meeting.alert-ack'), fromCard);
    if (!card) throw new Error(`DEMO.NO_ALERT: no alert card reached the chair's chat (expected ${expected})`);
    const alertId = String(card.actions.find((a) => a.verb === 'meeting.alert-ack')?.data.alertId ?? '');
    const alert = (await controls.alerts()).find((a) => a.id === alertId);
    if (!alert) throw new Error(`DEMO.NO_ALERT: the run sheet has no open alert ${alertId}`);
    const notified = product.meetingConnector.received().slice(fromSend).filter((s) => s.kind === 'meeting-notification');
    alerts.push(alert.kind);
    story.detail(`alert to the chair (${alert.kind}${alert.kind === expected ? '' : `, expected ${expected}`}): card "${card.texts.slice(0, 2).join(' — ')}"; in-meeting notifications ${notified.length}`);
    return { id: alert.id, card };
  };

  /** The chair's guidance on the run sheet, by role (the names are on the chair's own card). */
  const guidance = async () => {
    const sheet = (await controls.live()).runSheet as Json;
    const roles = (lines: Json[]) => lines.map((l) => String(l.role === 'professional' ? l.agency : l.role)).join(', ') || 'nobody';
    const next = sheet.nextChange ? `; next: ${sheet.nextChange.what} at ${String(sheet.nextChange.at).slice(11, 16)}` : '';
    return `admit now: ${roles(sheet.admitNow)}; must wait: ${roles(sheet.mustWait)}; must leave: ${roles(sheet.mustLeave)}${next}`;
  };
  const changeStage = async (command: string) => {
    const answer = await controls.stage(command);
    story.detail(`stage ${answer.stage}; guidance to the chair (1:1 chat ${answer.notified?.chat ?? '—'}, in the meeting ${answer.notified?.meeting ?? '—'}): ${await guidance()}`);
  };

  story.step('The conference morning: the meeting starts; the chair and the social worker meet for the briefing');
  clock.jump(at('09:45'));
  await post('meeting start', meetingStartActivity(chat, clock.now(), staffParticipant(CHAIR, 'Organizer')));
  await join([staffParticipant(CHAIR, 'Organizer'), staffParticipant(SOCIAL_WORKER)]);
  story.detail(`stage: ${(await controls.live()).stage}`);

  story.step('The professionals join: police, health visitor, school');
  clock.jump(at('09:58'));
  await join([staffParticipant(POLICE), staffParticipant(HEALTH), staffParticipant(SCHOOL)]);
  const quorum = ((await controls.live()).runSheet as Json).quorum as Json;
  story.detail(`quorum at the start: ${quorum.quorate ? 'quorate' : 'not quorate'} (social care ${quorum.socialCare}, agencies present ${(quorum.agenciesPresent as string[]).join(', ')})`);

  story.step('10:00 — the chair opens the confidential section (professionals only)');
  clock.jump(at('10:00'));
  await changeStage('open-confidential');

  story.step('10:05 — the mother joins during the confidential section');
  clock.jump(at('10:05'));
  let fromCard = chair.cards.length;
  let fromSend = product.meetingConnector.received().length;
  await join([familyParticipant(MOTHER)]);
  const first = await expectAlert('family-in-confidential', fromCard, fromSend);
  await controls.acknowledge(first.id);
  await leave([familyParticipant(MOTHER)]);
  story.detail('the chair acknowledged it; the mother left the meeting to wait for the family section');

  story.step("10:30 — the chair opens the family's part: the mother, the father and the child join");
  clock.jump(at('10:30'));
  await changeStage('open-family');
  await join([familyParticipant(MOTHER), familyParticipant(FATHER), familyParticipant(CHILD)]);

  story.step('10:44 — the father leaves for his exclusion window (10:45–11:00); at 10:47 he rejoins inside it');
  clock.jump(at('10:44'));
  await leave([familyParticipant(FATHER)]);
  clock.jump(at('10:47'));
  fromCard = chair.cards.length;
  fromSend = product.meetingConnector.received().length;
  await join([familyParticipant(FATHER)]);
  const second = await expectAlert('excluded-in-window', fromCard, fromSend);
  await controls.acknowledge(second.id);
  await leave([familyParticipant(FATHER)]);
  clock.jump(at('11:00'));
  await join([familyParticipant(FATHER)]);
  story.detail('he left; at 11:00, the window over, he rejoined');

  story.step('11:05 — the chair opens the decision');
  clock.jump(at('11:05'));
  await changeStage('open-decision');
  return { chat, controls, alerts, present: () => [...inMeeting.values()], send: post };
}
