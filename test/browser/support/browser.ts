// Chromium for the tab's browser tests: Debian's /usr/bin/chromium driven by playwright-core (no
// downloaded browser), one per test file. A page is opened signed in as someone (local mode's
// ?as=) in a chosen theme; axe-core is injected from node_modules; console errors — CSP
// violations among them — are collected so a test can insist there are none.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type ConsoleMessage, chromium, type Locator, type Page } from 'playwright-core';

export type { Browser, Locator, Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS_DIR = join(ROOT, '.tmp/test-artifacts/screenshots');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`BROWSER.MISSING: no Chromium at ${CHROMIUM}. Install Debian's package (sudo apt-get install -y chromium; .ci/run does it) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

const TEAMS_JS_CDN = 'https://res.cdn.office.net/teams-js';
let origins: string[] | null = null;
function teamsJsOrigins(): string[] {
  if (!origins) {
    const file = join(ROOT, 'node_modules/@microsoft/teams-js/dist/esm/packages/teams-js/src/artifactsForCDN/validDomains.json.js');
    origins = JSON.parse(/=(\[[^\]]*\])/.exec(readFileSync(file, 'utf8'))?.[1] ?? '["teams.microsoft.com"]') as string[];
  }
  return origins;
}

export type TabTheme = 'default' | 'dark' | 'contrast';

export interface OpenTabOptions {
  /** Who is signed in (a directory object id); omitted = nobody (the page shows the local sign-in, or is public). */
  as?: string | { id: string };
  theme?: TabTheme;
  /** Wait for this selector after the shell rendered (default: the shell only). */
  waitFor?: string;
  viewport?: { width: number; height: number };
}

/** Console errors, page errors and CSP violations of a page, as they happen. */
export interface ConsoleErrors {
  readonly errors: string[];
}

const collectors = new WeakMap<Page, ConsoleErrors>();

export function collectConsoleErrors(page: Page): ConsoleErrors {
  const existing = collectors.get(page);
  if (existing) return existing;
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  const collected = { errors };
  collectors.set(page, collected);
  return collected;
}

/** `url` (absolute, or a path like /tab/dashboard) with ?as= and ?theme= added. */
export function tabUrl(base: string, path: string, options: Pick<OpenTabOptions, 'as' | 'theme'> = {}): string {
  const url = new URL(path, base);
  const as = typeof options.as === 'string' ? options.as : options.as?.id;
  if (as) url.searchParams.set('as', as);
  if (options.theme) url.searchParams.set('theme', options.theme);
  return url.toString();
}

/**
 * A new page (its own browser context: nobody signed in from before) at `url` + `?as=&theme=`,
 * once the shell rendered (`data-testid="tab-shell"`), with console errors collected from the
 * start (collectConsoleErrors(page) returns them).
 */
export async function openTab(browser: Browser, url: string, options: OpenTabOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  // TeamsJS fetches its list of Teams origins from Microsoft's CDN when it loads (the CSP allows
  // it); the tests run offline, so the CDN answers with the list TeamsJS itself ships.
  await context.route(`${TEAMS_JS_CDN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify({ validOrigins: teamsJsOrigins() }) }),
  );
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  collectConsoleErrors(page);
  await page.goto(tabUrl(url, '', options), { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="tab-shell"]', { timeout: 15_000 });
  if (options.waitFor) await page.waitForSelector(options.waitFor, { timeout: 15_000 });
  return page;
}

/** Saves a full-page screenshot as .tmp/test-artifacts/screenshots/<name>.png; returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | null = null;

/**
 * axe-core's violations on the page. The script is evaluated through the DevTools protocol, which
 * the page's CSP does not govern (a <script> tag would be refused, as it should be).
 */
export async function axeViolations(page: Page, options: { include?: string; disableRules?: string[] } = {}): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async (opts) => {
    // The test code has no DOM types: the page's globals are reached through globalThis.
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the evaluated script defined
    const page = globalThis as any;
    const axe = page.axe;
    const rules = Object.fromEntries((opts.disableRules ?? []).map((r: string) => [r, { enabled: false }]));
    const result = await axe.run(opts.include ? page.document.querySelector(opts.include) : page.document, { resultTypes: ['violations'], rules });
    // biome-ignore lint/suspicious/noExplicitAny: axe's result shape
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n: any) => String(n.target.join(' '))) }));
  }, options);
}

/** Fails (naming each rule and element) on any serious or critical axe-core violation. */
export async function expectNoAxeViolations(page: Page, options: { include?: string; disableRules?: string[] } = {}): Promise<void> {
  const bad = (await axeViolations(page, options)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}`);
    throw new Error(`axe-core: ${bad.length} serious or critical violation(s) on ${page.url()}\n${lines.join('\n')}`);
  }
}

/** A computed CSS property of the first element a locator finds (e.g. 'outline-style' to check focus is visible). */
export async function computedStyle(locator: Locator, property: string): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: the page's getComputedStyle (the test code has no DOM types)
  return locator.first().evaluate((el, prop) => (globalThis as any).getComputedStyle(el).getPropertyValue(prop) as string, property);
}
