// The family's page in Chromium against the local product: the mother opens the personal link
// from her invitation e-mail (read from the sandbox mailbox), with no account, and sees "what
// happens now" at every stage of the meeting — and nowhere in the DOM the name of anyone on the
// invite list (her own included), any professional's name, an agency or the father's exclusion
// grounds. A changed link is refused in plain words. axe-clean, no console error.
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { FATHER_EXCLUSION } from '../../scripts/demo/before-the-meeting';
import { type Browser, collectConsoleErrors, expectNoAxeViolations, launchBrowser, openTab, type Page, shot } from './support/browser';
import { type BookedConference, bookedConference, CHAIR, CLERK, CONFERENCE_DAY, HEALTH, type LiveMeeting, liveMeeting, MOTHER, POLICE, SCHOOL, SOCIAL_WORKER } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(90_000);

let tp: TabProduct;
let browser: Browser;
let conference: BookedConference;
let link: string;
/** Every name the page must never show: the invite list's (family and professionals) and the staff's. */
let names: string[];

beforeAll(async () => {
  tp = await startTabProduct();
  browser = await launchBrowser();
  conference = await bookedConference(tp);
  const messages = await new SandboxStore(tp.database).listMessages();
  const mail = messages.find((m) => m.folder === 'inbox' && m.mailbox.toLowerCase() === MOTHER.email.toLowerCase() && m.subject.startsWith('Invitation:'));
  const href = /\/tab\/family\?t=[\w.%-]+/.exec(JSON.stringify(mail?.body ?? {}))?.[0];
  if (!href) throw new Error("the mother's invitation has no family link");
  link = `${tp.url}${href}`;
  const list = await tp.api.ok('GET', `/conferences/${conference.conferenceId}/invite-list`, CLERK);
  const invitees = (list.json.invitees as { displayName?: string }[]).map((i) => i.displayName).filter((n): n is string => Boolean(n));
  names = [...new Set([...invitees, ...[CHAIR, SOCIAL_WORKER, POLICE, HEALTH, SCHOOL, CLERK].map((p) => p.displayName)])];
  expect(names).toContain(MOTHER.displayName);
  expect(names.length).toBeGreaterThanOrEqual(8);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await tp?.stop();
}, 30_000);

/** Everything a reader or a script could find: the text, every attribute value, the title. */
async function everythingOn(page: Page): Promise<string> {
  return page.evaluate(() => {
    // The test code has no DOM types: the page's document is described by what is read of it.
    type El = { attributes: ArrayLike<{ value: string }> };
    const d = (globalThis as unknown as { document: { title: string; body: { innerText: string }; querySelectorAll(s: string): ArrayLike<El> } }).document;
    const attributes = Array.from(d.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).map((a) => a.value));
    return [d.title, d.body.innerText, ...attributes].join('\n');
  });
}

async function expectNothingConfidential(page: Page) {
  const all = await everythingOn(page);
  // The reading itself works: the page's own words are there (so "not found" below means something).
  expect(all).toContain('Your meeting');
  for (const name of names) {
    for (const part of [name, ...name.split(/\s+/).filter((p) => p.length > 2)]) expect({ name: part, found: all.includes(part) }).toEqual({ name: part, found: false });
  }
  for (const secret of [FATHER_EXCLUSION.grounds, 'disclosure', 'Police', 'police', 'Health visitor', 'education', '@']) expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });
}

async function openFamilyPage(stage: string): Promise<Page> {
  const page = await openTab(browser, link, { waitFor: `[data-testid="family-guide"][data-stage="${stage}"]` });
  expect(await page.locator('h1').textContent()).toBe('Your meeting');
  return page;
}

describe("the family's page from the e-mail link", () => {
  let meeting: LiveMeeting;
  const at = (hhmm: string) => `${CONFERENCE_DAY}T${hhmm}:00.000Z`;

  it('before the meeting: her own time to join and what to expect, no names', async () => {
    const page = await openFamilyPage('not-started');
    try {
      expect(await page.getByTestId('family-join-at').textContent()).toMatch(/^Your time to join is \d{2}:\d{2} on Wednesday 6 January 2027\.$/);
      await expectNothingConfidential(page);
      await expectNoAxeViolations(page);
      await shot(page, 'family-not-started');
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['pre-meeting', null, null],
    ['confidential', 'open-confidential', '10:00'],
    ['family', 'open-family', '10:30'],
    ['decision', 'open-decision', '11:05'],
    ['closed', 'close', '11:40'],
  ] as const)('at the %s stage: the plain words for it, no names, nothing confidential', async (stage, command, time) => {
    if (stage === 'pre-meeting') meeting = await liveMeeting(tp, { conference, stage: 'pre-meeting' });
    // At the decision the page is already open from the family's part: it must follow by itself.
    const page = stage === 'decision' ? await openFamilyPage('family') : null;
    if (command && time) {
      if (tp.clock.now().getTime() < new Date(at(time)).getTime()) tp.clock.jump(at(time));
      await meeting.stage(command);
    }
    if (page) await page.waitForSelector('[data-testid="family-guide"][data-stage="decision"]', { timeout: 30_000 });
    const shown = page ?? (await openFamilyPage(stage));
    await checkStage(shown, stage);
  });

  async function checkStage(page: Page, stage: string) {
    try {
      await expectNothingConfidential(page);
      await expectNoAxeViolations(page);
      await shot(page, `family-${stage}`);
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }

  it('the page in the dark and high-contrast themes passes axe', async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      const page = await openTab(browser, link, { theme, waitFor: '[data-testid="family-guide"]' });
      try {
        await expectNoAxeViolations(page);
        await shot(page, `family-closed-${theme}`);
      } finally {
        await page.close();
      }
    }
  });

  it('a changed link is refused in plain words, and shows nothing of the meeting', async () => {
    const url = new URL(link);
    const token = url.searchParams.get('t')!;
    url.searchParams.set('t', `${token.slice(0, -4)}AAAA`);
    const page = await openTab(browser, url.toString(), { waitFor: '[data-testid="family-refused"]' });
    try {
      expect(await page.getByTestId('family-refused').textContent()).toContain('This link does not work');
      expect(await page.locator('[data-testid="family-guide"]').count()).toBe(0);
      await expectNoAxeViolations(page);
      await shot(page, 'family-refused');
    } finally {
      await page.close();
    }
  });
});
