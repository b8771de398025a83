// The chair's decision form (/tab/decision?conference=) in Chromium against the local product:
// filled and recorded with the keyboard alone (Tab, Space, arrows, typing, Enter), focus visible
// at every step, a Record refused for its fields listing every field (the server's words) and
// taking focus there; a second Record makes no second decision. Axe-clean in the three themes.
import { type Browser, collectConsoleErrors, expectNoAxeViolations, launchBrowser, openTab, type Page, shot } from './support/browser';
import { CHAIR, type LiveMeeting, liveMeeting } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(120_000);

let tp: TabProduct;
let browser: Browser;
let meeting: LiveMeeting;
const formUrl = () => `${tp.url}/tab/decision?conference=${encodeURIComponent(meeting.conferenceId)}`;
const READY = '[data-testid="decision-form"]';

beforeAll(async () => {
  tp = await startTabProduct();
  browser = await launchBrowser();
  meeting = await liveMeeting(tp, { stage: 'decision' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await tp?.stop();
}, 30_000);

// biome-ignore lint/suspicious/noExplicitAny: the page's DOM (the test code has no DOM types)
type El = any;

/** Where focus is: the field (data-field) it is in and the text of its radio / checkbox / option. */
async function focusInfo(page: Page): Promise<{ field: string | null; label: string; tag: string; testid: string | null }> {
  return page.evaluate(() => {
    const el: El = (globalThis as El).document.activeElement;
    const wrapper = el?.closest?.('.fui-Radio, .fui-Checkbox');
    return {
      field: el?.closest?.('[data-field]')?.getAttribute('data-field') ?? null,
      label: String((wrapper ?? el)?.textContent ?? '').trim(),
      tag: String(el?.tagName ?? '').toLowerCase(),
      testid: el?.getAttribute?.('data-testid') ?? null,
    };
  });
}

/** Presses Tab until focus is in `field` (and on the control whose label contains `label`); fails after 80 presses. */
async function tabTo(page: Page, field: string | null, options: { label?: string; testid?: string } = {}): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const at = await focusInfo(page);
    const here = options.testid ? at.testid === options.testid : at.field === field && (!options.label || at.label.includes(options.label));
    if (here) {
      await expectFocusVisible(page);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${options.testid ?? field} ${options.label ?? ''}`);
}

/** The focused control (or the radio / checkbox around its transparent input) has a visible outline. */
async function expectFocusVisible(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const g = globalThis as El;
    const el: El = g.document.activeElement;
    const target = el?.closest?.('.fui-Radio, .fui-Checkbox') ?? el;
    const s = g.getComputedStyle(target);
    return { style: s.outlineStyle as string, width: Number.parseFloat(s.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

/**
 * Types an ISO date into the focused date input, segment by segment as a person would. Chromium
 * lays the segments out in its own UI language (day first in en-GB, month first in en-US), which
 * the page cannot tell: typed day first, and if the value came out otherwise, again month first.
 */
async function typeDate(page: Page, field: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const value = () => page.locator(`[data-field="${field}"] input`).inputValue();
  await page.keyboard.type(`${d}${m}${y}`);
  if ((await value()) === iso) return;
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(`${m}${d}${y}`);
  expect(await value()).toBe(iso);
}

const slot = (page: Page, field: string) => page.locator(`[data-field="${field}"]`);

it.each(['default', 'dark', 'contrast'] as const)('the form in the %s theme: every agency present, no serious axe violation, no console error', async (theme) => {
  const page = await openTab(browser, formUrl(), { as: CHAIR, theme, waitFor: READY });
  try {
    for (const agency of ['childrens-social-care', 'police', 'health', 'education']) await expect(page.locator(`[data-testid="decision-agency-${agency}"]`).count()).resolves.toBe(1);
    // The server's problems with the empty draft beside the fields (still needed, not yet errors).
    await expect(slot(page, 'view.police').textContent()).resolves.toContain("Enter this agency's view");
    await expectNoAxeViolations(page);
    await shot(page, `decision-form-${theme}`);
    expect(collectConsoleErrors(page).errors).toEqual([]);
  } finally {
    await page.close();
  }
});

it('the chair fills and records the decision with the keyboard alone; a refused Record lists every field and leads to it', async () => {
  const reading = (await tp.api.ok('GET', `/conferences/${meeting.conferenceId}/decision`, CHAIR)).json;
  const dates = { firstCoreGroup: String(reading.ranges.firstCoreGroup.from), review: String(reading.ranges.review.from) };
  const page = await openTab(browser, formUrl(), { as: CHAIR, waitFor: READY });
  try {
    // Record at once: refused, every field named by the server, focus on the list.
    await tabTo(page, null, { testid: 'decision-record' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="decision-refusal"]');
    await page.waitForFunction(() => (globalThis as El).document.activeElement?.getAttribute('data-testid') === 'decision-refusal');
    const listed = await page.locator('[data-testid="decision-refusal"] li').allTextContents();
    // Each entry: the field's label, then the server's message about it.
    expect(listed).toEqual(reading.problems.map((p: { message: string }) => expect.stringMatching(new RegExp(`: ${p.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))));
    expect(listed[1]).toMatch(/^View of Police: /);
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    // The first entry takes focus to its field.
    await page.keyboard.press('Tab');
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    expect((await focusInfo(page)).field).toBe(reading.problems[0].field);
    await shot(page, 'decision-form-refused');

    // Views: Space picks the focused choice, arrows move to the next one and pick it.
    await tabTo(page, 'view.childrens-social-care', { label: 'Plan' });
    await page.keyboard.press('Space');
    await tabTo(page, 'view.police', { label: 'Plan' });
    await page.keyboard.press('Space');
    await tabTo(page, 'scaling.police');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown'); // Not given, 0, 1, 2, 3, 4
    await tabTo(page, 'view.health', { label: 'Plan' });
    await page.keyboard.press('ArrowRight'); // No plan
    await tabTo(page, 'dissent.health');
    await page.keyboard.type('Invented reason: support without a plan is enough.');
    await tabTo(page, 'view.education', { label: 'Plan' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // Abstain
    await tabTo(page, 'chairView', { label: 'Child protection plan' });
    await page.keyboard.press('Space');
    await tabTo(page, 'category');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // Not chosen, Physical, Emotional
    await tabTo(page, 'leadSocialWorker');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'coreGroup', { label: 'Police' });
    await page.keyboard.press('Space');
    await tabTo(page, 'coreGroup', { label: 'Parent or carer 1' });
    await page.keyboard.press('Space');
    await tabTo(page, 'firstCoreGroupDate');
    await typeDate(page, 'firstCoreGroupDate', dates.firstCoreGroup);
    await tabTo(page, 'reviewDate');
    await typeDate(page, 'reviewDate', dates.review);

    // The server's answer to the saved draft: no problem left beside any field.
    await page.waitForFunction(() => (globalThis as El).document.querySelector('[data-testid="decision-save-status"]')?.textContent === 'Saved.');
    await shot(page, 'decision-form-filled');
    const left = await page.locator('[data-field]').evaluateAll((els: El[]) => els.filter((e) => e.querySelector('.fui-Field__validationMessage')).map((e) => `${e.getAttribute('data-field')}: ${e.querySelector('.fui-Field__validationMessage').textContent}`));
    expect(left).toEqual([]);
    await expect(page.locator('[data-testid="decision-outcome"]').textContent()).resolves.toContain('Outcome so far: a child protection plan (the majority of agency views)');

    // Record, pressed twice: one decision.
    await tabTo(page, null, { testid: 'decision-record' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="decision-recorded"]');
    await expect(page.locator('[data-testid="decision-recorded"]').textContent()).resolves.toContain('The decision is recorded');
    const summary = await page.locator('[data-testid="decision-summary"]').textContent();
    expect(summary).toContain('Child protection plan');
    expect(summary).toContain('Emotional abuse');
    await shot(page, 'decision-form-recorded');
    // The refused Record's 422 is the one error the browser logs.
    expect(collectConsoleErrors(page).errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  } finally {
    await page.close();
  }

  const after = (await tp.api.ok('GET', `/conferences/${meeting.conferenceId}/decision`, CHAIR)).json;
  expect(after.decision).toMatchObject({
    outcome: 'child-protection-plan', decidedBy: 'majority', category: 'emotional',
    views: [
      { agency: 'childrens-social-care', view: 'plan' },
      { agency: 'police', view: 'plan', scaling: 4 },
      { agency: 'health', view: 'no-plan' },
      { agency: 'education', view: 'abstain' },
    ],
    dissent: [{ agency: 'health', reason: 'Invented reason: support without a plan is enough.' }],
    firstCoreGroupDate: dates.firstCoreGroup, reviewDate: dates.review,
  });
  expect(after.decision.coreGroupInviteeIds).toHaveLength(3);
  const audit = await tp.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'decision.recorded' AND conference_id = $1", [meeting.conferenceId]);
  expect(audit.rows[0]!.n).toBe(1);
});

it('opened again after recording: the recorded summary, nothing to press; a second Record changes nothing', async () => {
  const page = await openTab(browser, formUrl(), { as: CHAIR, waitFor: '[data-testid="decision-recorded"]' });
  try {
    await expect(page.locator('[data-testid="decision-recorded"]').textContent()).resolves.toContain('The decision is recorded');
    await expect(page.locator('[data-testid="decision-summary"]').textContent()).resolves.toContain('Emotional abuse');
    await expect(page.locator('[data-testid="decision-record"]').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
  } finally {
    await page.close();
  }
  const again = await tp.api.ok('POST', `/conferences/${meeting.conferenceId}/decision`, CHAIR, {});
  expect(again.json.alreadyRecorded).toBe(true);
});
