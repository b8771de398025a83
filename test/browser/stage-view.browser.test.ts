// The meeting stage in Chromium against the local product: the chair's signed stage link opened
// with nobody signed in (as someone in the call without an account sees it) shows the agenda with
// the current part marked, follows the chair's stage change without a reload, and after the
// decision shows the plan summary — and never a person's name, an agency's view, the chair's
// concerns or a dissent reason anywhere in the DOM. axe-clean in every theme.
import { type Browser, collectConsoleErrors, expectNoAxeViolations, launchBrowser, openTab, shot } from './support/browser';
import { CHAIR, CHILD, FATHER, HEALTH, type LiveMeeting, liveMeeting, MOTHER, POLICE, SCHOOL, SOCIAL_WORKER } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(90_000);

const CONCERN = 'Invented concern the chair keeps from the stage';
const DISSENT = 'Invented dissent reason that stays off the stage';

let tp: TabProduct;
let browser: Browser;
let meeting: LiveMeeting;
let stageUrl: string;

beforeAll(async () => {
  tp = await startTabProduct();
  browser = await launchBrowser();
  meeting = await liveMeeting(tp, { stage: 'family' });
  const shared = new URL(String((await tp.api.ok('GET', `/conferences/${meeting.conferenceId}/stage-view/share-url`, CHAIR)).json.url));
  // The link is made on the product's public base URL; the test product listens on its own port.
  stageUrl = new URL(`${shared.pathname}${shared.search}`, tp.url).toString();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await tp?.stop();
}, 30_000);

/** The latest weekday of a range the product gave (a date its rules accept). */
function weekdayIn(range: { from: string; to?: string }): string {
  const d = new Date(`${range.to ?? range.from}T12:00:00Z`);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const names = () => [CHAIR.displayName, SOCIAL_WORKER.displayName, POLICE.displayName, HEALTH.displayName, SCHOOL.displayName, MOTHER.displayName, FATHER.displayName, CHILD.displayName];

async function expectNothingConfidential(text: string): Promise<void> {
  for (const forbidden of [...names(), CONCERN, DISSENT, 'police', 'Police', 'health', 'education', 'scaling', 'dissent', 'Dissent']) expect(text).not.toContain(forbidden);
}

it('the stage link, nobody signed in: the agenda with the family section marked "Now"; the chair moves on and the stage follows', async () => {
  const page = await openTab(browser, stageUrl, { waitFor: '[data-testid="stage-agenda"]' });
  try {
    const current = page.locator('[data-testid="stage-agenda"] li[aria-current="step"]');
    await expect(current.getAttribute('data-stage')).resolves.toBe('family');
    await expect(current.textContent()).resolves.toContain('Now');
    expect(await page.locator('[data-testid="stage-agenda"] li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-stage')}:${e.getAttribute('data-status')}`))).toEqual([
      'pre-meeting:done', 'confidential:done', 'family:current', 'decision:to-come',
    ]);
    await shot(page, 'stage-view-family');
    await meeting.stage('open-decision');
    await page.waitForSelector('[data-testid="stage-agenda"] li[data-stage="decision"][aria-current="step"]', { timeout: 15_000 });
    expect(await page.locator('[data-testid="stage-plan"]').count()).toBe(0);
    await expectNothingConfidential(await page.locator('body').innerText());
    expect(collectConsoleErrors(page).errors).toEqual([]);
  } finally {
    await page.close();
  }
});

it('after the decision: the plan summary, and no name, view, concern or dissent anywhere in the DOM (any theme, axe-clean)', async () => {
  const id = meeting.conferenceId;
  if ((await meeting.live()).stage !== 'decision') await meeting.stage('open-decision');
  const reading = (await tp.api.ok('GET', `/conferences/${id}/decision`, CHAIR)).json;
  const views = (reading.agencies as string[]).map((agency) => ({ agency, view: agency === 'health' ? 'no-plan' : 'plan', scaling: 4 }));
  await tp.api.ok('POST', `/conferences/${id}/decision`, CHAIR, {
    draft: {
      views, chairView: 'plan', chairConcerns: CONCERN, category: 'neglect',
      dissent: views.filter((v) => v.view === 'no-plan').map((v) => ({ agency: v.agency, reason: DISSENT })),
      leadSocialWorkerInviteeId: meeting.booked.inviteeIds[SOCIAL_WORKER.id],
      coreGroupInviteeIds: [SOCIAL_WORKER.id, POLICE.id, HEALTH.id, MOTHER.key].map((k) => meeting.booked.inviteeIds[k]),
      firstCoreGroupDate: weekdayIn(reading.ranges.firstCoreGroup), reviewDate: weekdayIn(reading.ranges.review),
    },
  });
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    const page = await openTab(browser, stageUrl, { theme, waitFor: '[data-testid="stage-plan"]' });
    try {
      const plan = await page.locator('[data-testid="stage-plan"]').innerText();
      expect(plan).toContain('Child protection plan');
      expect(plan).toContain('Neglect');
      expect(plan).toContain('First core group');
      expect(plan).toContain('Review conference');
      // The whole document, not only what is visible: attributes and hidden text too.
      await expectNothingConfidential(await page.content());
      await expectNothingConfidential(await page.locator('body').innerText());
      await expectNoAxeViolations(page);
      await shot(page, `stage-view-plan-${theme}`);
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }
});

it('opened without a token (by hand): the local sign-in as a professional part of it reads the same view with the bearer token', async () => {
  const page = await openTab(browser, `${tp.url}/tab/stage?conference=${meeting.conferenceId}`, { as: POLICE.id, waitFor: '[data-testid="stage-agenda"]' });
  try {
    await expect(page.locator('[data-testid="stage-agenda"] li[aria-current="step"]').getAttribute('data-stage')).resolves.toBe('decision');
    await expectNothingConfidential(await page.content());
    expect(collectConsoleErrors(page).errors).toEqual([]);
  } finally {
    await page.close();
  }
});

it('a forged link shows the reason and nothing of the conference', async () => {
  const forged = stageUrl.replace(/token=[^&]+/, 'token=x.y');
  const page = await openTab(browser, forged, { waitFor: '[data-testid="stage-error"]' });
  try {
    await expect(page.locator('[data-testid="stage-error"]').innerText()).resolves.toContain('not valid');
    expect(await page.locator('[data-testid="stage-agenda"]').count()).toBe(0);
    await expectNoAxeViolations(page);
  } finally {
    await page.close();
  }
});
