// The demo's decision and what follows it, through the API as the chair: the agencies' views
// (a 2–2 tie that the chair's casting vote settles under Staffordshire's majority rule), category
// neglect, the lead social worker, the core group, the first core group and review dates picked
// inside the ranges the product gives; the meeting closed and ended; the record issued, the
// father's redacted copy approved by the chair; the first core group and the review booked.
import type { Booked } from './before-the-meeting';
import { CASE_REFERENCE, CHAIR, FATHER, HEALTH, MOTHER, POLICE, SCHOOL, SOCIAL_WORKER } from './demo-cast';
import type { DemoProduct } from './demo-product';
import type { MeetingRun } from './in-the-meeting';
import { meetingEndActivity, participantsActivity } from './meeting-activities';
import type { Json, ProductApi } from './product-api';
import type { SandboxReads } from './sandbox-reads';
import type { Story } from './story-reporter';

export interface Afterwards {
  outcome: string | null;
  decidedBy: string | null;
  category: string | null;
  recordRecipients: number;
  redactedRecipients: number;
  bookedFollowUps: number;
}

/** The latest weekday of a range (its `to`, else its `from`): a date the booking rules accept. */
function weekdayIn(range: { from: string; to?: string }): string {
  const d = new Date(`${range.to ?? range.from}T12:00:00Z`);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const VIEWS: Record<string, 'plan' | 'no-plan'> = { 'childrens-social-care': 'plan', police: 'plan', health: 'no-plan', education: 'no-plan' };

export async function decideAndFollowUp(product: DemoProduct, api: ProductApi, sandbox: SandboxReads, booked: Booked, meeting: MeetingRun, story: Story): Promise<Afterwards> {
  const id = booked.conferenceId;
  story.step("The decision: each agency's view on a plan");
  const reading = (await api.ok('GET', `/conferences/${id}/decision`, CHAIR)).json;
  story.detail(`rule ${reading.decisionRule}; agencies whose views count: ${(reading.agencies as string[]).join(', ')}`);
  const views = (reading.agencies as string[]).map((agency) => ({ agency, view: VIEWS[agency] ?? 'abstain' }));
  const draft = {
    views,
    chairView: 'plan' as const,
    category: 'neglect' as const,
    // Each agency against the outcome records its dissent with a reason (invented text).
    dissent: views.filter((v) => v.view === 'no-plan').map((v) => ({ agency: v.agency, reason: 'Sees progress since the referral and would support the family without a plan.' })),
    leadSocialWorkerInviteeId: booked.inviteeIds[SOCIAL_WORKER.id],
    coreGroupInviteeIds: [SOCIAL_WORKER.id, POLICE.id, HEALTH.id, SCHOOL.id, MOTHER.key, FATHER.key].map((k) => booked.inviteeIds[k]).filter((x): x is string => typeof x === 'string'),
    firstCoreGroupDate: weekdayIn(reading.ranges.firstCoreGroup),
    reviewDate: weekdayIn(reading.ranges.review),
  };
  const saved = (await api.ok('PUT', `/conferences/${id}/decision/draft`, CHAIR, draft)).json;
  story.detail(`plan ${saved.outcome.plan}, no plan ${saved.outcome.noPlan}: tie ${saved.outcome.tie}; the chair's view: plan`);
  const recorded = (await api.ok('POST', `/conferences/${id}/decision`, CHAIR, {})).json;
  const decision = recorded.decision as Json;
  story.detail(`recorded: ${decision.outcome} (${decision.decidedBy}), category ${decision.category}; first core group ${decision.firstCoreGroupDate} (${reading.ranges.firstCoreGroup.rule}), review ${decision.reviewDate} (${reading.ranges.review.rule})`);

  story.step('The chair closes the meeting; everyone leaves and Teams ends it');
  await meeting.controls.stage('close');
  const now = () => product.clock.now();
  await meeting.send('leave', participantsActivity(meeting.chat, 'leave', meeting.present(), now()));
  await meeting.send('meeting end', meetingEndActivity(meeting.chat, now()));
  story.detail(`stage: ${(await meeting.controls.live()).stage}`);

  story.step('The record: issued to every invitee; the copies without a part someone was excluded from wait for the chair');
  const issued = (await api.ok('POST', `/conferences/${id}/record/issue`, CHAIR, {})).json;
  const waiting = (issued.recipients as Json[]).filter((r) => r.state === 'awaiting-approval');
  story.detail(`recipients ${(issued.recipients as Json[]).length}; sent ${(issued.recipients as Json[]).filter((r) => r.state === 'sent').length}; awaiting the chair's approval ${waiting.length} (${waiting.map((r) => r.versionKey).join(', ')})`);
  let status = issued;
  for (const r of waiting) status = (await api.ok('POST', `/conferences/${id}/record/recipients/${r.inviteeId}/approve`, CHAIR)).json;
  const recipients = status.recipients as Json[];
  const sent = recipients.filter((r) => r.state === 'sent');
  const redacted = sent.filter((r) => r.approvalRequired === true);
  const fatherMail = await sandbox.inbox([FATHER.email], CASE_REFERENCE);
  story.detail(
    `sent ${sent.length} (${sent.filter((r) => r.channel === 'card').length} by card, ${sent.filter((r) => r.channel === 'email').length} by e-mail); redacted copies approved and sent ${redacted.length}; the father's mailbox: ${fatherMail.map((m) => `"${m.subject}" [${m.attachments.map((a) => a.name).join(', ')}]`).join('; ')}`,
  );

  story.step('The follow-ups: the first core group and the review conference booked, each with its Teams meeting');
  const follow = (await api.ok('POST', `/conferences/${id}/follow-ups`, CHAIR, {})).json;
  const events = await sandbox.calendarEvents(CASE_REFERENCE);
  const bookedFollowUps = (follow.booked as Json[]).filter((b) => b.status === 'booked' && events.some((e) => !e.cancelled && e.start.startsWith(String(b.date)))).length;
  for (const b of follow.booked as Json[]) story.detail(`${b.kind}: ${b.date}, ${b.status}, lobby verified ${b.optionsVerified}, ${b.invitees} invitees`);
  story.detail(`the sandbox calendar holds ${events.filter((e) => !e.cancelled).length} meetings for ${CASE_REFERENCE}: ${events.map((e) => `${e.subject} ${e.start.slice(0, 10)}`).join('; ')}`);

  return {
    outcome: typeof decision.outcome === 'string' ? decision.outcome : null,
    decidedBy: typeof decision.decidedBy === 'string' ? decision.decidedBy : null,
    category: typeof decision.category === 'string' ? decision.category : null,
    recordRecipients: sent.length,
    redactedRecipients: redacted.length,
    bookedFollowUps,
  };
}
