// `npm run bench:tab`: the side panel's weight and speed. Builds the tab (minified, as shipped),
// adds up the side panel's JavaScript — its entry and every chunk it imports statically — and its
// CSS, gzipped; then starts the local product (the demo's, meeting events posted directly), books
// the demo ICPC and starts its meeting, and opens /tab/side-panel?conference=… as the chair in
// headless Chromium (/usr/bin/chromium), each time in a fresh browser context (nothing cached).
// Time to interactive = navigation start → the `data-testid="side-panel-ready"` element visible
// (seen by a MutationObserver in the page, so no polling delay is counted). Prints the figures,
// then a final JSON line {"sidePanelJsKbGzip":…,"timeToInteractiveMs":…} (the median of the runs).
// Aim (issue 10): under 250 KB gzip and under 1.5 s.
//
// BENCH_TAB_RUNS (default 5, after one warm-up), BENCH_TAB_PAGE (default side-panel; e.g. config to
// try the bench before the side panel exists), CHROMIUM_PATH (default /usr/bin/chromium).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildTab } from './build-tab';
import { bookAndInvite } from './demo/before-the-meeting';
import { DemoClock } from './demo/demo-clock';
import { CHAIR, POLICE, SOCIAL_WORKER, staffParticipant } from './demo/demo-cast';
import { startDemoProduct } from './demo/demo-product';
import { meetingStartActivity, participantsActivity, teamsMeetingIdOf } from './demo/meeting-activities';
import { postActivity } from './demo/meeting-event-poster';
import { ProductApi } from './demo/product-api';
import { BOOKING_DAY_START } from './demo/run-demo-settings';
import { SandboxReads } from './demo/sandbox-reads';
import { collectedStory } from './demo/story-reporter';

const PAGE = process.env.BENCH_TAB_PAGE ?? 'side-panel';
const READY: Record<string, string> = { 'side-panel': '[data-testid="side-panel-ready"]', config: '[data-testid="config-page"]' };
const RUNS = Math.max(1, Number(process.env.BENCH_TAB_RUNS ?? 5));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gz = (file: string) => gzipSync(readFileSync(file)).length;

/** The entry and every chunk it imports statically (dynamic import() chunks load later, on demand). */
function staticGraph(assetsDir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(join(assetsDir, name), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const ready = READY[PAGE] ?? 'h1';
  const dist = mkdtempSync(join(tmpdir(), 'cpc-bench-tab-'));
  const stops: (() => Promise<void>)[] = [async () => rmSync(dist, { recursive: true, force: true })];
  try {
    const built = await buildTab({ outDir: dist, minify: true });
    const page = built.pages[PAGE];
    if (!page) throw new Error(`the tab has no ${PAGE} page (built: ${Object.keys(built.pages).join(', ')})`);
    const assets = join(dist, 'assets');
    const js = staticGraph(assets, page.js.replace(/^assets\//, ''));
    const jsGzip = js.reduce((sum, f) => sum + gz(join(assets, f)), 0);
    const cssGzip = page.css.reduce((sum, f) => sum + gz(join(dist, f)), 0);
    console.log(`${PAGE}: JavaScript ${kb(jsGzip)} KB gzip in ${js.length} file(s) (${js.join(', ')}); CSS ${kb(cssGzip)} KB gzip`);

    const clock = new DemoClock(BOOKING_DAY_START);
    const product = await startDemoProduct({ profile: 'staffordshire', clock, events: 'direct', playground: false, env: { TAB_DIST_DIR: dist } });
    stops.unshift(() => product.stop());
    const api = new ProductApi(product.botUrl);
    const sandbox = new SandboxReads(product.database);
    const booked = await bookAndInvite(api, sandbox, collectedStory());
    const joinUrl = String((await api.ok('GET', `/conferences/${booked.conferenceId}`, CHAIR)).json.conference.joinUrl);
    const meeting = await sandbox.meetingByJoinUrl(joinUrl);
    if (!meeting) throw new Error('the sandbox has no Teams meeting for the conference');
    const chat = { threadId: meeting.threadId, meetingId: teamsMeetingIdOf(meeting.threadId), tenantId: product.tenantId, serviceUrl: product.meetingConnector.url, botId: product.botId, joinUrl };
    clock.jump('2027-01-06T09:45:00.000Z');
    for (const activity of [
      meetingStartActivity(chat, clock.now(), staffParticipant(CHAIR, 'Organizer')),
      participantsActivity(chat, 'join', [staffParticipant(CHAIR, 'Organizer'), staffParticipant(SOCIAL_WORKER), staffParticipant(POLICE)], clock.now()),
    ]) {
      const answer = await postActivity(product.botUrl, activity);
      if (answer.status !== 200) throw new Error(`a meeting event answered ${answer.status}`);
    }

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    stops.unshift(() => browser.close());
    const url = `${product.botUrl}/tab/${PAGE}?conference=${encodeURIComponent(booked.conferenceId)}&as=${CHAIR.id}`;
    const times: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      // Offline: TeamsJS's list of Teams origins comes from the CDN in Teams; here it answers at once.
      await context.route('https://res.cdn.office.net/**', (r) => r.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: '{"validOrigins":["teams.microsoft.com"]}' }));
      // Runs before the page's own scripts (through DevTools, so the page's CSP does not apply). A
      // string, not a function: tsx's compiled functions call helpers the page does not have.
      await context.addInitScript(`(() => {
        const selector = ${JSON.stringify(ready)};
        const check = () => {
          const el = document.querySelector(selector);
          if (el && el.getClientRects().length > 0 && window.__tti === undefined) window.__tti = performance.now();
        };
        new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
      })();`);
      const tab = await context.newPage();
      if (process.env.BENCH_TAB_DEBUG) tab.on('console', (m) => console.log(`  page: ${m.text()}`));
      await tab.goto(url, { waitUntil: 'commit' });
      // Arrow functions with no named inner functions (no tsx helper inside), not strings (the CSP refuses eval).
      await tab.waitForFunction(() => (globalThis as { __tti?: number }).__tti !== undefined, undefined, { timeout: 30_000 });
      const ms = Math.round(await tab.evaluate(() => (globalThis as { __tti?: number }).__tti ?? -1));
      await context.close();
      if (run > 0) times.push(ms);
      console.log(`${run === 0 ? 'warm-up' : `run ${run}`}: ${ms} ms to ${ready} visible`);
    }
    const tti = median(times);
    console.log(`time to interactive: median ${tti} ms of ${times.length} (min ${Math.min(...times)}, max ${Math.max(...times)}); load average ${loadavg()[0]!.toFixed(2)}`);
    console.log(`aim: JavaScript under 250 KB gzip (${kb(jsGzip) < 250 ? 'met' : 'NOT met'}), time to interactive under 1500 ms (${tti < 1500 ? 'met' : 'NOT met'})`);
    console.log(JSON.stringify({ sidePanelJsKbGzip: kb(jsGzip), timeToInteractiveMs: tti }));
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
