// The clerk's forms in Chromium against the local product: the booking form (/tab/conferences/new)
// shows the statutory latest date and the deadlines while the clerk types, puts each rule's error
// beside its field, saves the draft and books the Teams meeting; the invite list dialog page
// (/tab/invite-list?conference=) is used with the keyboard alone (Tab, typing, arrows, Enter) to
// add a family member with their own join time and a professional picked from the directory, and
// to remove someone; a change someone else made first (412) reloads the list and keeps what was typed.
import { SEED_PEOPLE } from '../../scripts/graph-sandbox/directory/seed-people';
import { type Browser, collectConsoleErrors, expectNoAxeViolations, launchBrowser, openTab, type Page, shot } from './support/browser';
import { bookedConference, CHAIR, CLERK, SOCIAL_WORKER } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(120_000);

let tp: TabProduct;
let browser: Browser;

beforeAll(async () => {
  tp = await startTabProduct();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await tp?.stop();
}, 30_000);

/** The few DOM names these evaluations use (the tests are compiled without the DOM library). */
interface DomElement {
  matches(selector: string): boolean;
  getAttribute(name: string): string | null;
  parentElement: DomElement | null;
}
interface Dom {
  document: { activeElement: DomElement | null };
  getComputedStyle(el: DomElement, pseudo?: string): Record<'outlineStyle' | 'outlineWidth' | 'borderTopStyle' | 'borderTopWidth' | 'borderBottomWidth', string>;
}
const focusedAttribute = (page: Page, name: string) => page.evaluate((n) => (globalThis as unknown as Dom).document.activeElement?.getAttribute(n) ?? null, name);

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Presses Tab (at most `max` times) until the focused element is `selector`'s. Keyboard only. */
async function tabTo(page: Page, selector: string, options: { max?: number; back?: boolean } = {}): Promise<void> {
  for (let i = 0; i < (options.max ?? 80); i++) {
    if (await page.evaluate((s) => (globalThis as unknown as Dom).document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`TEST.FOCUS: Tab never reached ${selector}`);
}

/** The focused element shows a focus indicator: an outline, or Fluent's ::after focus border. */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Dom;
    const el = w.document.activeElement;
    if (!el) return false;
    const own = w.getComputedStyle(el);
    if (own.outlineStyle !== 'none' && Number.parseFloat(own.outlineWidth) > 0) return true;
    const after = w.getComputedStyle(el, '::after');
    if (after.borderTopStyle !== 'none' && Number.parseFloat(after.borderTopWidth) > 0) return true;
    // Inputs and selects: Fluent draws the focus as the wrapper's bottom border (::after) on :focus-within.
    const wrapper = el.parentElement;
    return wrapper ? Number.parseFloat(w.getComputedStyle(wrapper, '::after').borderBottomWidth) > 0 : false;
  });
}

describe('the booking form', () => {
  it('checks as the clerk types, shows errors beside their fields, saves the draft and books the meeting', async () => {
    const page = await openTab(browser, `${tp.url}/tab/conferences/new`, { as: CLERK, waitFor: '[data-testid="booking-form"]' });
    try {
      expect(await page.title()).toBe('Book a conference');
      // A name as the case reference is refused beside the field, live.
      await byTestId(page, 'booking-case-reference').fill('Robin Example');
      await page.getByText('looks like a name', { exact: false }).first().waitFor();
      await byTestId(page, 'booking-case-reference').fill('MOS7700001');
      await byTestId(page, 'booking-anchor-date').fill('2026-12-14');
      await byTestId(page, 'booking-date').fill('2027-01-06');
      await byTestId(page, 'booking-confidential').fill('30');
      // The statutory latest date and the deadlines follow from what was typed.
      await page.locator('[data-testid="statutory-latest"]').filter({ hasText: 'Statutory latest date: ' }).waitFor();
      expect(await byTestId(page, 'deadline-T7').count()).toBe(1);
      // People pickers search the directory.
      for (const [testId, person] of [['booking-chair', CHAIR], ['booking-social-worker', SOCIAL_WORKER]] as const) {
        await byTestId(page, testId).click();
        await page.keyboard.type(person.givenName.slice(0, 3));
        await page.getByRole('option', { name: new RegExp(person.displayName) }).waitFor();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await expect(byTestId(page, testId).inputValue()).resolves.toBe(person.displayName);
      }
      await expectNoAxeViolations(page);
      await shot(page, 'forms-booking-checked');
      await byTestId(page, 'booking-save').click();
      await byTestId(page, 'booking-saved').waitFor();
      await byTestId(page, 'booking-state').filter({ hasText: /^Draft: not booked yet$/ }).waitFor();
      await byTestId(page, 'booking-confirm').click();
      await byTestId(page, 'booking-notice').waitFor({ timeout: 30_000 });
      // The state line follows when the conference is read again, a moment after the notice.
      await byTestId(page, 'booking-state').filter({ hasText: /^Booked: the Teams meeting exists$/ }).waitFor();
      // The invite list of the new conference is right there (chair, social worker, clerk).
      await byTestId(page, 'invite-list-form').waitFor();
      expect(await page.locator('[data-testid^="invitee-row-"]').count()).toBe(3);
      await shot(page, 'forms-booking-booked');
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } catch (err) {
      await shot(page, 'forms-invite-list-failed');
      throw new Error(`${(err as Error).message}\nproblem: ${await byTestId(page, 'invite-list-problem').textContent({ timeout: 1000 }).catch(() => '')}\neditor: ${await byTestId(page, 'invitee-editor').textContent({ timeout: 1000 }).catch(() => '')}`);
    } finally {
      await page.close();
    }
  });
});

