// Every page of the tab (TAB_ROUTES) in each Teams theme (default, dark, contrast) through
// axe-core: no serious or critical violation, no CSP refusal, no uncaught error. Each page is
// opened as a real person would see it, with data: the demo's ICPC booked, invited and in its
// meeting at the decision stage. A page joins the sweep through SWEEP below (its path, who opens
// it and the element that says its data has shown); a page in TAB_ROUTES without an entry fails.
import { TAB_ROUTES } from '../../bot/adapters/http/tab/tab-routes';
import { type Browser, collectConsoleErrors, expectNoAxeViolations, launchBrowser, openTab, type Page, shot, type TabTheme, tabUrl } from './support/browser';
import { CHAIR, CLERK, type LiveMeeting, liveMeeting, mailedLink, MOTHER } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(120_000);

interface Opened {
  /** A path (or absolute URL) on the product, with its query. */
  path: string;
  /** Who is signed in (local sign-in); omitted for pages without sign-in (links, the set-up page). */
  as?: { id: string };
  /** The element that shows once the page's data is on screen. */
  ready: string;
}

interface Fixture {
  tp: TabProduct;
  meeting: LiveMeeting;
}

/** Page (tab/src/pages/<page>) → how to open it with data. Append one entry per new page. */
const SWEEP: Record<string, (fx: Fixture) => Promise<Opened>> = {
  config: async () => ({ path: '/tab/config', ready: '[data-testid="config-page"]' }),
  'side-panel': async ({ meeting }) => ({ path: `/tab/side-panel?conference=${meeting.conferenceId}`, as: CHAIR, ready: '[data-testid="side-panel-ready"]' }),
  decision: async ({ meeting }) => ({ path: `/tab/decision?conference=${meeting.conferenceId}`, as: CHAIR, ready: '[data-testid="decision-form"]' }),
  stage: async ({ tp, meeting }) => {
    const shared = new URL(String((await tp.api.ok('GET', `/conferences/${meeting.conferenceId}/stage-view/share-url`, CHAIR)).json.url));
    return { path: `${shared.pathname}${shared.search}`, ready: '[data-testid="stage-agenda"]' };
  },
  dashboard: async () => ({ path: '/tab/dashboard', as: CLERK, ready: '[data-testid="conference-row"]' }),
  conference: async ({ meeting }) => ({ path: `/tab/conferences/${meeting.conferenceId}`, as: CLERK, ready: '[data-testid="conference-ready"]' }),
  'new-conference': async () => ({ path: '/tab/conferences/new', as: CLERK, ready: '[data-testid="booking-form"]' }),
  'invite-list': async ({ meeting }) => ({ path: `/tab/invite-list?conference=${meeting.conferenceId}`, as: CLERK, ready: '[data-testid="invite-list-form"]' }),
  family: async ({ tp }) => {
    const link = new URL(await mailedLink(tp, MOTHER.email, /\/tab\/family\?t=[\w.%-]+/));
    return { path: `${link.pathname}${link.search}`, ready: 'h1' };
  },
};

const THEMES: TabTheme[] = ['default', 'dark', 'contrast'];
const PAGES = [...new Set(TAB_ROUTES.map((r) => r.page))];

let fx: Fixture;
let browser: Browser;

beforeAll(async () => {
  const tp = await startTabProduct();
  fx = { tp, meeting: await liveMeeting(tp, { stage: 'decision' }) };
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await fx?.tp.stop();
}, 30_000);

it('has an entry for every page the server serves', () => {
  expect(PAGES.filter((p) => !(p in SWEEP))).toEqual([]);
});

/** What must never reach the console: a refusal by the page's CSP, an uncaught error. */
const fatal = (page: Page) => collectConsoleErrors(page).errors.filter((e) => e.startsWith('page:') || /Content Security Policy/i.test(e));

it.each(PAGES.filter((p) => p in SWEEP))('%s: no serious or critical axe violation in any theme', async (name) => {
  const opened = await SWEEP[name]!(fx);
  const url = new URL(opened.path, fx.tp.url).toString();
  const page = await openTab(browser, url, { ...(opened.as ? { as: opened.as } : {}), theme: 'default', waitFor: opened.ready });
  try {
    for (const theme of THEMES) {
      if (theme !== 'default') {
        await page.goto(tabUrl(url, '', { ...(opened.as ? { as: opened.as } : {}), theme }), { waitUntil: 'load' });
        await page.waitForSelector(opened.ready, { timeout: 15_000 });
      }
      expect(await page.locator('[data-testid="tab-shell"]').getAttribute('data-theme')).toBe(theme);
      await expectNoAxeViolations(page);
      await shot(page, `sweep-${name}-${theme}`);
    }
    expect(fatal(page)).toEqual([]);
  } finally {
    await page.close();
  }
});
