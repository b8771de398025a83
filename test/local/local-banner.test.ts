// The banner a newcomer reads once `npm start` is up: what to open, what to say, how to stop.
import { localBanner } from '../../scripts/local/local-banner';

describe('localBanner', () => {
  it('names the playground, what to say, the mailboxes, the API, readiness and Ctrl-C', () => {
    expect(
      localBanner({ botUrl: 'http://127.0.0.1:3978', playgroundUrl: 'http://127.0.0.1:56150', mailboxesUrl: 'https://127.0.0.1:5443/_sandbox' }),
    ).toBe(
      [
        '',
        'Child protection conference bot: LOCAL MODE (no sign-in, this machine only, test data only)',
        '  Open       http://127.0.0.1:56150  (Agents Playground, the local Teams emulator)',
        '  Say        "help" to the bot',
        '  Mailboxes  https://127.0.0.1:5443/_sandbox  (what the bot sent, in the Graph sandbox)',
        '  API        http://127.0.0.1:3978/api/v1/openapi.json  (a token: POST /api/v1/dev/sign-in, docs/api.md)',
        '  Ready?     http://127.0.0.1:3978/readyz',
        '  Stop       Ctrl-C',
        '',
      ].join('\n'),
    );
  });

  it('without the playground (PLAYGROUND=0) or the sandbox, says where to send activities instead', () => {
    const banner = localBanner({ botUrl: 'http://127.0.0.1:4000' });
    expect(banner).not.toContain('Open');
    expect(banner).not.toContain('Mailboxes');
    expect(banner).toContain('  Say     "help" (send activities to http://127.0.0.1:4000/api/messages)');
    expect(banner).toContain('  Stop    Ctrl-C');
  });
});

describe('localBanner with the tab built', () => {
  it("names the tab's dashboard address", () => {
    expect(localBanner({ botUrl: 'http://127.0.0.1:3978', tabUrl: 'http://127.0.0.1:3978/tab/dashboard' })).toContain(
      "  Tab     http://127.0.0.1:3978/tab/dashboard  (the tab's pages in this browser: pick who you are, docs/tab.md)",
    );
  });
});