describe('the invite list dialog page, keyboard only', () => {
  const probation = SEED_PEOPLE.find((p) => p.agency === 'probation')!;

  it('adds a family member with their own join time and a professional from the directory, removes one, and survives a conflict', async () => {
    const { conferenceId } = await bookedConference(tp);
    const page = await openTab(browser, `${tp.url}/tab/invite-list?conference=${conferenceId}`, { as: CLERK, waitFor: '[data-testid="invite-list-form"]' });
    try {
      expect(await page.title()).toBe('Invite list');
      const rows = page.locator('[data-testid^="invitee-row-"]');
      const before = await rows.count();

      // A family member, typed by hand, with their own join time.
      await tabTo(page, '[data-testid="invitee-role"]');
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.type('Other fam');
      await expect(byTestId(page, 'invitee-role').inputValue()).resolves.toBe('family-other');
      await tabTo(page, '[data-testid="invitee-name"]');
      await page.keyboard.type('Ash Example');
      await page.keyboard.press('Tab');
      await page.keyboard.type('ash.example@family.example');
      await page.keyboard.press('Tab');
      await page.keyboard.type('07700 900999');
      await tabTo(page, '[data-testid="invitee-slot-from"]');
      await page.keyboard.type('10:45');
      await page.keyboard.press('Tab');
      await page.keyboard.type('11:30');
      await tabTo(page, '[data-testid="invitee-save"]');
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByText('Added Ash Example to the list.').waitFor();
      await expect(rows.count()).resolves.toBe(before + 1);
      const ashRow = rows.filter({ hasText: 'Ash Example' });
      await expect(ashRow.textContent()).resolves.toContain('joins 10:45');
      // Focus went back to the role for the next person.
      expect(await focusedAttribute(page, 'data-testid')).toBe('invitee-role');

      // A professional picked from the directory with the arrow keys.
      await tabTo(page, '[data-testid="invitee-picker"]');
      await page.keyboard.type(probation.givenName.slice(0, 4));
      await page.getByRole('option', { name: new RegExp(probation.displayName) }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(byTestId(page, 'invitee-name').inputValue()).resolves.toBe(probation.displayName);
      await expect(byTestId(page, 'invitee-agency').inputValue()).resolves.toBe('probation');

      // Someone else adds a person first: the save is refused as stale, the list reloads, the entry is kept.
      const list = await tp.api.ok('GET', `/conferences/${conferenceId}/invite-list`, CLERK);
      await tp.api.ok('POST', `/conferences/${conferenceId}/invite-list/invitees`, CLERK, { role: 'professional', agency: 'housing', displayName: 'Housing Officer Example', email: 'housing.officer@council.example' }, list.json.version);
      await tabTo(page, '[data-testid="invitee-save"]');
      await page.keyboard.press('Enter');
      await page.getByText('Someone else changed this a moment ago').waitFor();
      await rows.filter({ hasText: 'Housing Officer Example' }).waitFor();
      await expect(byTestId(page, 'invitee-name').inputValue()).resolves.toBe(probation.displayName);
      await tabTo(page, '[data-testid="invitee-save"]');
      await page.keyboard.press('Enter');
      await page.getByText(`Added ${probation.displayName} to the list.`).waitFor();
      await expect(rows.count()).resolves.toBe(before + 3);

      // A mistake is shown beside its field and nothing is saved.
      await tabTo(page, '[data-testid="invitee-role"]');
      await page.keyboard.type('Par');
      await tabTo(page, '[data-testid="invitee-name"]');
      await page.keyboard.type('Lou Example');
      await page.keyboard.press('Tab');
      await page.keyboard.type('not an address');
      await tabTo(page, '[data-testid="invitee-save"]');
      await page.keyboard.press('Enter');
      await page.getByText('Some details need attention').waitFor();
      await expect(page.locator('[data-testid="invitee-editor"]').textContent()).resolves.toMatch(/e-mail/i);
      await expect(rows.count()).resolves.toBe(before + 3);
      await expectNoAxeViolations(page);
      await shot(page, 'forms-invite-list-error');

      // Remove with the keyboard: Remove, then the confirm button that takes the focus.
      await tabTo(page, '[aria-label="Remove Housing Officer Example"]', { back: true, max: 200 });
      await page.keyboard.press('Enter');
      expect(await focusedAttribute(page, 'aria-label')).toBe('Yes, remove Housing Officer Example');
      await page.keyboard.press('Enter');
      await page.getByText('Removed Housing Officer Example from the list.').waitFor();
      await expect(rows.filter({ hasText: 'Housing Officer Example' }).count()).resolves.toBe(0);
      await shot(page, 'forms-invite-list');
      // The 412 and the 422 above were meant; Chromium logs every refused request.
      const expected = /Failed to load resource: the server responded with a status of (412|422) /;
      expect(collectConsoleErrors(page).errors.filter((e) => !expected.test(e))).toEqual([]);
    } catch (err) {
      await shot(page, 'forms-invite-list-failed');
      throw new Error(`${(err as Error).message}\nproblem: ${await byTestId(page, 'invite-list-problem').textContent({ timeout: 1000 }).catch(() => '')}\neditor: ${await byTestId(page, 'invitee-editor').textContent({ timeout: 1000 }).catch(() => '')}`);
    } finally {
      await page.close();
    }
  });
});
