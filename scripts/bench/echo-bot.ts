// The benchmark's baseline: a bare botbuilder bot on restify (the product's HTTP stack), no
// database, no middleware. It answers a message with one echo and an adaptiveCard/action invoke
// with a toast, so the product's figures can be read against what botbuilder alone costs.
// Run as a child process by scripts/bench-bot.ts: `tsx scripts/bench/echo-bot.ts` with PORT set;
// prints one line `READY <url>` when it listens.
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import * as restify from 'restify';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action') {
      const body: AdaptiveCardInvokeResponse = {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Done' as unknown as AdaptiveCardInvokeResponse['value'],
      };
      return { status: 200, body };
    }
    return { status: 501 };
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? '0');
  // No MicrosoftAppId: botbuilder skips JWT validation, as the product does in local mode.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (_context, error) => {
    console.error(`echo-bot turn error: ${error instanceof Error ? error.message : String(error)}`);
  };
  const bot = new EchoBot();
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`READY http://127.0.0.1:${address.port}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
