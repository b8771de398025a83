// Ready-made situations for the tab's browser tests, made through the product's API and Teams'
// meeting events exactly as the demo makes them (scripts/demo): a booked and invited ICPC, its
// meeting started with the professionals in it at a chosen stage, a family member joining.
// The cast is the demo's (scripts/demo/demo-cast.ts): invented people only.
import { type Booked, bookAndInvite, CONFERENCE_DAY } from '../../../scripts/demo/before-the-meeting';
import { CHAIR, CHILD, CLERK, FATHER, type FamilyMember, familyParticipant, HEALTH, MOTHER, POLICE, SCHOOL, SOCIAL_WORKER, staffParticipant } from '../../../scripts/demo/demo-cast';
import { type MeetingChat, meetingStartActivity, type Participant, participantsActivity, teamsMeetingIdOf } from '../../../scripts/demo/meeting-activities';
import { postActivity } from '../../../scripts/demo/meeting-event-poster';
import type { Json } from '../../../scripts/demo/product-api';
import { collectedStory } from '../../../scripts/demo/story-reporter';
import { SandboxStore } from '../../../scripts/graph-sandbox/sandbox-store';
import type { TabProduct } from './tab-product';

export { CHAIR, CHILD, CLERK, CONFERENCE_DAY, FATHER, HEALTH, MOTHER, POLICE, SCHOOL, SOCIAL_WORKER };

export interface BookedConference {
  conferenceId: string;
  booked: Booked;
}

/** The demo's ICPC (MOS4455667 on 2027-01-06 10:00), booked by the clerk, invite list of six, invitations sent. */
export async function bookedConference(tp: TabProduct): Promise<BookedConference> {
  const booked = await bookAndInvite(tp.api, tp.sandbox, collectedStory());
  return { conferenceId: booked.conferenceId, booked };
}

export type LiveStage = 'pre-meeting' | 'confidential' | 'family' | 'decision';

export interface LiveMeeting extends BookedConference {
  chat: MeetingChat;
  /** Posts a meeting event to /api/messages; throws unless the bot answered 200. */
  send(what: string, activity: Record<string, unknown>): Promise<void>;
  join(people: Participant[]): Promise<void>;
  leave(people: Participant[]): Promise<void>;
  /** A stage command as the chair (POST …/meeting/stage). */
  stage(command: string): Promise<Json>;
  /** GET …/meeting as the chair. */
  live(): Promise<Json>;
}

/** London wall clock in January is UTC. */
const at = (hhmm: string) => `${CONFERENCE_DAY}T${hhmm}:00.000Z`;

/** Where each stage is reached from the pre-meeting, with the demo's times. */
const ROUTE: { command: string; stage: LiveStage; at: string }[] = [
  { command: 'open-confidential', stage: 'confidential', at: '10:00' },
  { command: 'open-family', stage: 'family', at: '10:30' },
  { command: 'open-decision', stage: 'decision', at: '11:05' },
];

/**
 * The conference morning: the clock moves to 09:45, the meeting starts, the chair, the social
 * worker, police, health and school join, and the chair moves on to `stage` (default
 * 'pre-meeting'). Books the conference first unless one is given. Professionals only: the family
 * joins with joinFamily.
 */
export async function liveMeeting(tp: TabProduct, options: { stage?: LiveStage; conference?: BookedConference } = {}): Promise<LiveMeeting> {
  const conference = options.conference ?? (await bookedConference(tp));
  const { conferenceId } = conference;
  const reading = await tp.api.ok('GET', `/conferences/${conferenceId}`, CHAIR);
  const joinUrl = String(reading.json.conference.joinUrl);
  const meeting = await tp.sandbox.meetingByJoinUrl(joinUrl);
  if (!meeting) throw new Error('HARNESS.NO_MEETING: the sandbox has no Teams meeting for the conference');
  const chat: MeetingChat = {
    threadId: meeting.threadId,
    meetingId: teamsMeetingIdOf(meeting.threadId),
    tenantId: tp.product.tenantId,
    serviceUrl: tp.product.meetingConnector.url,
    botId: tp.product.botId,
    joinUrl,
  };
  const send = async (what: string, activity: Record<string, unknown>) => {
    const answer = await postActivity(tp.url, activity);
    if (answer.status !== 200) throw new Error(`HARNESS.EVENT_REFUSED: ${what} answered ${answer.status}`);
  };
  const join = (people: Participant[]) => send('join', participantsActivity(chat, 'join', people, tp.clock.now()));
  const leave = (people: Participant[]) => send('leave', participantsActivity(chat, 'leave', people, tp.clock.now()));
  const stage = async (command: string) => (await tp.api.ok('POST', `/conferences/${conferenceId}/meeting/stage`, CHAIR, { command })).json;
  const live = async () => (await tp.api.ok('GET', `/conferences/${conferenceId}/meeting`, CHAIR)).json;

  if (tp.clock.now().getTime() < new Date(at('09:45')).getTime()) tp.clock.jump(at('09:45'));
  await send('meeting start', meetingStartActivity(chat, tp.clock.now(), staffParticipant(CHAIR, 'Organizer')));
  await join([staffParticipant(CHAIR, 'Organizer'), staffParticipant(SOCIAL_WORKER), staffParticipant(POLICE), staffParticipant(HEALTH), staffParticipant(SCHOOL)]);
  const target = options.stage ?? 'pre-meeting';
  for (const step of ROUTE.slice(0, ROUTE.findIndex((r) => r.stage === target) + 1)) {
    if (tp.clock.now().getTime() < new Date(at(step.at)).getTime()) tp.clock.jump(at(step.at));
    await stage(step.command);
  }
  return { ...conference, chat, send, join, leave, stage, live };
}

/**
 * A family member joins as a guest (matched to their invitation by e-mail). In the confidential
 * section this raises the chair's 'family-in-confidential' alert. Returns the participant.
 */
export async function joinFamily(meeting: LiveMeeting, member: FamilyMember = MOTHER): Promise<Participant> {
  const participant = familyParticipant(member);
  await meeting.join([participant]);
  return participant;
}

/** The open alerts on the chair's run sheet. */
export async function openAlerts(meeting: LiveMeeting): Promise<{ id: string; kind: string; acknowledged: boolean }[]> {
  return ((await meeting.live()).runSheet?.alerts ?? []) as { id: string; kind: string; acknowledged: boolean }[];
}

/** The first link matching `pattern` in an inbox message to `mailbox` (the sandbox's mail), as an absolute URL on this product. */
export async function mailedLink(tp: TabProduct, mailbox: string, pattern: RegExp): Promise<string> {
  const messages = await new SandboxStore(tp.database).listMessages();
  for (const m of messages) {
    if (m.folder !== 'inbox' || m.mailbox.toLowerCase() !== mailbox.toLowerCase()) continue;
    const href = pattern.exec(JSON.stringify(m.body))?.[0];
    if (href) return new URL(href.replace(/\\u0026/g, '&').replace(/&amp;/g, '&'), tp.url).toString();
  }
  throw new Error(`HARNESS.NO_LINK: no message to ${mailbox} has a link matching ${pattern}`);
}
