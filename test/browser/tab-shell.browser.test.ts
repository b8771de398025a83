// The tab's shell in Chromium against the local product: the set-up page (/tab/config) is served
// with the strict Content-Security-Policy, renders in each Teams theme without a console error
// (a CSP refusal of Fluent UI's run-time styles would be one) and passes axe-core; in a plain
// browser, given a meeting chat, it asks who you are (local mode's sign-in list) and then finds
// the conference of that chat, as Teams' set-up would before saving the side panel's address.
import { type Browser, collectConsoleErrors, computedStyle, expectNoAxeViolations, launchBrowser, openTab, shot } from './support/browser';
import { bookedConference, CHAIR } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(60_000);

let tp: TabProduct;
let browser: Browser;

beforeAll(async () => {
  tp = await startTabProduct();
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await tp?.stop();
}, 30_000);

it('serves /tab/config with a nonce CSP that allows framing by Teams only, never cached', async () => {
  const res = await fetch(`${tp.url}/tab/config`);
  expect(res.status).toBe(200);
  const csp = res.headers.get('content-security-policy') ?? '';
  const html = await res.text();
  const nonce = /<meta name="csp-nonce" content="([^"]+)">/.exec(html)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
});

it.each(['default', 'dark', 'contrast'] as const)('renders the set-up page in the %s theme with no console error and no serious axe violation', async (theme) => {
  const page = await openTab(browser, `${tp.url}/tab/config`, { theme });
  try {
    await expect(page.locator('h1').textContent()).resolves.toBe('Add the conference tab');
    expect(await page.locator('[data-testid="tab-shell"]').getAttribute('data-theme')).toBe(theme);
    // Griffel's styles arrived (the nonce let them in): the heading has Fluent's font, not the UA default.
    expect(await computedStyle(page.locator('h1'), 'font-family')).toMatch(/Segoe UI/);
    await expectNoAxeViolations(page);
    await shot(page, `tab-config-${theme}`);
    expect(collectConsoleErrors(page).errors).toEqual([]);
  } finally {
    await page.close();
  }
});

it("signs in from the local list, then finds the meeting chat's conference and shows the side panel address", async () => {
  const { conferenceId } = await bookedConference(tp);
  const joinUrl = String((await tp.api.ok('GET', `/conferences/${conferenceId}`, CHAIR)).json.conference.joinUrl);
  const chatId = (await tp.sandbox.meetingByJoinUrl(joinUrl))!.threadId;
  const page = await openTab(browser, `${tp.url}/tab/config?chatId=${encodeURIComponent(chatId)}`, { waitFor: '[data-testid="local-sign-in"]' });
  try {
    const person = page.getByTestId('local-sign-in-person');
    await person.locator('option').nth(5).waitFor({ state: 'attached' });
    expect(await person.locator('option').allTextContents()).toContain(CHAIR.displayName);
    await expectNoAxeViolations(page);
    await shot(page, 'tab-local-sign-in');
    await person.selectOption(CHAIR.id);
    await page.getByTestId('local-sign-in-submit').click();
    const found = page.getByTestId('config-found');
    await found.waitFor({ timeout: 15_000 });
    expect(await found.getAttribute('data-conference-id')).toBe(conferenceId);
    expect(await page.getByTestId('config-content-url').textContent()).toContain(`/tab/side-panel?conference=${conferenceId}`);
    await expectNoAxeViolations(page);
    expect(collectConsoleErrors(page).errors).toEqual([]);
  } finally {
    await page.close();
  }
}, 90_000);
