// The chair's side panel (/tab/side-panel?conference=<id>) in Chromium against the local product,
// one conference through its meeting: the chair opens the confidential section from the panel; a
// family member joining then raises an alert that appears without a reload and is acknowledged
// from the panel; the chair moves on to the decision and the decision section shows; another
// professional sees the neutral view with no names; someone the product does not know (a family
// member, who has no account) sees the family's guide; with the event stream blocked the panel
// falls back to polling and still follows the stage.
import { type Browser, collectConsoleErrors, expectNoAxeViolations, launchBrowser, openTab, type Page, shot } from './support/browser';
import { CHAIR, CHILD, CLERK, FATHER, HEALTH, joinFamily, type LiveMeeting, liveMeeting, MOTHER, openAlerts, POLICE, SCHOOL, SOCIAL_WORKER } from './support/scenarios';
import { familyParticipant } from '../../scripts/demo/demo-cast';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(90_000);

let tp: TabProduct;
let browser: Browser;
let meeting: LiveMeeting;
let chairPage: Page;

const panelUrl = () => `${tp.url}/tab/side-panel?conference=${encodeURIComponent(meeting.conferenceId)}`;
const READY = '[data-testid="side-panel-ready"]';
/** Every person's name the product knows for this conference: none may show outside the run sheet. */
const NAMES = [MOTHER, FATHER, CHILD].map((f) => f.displayName).concat([CHAIR, SOCIAL_WORKER, POLICE, HEALTH, SCHOOL].map((p) => p.displayName));

beforeAll(async () => {
  tp = await startTabProduct();
  browser = await launchBrowser();
  meeting = await liveMeeting(tp, { stage: 'pre-meeting' });
}, 120_000);

afterAll(async () => {
  await chairPage?.close();
  await browser?.close();
  await tp?.stop();
}, 30_000);

describe('the chair', () => {
  test('sees the run sheet at the pre-meeting and opens the confidential section from the panel', async () => {
    // The width of Teams' meeting side panel.
    chairPage = await openTab(browser, panelUrl(), { as: CHAIR.id, waitFor: READY, viewport: { width: 320, height: 900 } });
    const stage = chairPage.getByTestId('stage-label');
    await expect(stage.textContent()).resolves.toBe('Pre-meeting (chair and social worker)');
    await expect(chairPage.getByTestId('quorum-status').textContent()).resolves.toMatch(/^Quorate/);
    // The feed says Live once its event stream is open (a moment after the page is ready).
    await chairPage.getByTestId('feed-via').getByText('Live', { exact: true }).waitFor();
    // The family waits: the invitees on the list who are not in, by name, for the chair.
    await expect(chairPage.getByTestId('must-wait').textContent()).resolves.toContain(MOTHER.displayName);
    await expectNoAxeViolations(chairPage);
    await shot(chairPage, 'side-panel-chair-pre-meeting');

    await chairPage.getByTestId('stage-open-confidential').click();
    await chairPage.getByText('Confidential section (professionals only)', { exact: true }).waitFor();
    expect((await meeting.live()).stage).toBe('confidential');
    await expect(chairPage.getByTestId('stage-open-family').isVisible()).resolves.toBe(true);
  });

  test('a family member joining in the confidential section: the alert appears without a reload, and Acknowledge stops it', async () => {
    await expect(chairPage.getByTestId('alert').count()).resolves.toBe(0);
    await joinFamily(meeting, MOTHER);
    const alert = chairPage.locator('[data-testid="alert"][data-alert-kind="family-in-confidential"]');
    await alert.waitFor({ timeout: 15_000 });
    await expect(chairPage.getByTestId('must-leave').textContent()).resolves.toContain(MOTHER.displayName);
    await expectNoAxeViolations(chairPage);
    await shot(chairPage, 'side-panel-chair-alert');

    await alert.getByTestId('acknowledge').click();
    await alert.getByText('Acknowledged', { exact: true }).waitFor();
    await expect(alert.getByTestId('acknowledge').count()).resolves.toBe(0);
    expect((await openAlerts(meeting)).map((a) => [a.kind, a.acknowledged])).toEqual([['family-in-confidential', true]]);

    // Remove: no calling bot in local mode, so the chair gets Teams' own steps beside the person.
    await chairPage.getByTestId('must-leave').getByTestId('remove').click();
    await expect(chairPage.getByTestId('remove-answer').textContent()).resolves.toMatch(/^In the meeting, open People, find .+ Remove from meeting\.$/);
    await meeting.leave([familyParticipant(MOTHER)]);
    await chairPage.getByTestId('must-leave').getByText('Nobody.', { exact: true }).waitFor();
  });

  test('an anonymous joiner shows under Not matched; the chair matches them from the invite list and their alert clears', async () => {
    await meeting.join([{ participantId: '29:demo-anonymous-1', name: 'Guest 1', role: 'Attendee' }]);
    const joiner = chairPage.getByTestId('unknown-joiner');
    await joiner.waitFor({ timeout: 15_000 });
    await chairPage.locator('[data-testid="alert"][data-alert-kind="unknown-joiner"]').waitFor();
    await joiner.getByTestId('match-select').selectOption({ label: `${CLERK.displayName} (clerk)` });
    await joiner.getByTestId('match').click();
    await chairPage.getByTestId('unknown-joiners').waitFor({ state: 'detached' });
    expect((await openAlerts(meeting)).map((a) => a.kind)).not.toContain('unknown-joiner');
  });

  test('moves on through the family section to the decision: the decision section appears', async () => {
    await chairPage.getByTestId('stage-open-family').click();
    await chairPage.getByText('Family section', { exact: true }).waitFor();
    await chairPage.getByTestId('stage-open-decision').click();
    await chairPage.getByTestId('decision').waitFor();
    await expect(chairPage.getByTestId('stage-label').textContent()).resolves.toBe('Decision');
    // The action's answer is in (the buttons are enabled again) before the screenshot.
    await chairPage.waitForSelector('[data-testid="stage-close"]:not([disabled])');
    await expectNoAxeViolations(chairPage);
    await shot(chairPage, 'side-panel-chair-decision');
    expect(collectConsoleErrors(chairPage).errors).toEqual([]);
  });
});

