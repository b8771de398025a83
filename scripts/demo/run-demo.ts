// `npm run demo`: a whole initial child protection conference against the local product (the
// bot, the Graph sandbox and the Agents Playground, composed as `npm start` composes them) under
// PROFILE=staffordshire (majority decision with the chair's casting vote). Prints what happened,
// step by step, and last one JSON line:
//   {"meetingCreated":…,"optionsVerified":…,"invitations":…,"alerts":[…],"outcome":…,"category":…,
//    "recordRecipients":…,"redactedRecipients":…,"bookedFollowUps":…}
// Teams' meeting events go through the Playground's custom-activity API (DEMO_EVENTS=direct: posted
// to the bot's /api/messages). Loopback only; everything it starts is stopped at the end.
// docs/meeting.md "The demo".
import { DemoClock } from './demo-clock';
import { startDemoProduct } from './demo-product';
import { runIcpcScenario } from './icpc-scenario';
import { BOOKING_DAY_START } from './run-demo-settings';
import { printedStory } from './story-reporter';

async function main(): Promise<void> {
  const profile = process.env.PROFILE ?? 'staffordshire';
  const story = printedStory();
  const product = await startDemoProduct({
    profile,
    clock: new DemoClock(BOOKING_DAY_START),
    events: process.env.DEMO_EVENTS === 'direct' ? 'direct' : 'playground',
    ...(process.env.LOG_LEVEL ? { logLevel: process.env.LOG_LEVEL } : {}),
  });
  story.detail(`local product up: bot ${product.botUrl}, Agents Playground ${product.playgroundUrl} (you are the chair), Graph sandbox ${product.sandboxUrl}; profile ${profile}; meeting events ${product.events === 'playground' ? 'through the Playground' : 'posted to /api/messages'}`);
  try {
    story.result({ ...(await runIcpcScenario(product, story)) });
  } finally {
    await product.stop();
  }
}

main().catch((err) => {
  console.error(`Demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
