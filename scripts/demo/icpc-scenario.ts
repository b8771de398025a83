// The whole ICPC of `npm run demo` and test/e2e/in-the-meeting.test.ts, against the local product
// (demo-product.ts): booked and invited through the API (before-the-meeting.ts), run in the
// Teams meeting (in-the-meeting.ts: events posted to /api/messages, the chair's controls, the
// alerts in the chair's Playground chat), then the decision, the record and the follow-ups
// (after-the-meeting.ts). Returns the result line's values, each read from the product's answers.
import { decideAndFollowUp } from './after-the-meeting';
import { bookAndInvite } from './before-the-meeting';
import { ChairChat } from './chair-chat';
import type { DemoProduct } from './demo-product';
import { runTheMeeting } from './in-the-meeting';
import { ProductApi } from './product-api';
import { SandboxReads } from './sandbox-reads';
import type { Story } from './story-reporter';

export interface DemoResult {
  meetingCreated: boolean;
  optionsVerified: boolean;
  invitations: number;
  alerts: string[];
  outcome: string | null;
  category: string | null;
  recordRecipients: number;
  redactedRecipients: number;
  bookedFollowUps: number;
}

export async function runIcpcScenario(product: DemoProduct, story: Story): Promise<DemoResult> {
  const api = new ProductApi(product.botUrl);
  const sandbox = new SandboxReads(product.database);
  story.step('The chair says "help" to the bot in Teams (the Agents Playground): their 1:1 chat, where alerts will come');
  const chair = await ChairChat.open(product.playgroundUrl);
  try {
    story.detail(`the bot answered with: ${chair.cards[0]?.texts[0] ?? '(no text)'}`);
    return await theConference(product, api, sandbox, chair, story);
  } finally {
    await chair.close();
  }
}

async function theConference(product: DemoProduct, api: ProductApi, sandbox: SandboxReads, chair: ChairChat, story: Story): Promise<DemoResult> {
  const booked = await bookAndInvite(api, sandbox, story);
  const meeting = await runTheMeeting(product, api, sandbox, chair, booked, story);
  const after = await decideAndFollowUp(product, api, sandbox, booked, meeting, story);
  return {
    meetingCreated: booked.meetingCreated,
    optionsVerified: booked.optionsVerified,
    invitations: booked.invitations,
    alerts: meeting.alerts,
    outcome: after.outcome,
    category: after.category,
    recordRecipients: after.recordRecipients,
    redactedRecipients: after.redactedRecipients,
    bookedFollowUps: after.bookedFollowUps,
  };
}