describe('everyone else', () => {
  test.each(['default', 'dark', 'contrast'] as const)('another professional sees the neutral view (%s theme): the stage, no roster, no names', async (theme) => {
    const page = await openTab(browser, panelUrl(), { as: POLICE.id, theme, waitFor: READY });
    try {
      await page.getByTestId('neutral-view').waitFor();
      await expect(page.getByTestId('stage-label').textContent()).resolves.toBe('Decision');
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).toContain('Conference in progress');
      for (const name of NAMES) expect(text).not.toContain(name);
      await expect(page.getByTestId('stage-commands').count()).resolves.toBe(0);
      await expectNoAxeViolations(page);
      if (theme === 'default') await shot(page, 'side-panel-neutral');
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('someone the product does not know (a family member has no account) gets the family guide, with no names', async () => {
    const page = await openTab(browser, panelUrl(), { as: 'cccc0000-0000-4000-8000-00000000c003', waitFor: READY });
    try {
      await page.getByTestId('family-guide').waitFor();
      const text = (await page.locator('body').textContent()) ?? '';
      for (const name of NAMES) expect(text).not.toContain(name);
      await expectNoAxeViolations(page);
      await shot(page, 'side-panel-family');
    } finally {
      await page.close();
    }
  });
});

describe('without the event stream', () => {
  test('the panel polls GET …/meeting and still follows the stage', async () => {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    // A proxy that breaks streams: every attempt at …/meeting/events fails.
    await context.route('**/meeting/events', (route) => route.abort('connectionreset'));
    await context.route('https://res.cdn.office.net/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"validOrigins":["teams.microsoft.com"]}' }));
    const page = await context.newPage();
    try {
      await page.goto(`${panelUrl()}&as=${CHAIR.id}`);
      await page.getByTestId('feed-via').getByText('Updating every 2 seconds', { exact: true }).waitFor({ timeout: 15_000 });
      await expect(page.getByTestId('stage-label').textContent()).resolves.toBe('Decision');
      await meeting.stage('close');
      await page.getByText('Closed', { exact: true }).waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });
});
