// What a newcomer sees once `npm start` is up: where to click, what to say, how to stop.
export interface BannerFacts {
  botUrl: string;
  /** Absent with PLAYGROUND=0. */
  playgroundUrl?: string;
  /** The Graph sandbox's mailbox pages; absent when Graph points off this machine. */
  mailboxesUrl?: string;
  /** The tab in a plain browser (local sign-in); absent when it could not be built. */
  tabUrl?: string;
}

export function localBanner(facts: BannerFacts): string {
  const rows: [string, string][] = [];
  if (facts.playgroundUrl) rows.push(['Open', `${facts.playgroundUrl}  (Agents Playground, the local Teams emulator)`]);
  rows.push(['Say', facts.playgroundUrl ? '"help" to the bot' : `"help" (send activities to ${facts.botUrl}/api/messages)`]);
  if (facts.tabUrl) rows.push(['Tab', `${facts.tabUrl}  (the tab's pages in this browser: pick who you are, docs/tab.md)`]);
  if (facts.mailboxesUrl) rows.push(['Mailboxes', `${facts.mailboxesUrl}  (what the bot sent, in the Graph sandbox)`]);
  rows.push(['API', `${facts.botUrl}/api/v1/openapi.json  (a token: POST /api/v1/dev/sign-in, docs/api.md)`]);
  rows.push(['Ready?', `${facts.botUrl}/readyz`]);
  rows.push(['Stop', 'Ctrl-C']);
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    '',
    'Child protection conference bot: LOCAL MODE (no sign-in, this machine only, test data only)',
    ...rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`),
    '',
  ].join('\n');
}
