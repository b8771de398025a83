// In the meeting, end to end: the demo's whole ICPC (scripts/demo, `npm run demo`) against the
// local product as the launcher composes it — the bot in local mode, the strict Graph sandbox on
// its database, the Agents Playground with the chair as its user — under PROFILE=staffordshire.
// The clerk books and invites through the API; Teams' meeting events go through the Playground;
// the mother joins during the confidential section and the father inside his exclusion window,
// and each time the chair is alerted in their Playground chat; a 2–2 tie is settled by the chair's
// casting vote, category neglect; the record goes out with the father's redacted copy after the
// chair's approval; the first core group and the review are booked in the sandbox calendar. The
// result line's values are asserted, and checked again against the database and the sandbox.
import { DemoClock } from '../../scripts/demo/demo-clock';
import { CASE_REFERENCE, CHAIR, CLERK, FATHER, MOTHER } from '../../scripts/demo/demo-cast';
import { type DemoProduct, startDemoProduct } from '../../scripts/demo/demo-product';
import { type DemoResult, runIcpcScenario } from '../../scripts/demo/icpc-scenario';
import { type Json, ProductApi } from '../../scripts/demo/product-api';
import { BOOKING_DAY_START } from '../../scripts/demo/run-demo-settings';
import { SandboxReads } from '../../scripts/demo/sandbox-reads';
import { collectedStory } from '../../scripts/demo/story-reporter';

jest.setTimeout(300_000);

let product: DemoProduct | undefined;
let result: DemoResult;
const story = collectedStory();

beforeAll(async () => {
  product = await startDemoProduct({ profile: 'staffordshire', clock: new DemoClock(BOOKING_DAY_START) });
  result = await runIcpcScenario(product, story);
}, 280_000);

afterAll(async () => {
  await product?.stop();
}, 60_000);

const conferenceId = async () => (await product!.database.query<{ id: string }>('SELECT id FROM conferences WHERE case_reference = $1 AND kind = $2', [CASE_REFERENCE, 'ICPC'])).rows[0]!.id;
const audit = async (action: string) =>
  (await product!.database.query<{ detail: Record<string, unknown> }>('SELECT detail FROM audit_log WHERE action = $1 ORDER BY seq', [action])).rows.map((r) => r.detail);

describe('the demo ICPC (npm run demo)', () => {
  it('ends with the result line: meeting, invitations, two alerts, a plan by casting vote for neglect, the record with one redacted copy, two follow-ups', () => {
    expect(result).toEqual({
      meetingCreated: true,
      optionsVerified: true,
      invitations: 6,
      alerts: ['family-in-confidential', 'excluded-in-window'],
      outcome: 'child-protection-plan',
      category: 'neglect',
      recordRecipients: 9,
      redactedRecipients: 1,
      bookedFollowUps: 2,
    });
    expect(story.lines.join('\n')).toMatch(/plan 2, no plan 2: tie true/);
    expect(story.lines.join('\n')).toMatch(/recorded: child-protection-plan \(casting-vote\), category neglect/);
  });

  it("Teams' meeting events reached the bot through the Agents Playground: started, ended, closed", async () => {
    expect(product!.events).toBe('playground');
    expect(await audit('meeting.started')).toHaveLength(1);
    expect(await audit('meeting.ended')).toHaveLength(1);
    expect(await audit('meeting.refused')).toEqual([]);
  });

  it('the alerts were raised, delivered to the chair (card and in-meeting notification) and acknowledged, in the audit log by id', async () => {
    expect((await audit('meeting.alert-raised')).map((d) => d.kind)).toEqual(['family-in-confidential', 'excluded-in-window']);
    const delivered = await audit('meeting.alert-delivered');
    expect(delivered.filter((d) => d.card === true && d.inMeeting === true).length).toBeGreaterThanOrEqual(2);
    expect(await audit('meeting.alert-acknowledged')).toHaveLength(2);
    const notifications = product!.meetingConnector.received().filter((s) => s.kind === 'meeting-notification');
    expect(notifications.length).toBeGreaterThanOrEqual(2);
  });

  it('the decision is recorded once, by the casting vote', async () => {
    expect(await audit('decision.recorded')).toHaveLength(1);
    const reading = (await new ProductApi(product!.botUrl).ok('GET', `/conferences/${await conferenceId()}/decision`, CHAIR)).json;
    expect(reading.decision).toMatchObject({ outcome: 'child-protection-plan', decidedBy: 'casting-vote', chairView: 'plan', category: 'neglect' });
    // The recorded views: a 2–2 tie (read from the decision itself; the reading's running count is of
    // the agencies in the meeting now, and everyone has left).
    const views = reading.decision.views as Json[];
    expect([views.filter((v) => v.view === 'plan').length, views.filter((v) => v.view === 'no-plan').length]).toEqual([2, 2]);
  });

  it("the father's copy leaves out more than the mother's, and went only after the chair's approval", async () => {
    const status = (await new ProductApi(product!.botUrl).ok('GET', `/conferences/${await conferenceId()}/record`, CHAIR)).json;
    const list = (await new ProductApi(product!.botUrl).ok('GET', `/conferences/${await conferenceId()}/invite-list`, CLERK)).json;
    const idOf = (email: string) => (list.invitees as Json[]).find((i) => i.email === email)?.id;
    const copyOf = (email: string) => (status.recipients as Json[]).find((r) => r.inviteeId === idOf(email));
    expect(copyOf(MOTHER.email)).toMatchObject({ state: 'sent', approvalRequired: false, withheld: ['confidential'] });
    expect(copyOf(FATHER.email)).toMatchObject({ state: 'sent', approvalRequired: true, approvedAt: expect.any(String) });
    expect(copyOf(FATHER.email)!.withheld.length).toBeGreaterThan(1);
    expect(await audit('record.redacted-approved')).toHaveLength(1);
  });

  it("the sandbox holds the father's redacted record (PDF) and the three conferences' meetings", async () => {
    const sandbox = new SandboxReads(product!.database);
    const records = (await sandbox.inbox([MOTHER.email, FATHER.email], CASE_REFERENCE)).filter((m) => m.attachments.some((a) => a.name.endsWith('.pdf')));
    expect(records.map((m) => m.mailbox).sort()).toEqual([FATHER.email, MOTHER.email].sort());
    const events = (await sandbox.calendarEvents(CASE_REFERENCE)).filter((e) => !e.cancelled);
    expect(events).toHaveLength(3);
  });

  it('no family name in the audit log, the meeting connector or any subject', async () => {
    const names = [MOTHER.displayName, FATHER.displayName, 'Sample'];
    const details = JSON.stringify((await product!.database.query('SELECT action, detail FROM audit_log')).rows);
    for (const n of names) expect(details).not.toContain(n);
    const sandbox = new SandboxReads(product!.database);
    for (const m of await sandbox.allMail(CASE_REFERENCE)) for (const n of names) expect(m.subject).not.toContain(n);
    const sentIntoMeeting = JSON.stringify(product!.meetingConnector.received().map((r) => r.body));
    for (const n of names) expect(sentIntoMeeting).not.toContain(n);
  });
});
