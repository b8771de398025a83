// The clerk's dashboard and conference page in Chromium against the local product: the booked
// ICPC listed by date with each deadline's status in words; a manager approving and refusing late
// bookings from the dashboard; the conference page's summary, deadlines and the attendance and
// report boards after police answer and send their report. axe-core clean; screenshots kept.
import { seedPerson } from '../../scripts/graph-sandbox/directory/seed-people';
import { type Browser, collectConsoleErrors, expectNoAxeViolations, launchBrowser, openTab, type Page, shot } from './support/browser';
import { type BookedConference, bookedConference, CHAIR, CLERK, POLICE, SOCIAL_WORKER } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(90_000);

const TEAM_MANAGER = seedPerson('team-manager');

let tp: TabProduct;
let browser: Browser;
let booked: BookedConference;
const late: Record<'approve' | 'refuse', string> = { approve: '', refuse: '' };

/** A draft ICPC past its statutory latest date, waiting for the team manager's approval. */
async function lateDraft(caseReference: string): Promise<string> {
  const created = await tp.api.ok('POST', '/conferences', CLERK, {
    kind: 'ICPC', caseReference, anchorDate: '2026-12-14', chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id,
    date: '2027-01-20', startTime: '14:00', durationMinutes: 90, confidentialMinutes: 30,
    lateReason: 'Invented reason: the chair is away', managerId: TEAM_MANAGER.id,
  });
  if (created.json.pendingApprovals.length !== 1) throw new Error(`expected a late-booking approval for ${caseReference}`);
  return String(created.json.conference.id);
}

beforeAll(async () => {
  tp = await startTabProduct();
  browser = await launchBrowser();
  booked = await bookedConference(tp);
  late.approve = await lateDraft('MOS1000001');
  late.refuse = await lateDraft('MOS1000002');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await tp?.stop();
}, 30_000);

/** What the callbacks read of an element (the root tsconfig has no DOM library; React's types stub HTMLElement). */
type DomElement = { getAttribute(name: string): string | null; textContent: string | null };

const chips = async (page: Page, conferenceId: string) =>
  Object.fromEntries(
    await page.locator(`[data-testid="conference-row"][data-conference="${conferenceId}"] [data-testid="deadline-chip"]`).evaluateAll((els: DomElement[]) =>
      els.map((el) => [el.getAttribute('data-rule'), `${el.getAttribute('data-status')} ${el.textContent}`]),
    ),
  );

describe('the dashboard', () => {
  it("lists the booked conference by date with each deadline's status in words", async () => {
    const page = await openTab(browser, `${tp.url}/tab/dashboard`, { as: CLERK, waitFor: '[data-testid="conference-row"]' });
    try {
      // The server's today (the product's clock, 14 Dec 2026) and eight weeks on.
      expect(await page.getByTestId('range-from').inputValue()).toBe('2026-12-14');
      expect(await page.getByTestId('range-to').inputValue()).toBe('2027-02-08');
      const row = page.locator(`[data-testid="conference-row"][data-conference="${booked.conferenceId}"]`);
      await expect(row.locator('a').textContent()).resolves.toBe('MOS4455667');
      expect(await row.locator('a').getAttribute('href')).toBe(`/tab/conferences/${booked.conferenceId}`);
      expect(await page.locator(`[data-testid="conference-day"][data-day="2027-01-06"] h3`).textContent()).toBe('Wednesday 6 January 2027');
      const status = await chips(page, booked.conferenceId);
      // Invitations went out today: done. The reports and sharing are weeks away: due, in words.
      expect(status.T7).toMatch(/^done ✓\sT7 23 Dec: Done$/);
      expect(status.T9).toMatch(/^due •\sT9 31 Dec: Due$/);
      expect(status.T10).toMatch(/^due .*: Due$/);
      await expect(page.getByTestId('deadline-totals').textContent()).resolves.toMatch(/^Deadlines across these 3 conferences: \d+ missed, \d+ due soon, \d+ due, [1-9]\d* done\.$/);
      // The late drafts say what they wait for.
      const draft = page.locator(`[data-testid="conference-row"][data-conference="${late.approve}"]`);
      await expect(draft.textContent()).resolves.toContain('Waiting for approval: Late booking');
      // A clerk is no named manager: nothing waits for their decision.
      await page.waitForSelector('[data-testid="no-approvals"]');
      await expectNoAxeViolations(page);
      await shot(page, 'dashboard-clerk');
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('another range is asked for with the From and To fields', async () => {
    const page = await openTab(browser, `${tp.url}/tab/dashboard`, { as: CLERK, waitFor: '[data-testid="conference-row"]' });
    try {
      await page.getByTestId('range-from').fill('2027-01-07');
      await page.getByTestId('range-to').fill('2027-01-31');
      await page.getByTestId('range-show').click();
      await page.waitForSelector(`[data-testid="conference-row"][data-conference="${booked.conferenceId}"]`, { state: 'detached' });
      const ids = await page.locator('[data-testid="conference-row"]').evaluateAll((els: DomElement[]) => els.map((el) => el.getAttribute('data-conference')));
      expect(ids.sort()).toEqual([late.approve, late.refuse].sort());
    } finally {
      await page.close();
    }
  });

  it('a professional is told, in the server’s words, that the dashboard is not for them', async () => {
    const page = await openTab(browser, `${tp.url}/tab/dashboard`, { as: POLICE, waitFor: '[data-testid="conference-list-error"]' });
    try {
      expect((await page.getByTestId('conference-list-error').textContent())?.length).toBeGreaterThan(10);
      expect(await page.locator('[data-testid="conference-row"]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('approvals', () => {
  it('the named manager approves one late booking (it is booked) and refuses the other', async () => {
    const page = await openTab(browser, `${tp.url}/tab/dashboard`, { as: TEAM_MANAGER, waitFor: '[data-testid="approval"]' });
    try {
      expect(await page.getByTestId('approval').count()).toBe(2);
      const first = page.locator('[data-testid="approval"]').filter({ hasText: 'MOS1000001' });
      await expect(first.textContent()).resolves.toContain('Invented reason: the chair is away');
      await expectNoAxeViolations(page);
      await shot(page, 'dashboard-approvals');
      await first.getByLabel('Your note (optional)').fill('Agreed with the chair');
      await first.getByTestId('approve').click();
      await page.waitForSelector('[data-testid="approval-decided"]');
      expect(await page.getByTestId('approval-decided').first().textContent()).toMatch(/Approved: Late booking for MOS1000001\. The conference is now booked/);
      await page.locator('[data-testid="approval"]').filter({ hasText: 'MOS1000001' }).waitFor({ state: 'detached' });

      const second = page.locator('[data-testid="approval"]').filter({ hasText: 'MOS1000002' });
      await second.getByTestId('refuse').click();
      await page.waitForSelector('[data-testid="no-approvals"]');
      expect(await page.getByTestId('approval-decided').nth(1).textContent()).toMatch(/^Refused: Late booking for MOS1000002\./);

      const approved = await tp.api.ok('GET', `/conferences/${late.approve}`, CLERK);
      expect(approved.json.conference.status).toBe('booked');
      expect(approved.json.approvals[0]).toMatchObject({ status: 'approved' });
      const refused = await tp.api.ok('GET', `/conferences/${late.refuse}`, CLERK);
      expect([refused.json.conference.status, refused.json.approvals[0].status]).toEqual(['draft', 'refused']);
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the conference page', () => {
  beforeAll(async () => {
    // Police cannot come and send their report instead.
    const policeInvitee = booked.booked.inviteeIds[POLICE.id]!;
    await tp.api.ok('PUT', `/conferences/${booked.conferenceId}/invitees/${policeInvitee}/attendance`, POLICE, { answer: 'not-attending' });
    const token = ((await (await fetch(`${tp.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: POLICE.id }) })).json()) as { accessToken: string }).accessToken;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(400, 32), Buffer.from('\n%%EOF\n')]);
    const res = await fetch(`${tp.url}/api/v1/conferences/${booked.conferenceId}/invitees/${policeInvitee}/report?filename=police.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: pdf,
    });
    if (res.status !== 200) throw new Error(`report upload answered ${res.status}: ${await res.text()}`);
  }, 120_000);

  it('shows the summary, the deadlines, the attendance board and the report board', async () => {
    const page = await openTab(browser, `${tp.url}/tab/conferences/${booked.conferenceId}`, { as: CLERK, waitFor: '[data-testid="agency-row"]' });
    try {
      expect(await page.locator('h1').textContent()).toBe('Conference MOS4455667');
      expect(await page.getByTestId('conference-summary').textContent()).toContain('Wednesday 6 January 2027');
      await page.waitForSelector('[data-testid="deadline-row"][data-rule="T9"]');
      expect(await page.locator('[data-testid="deadline-row"][data-rule="T7"] [data-testid="deadline-chip"]').getAttribute('data-status')).toBe('done');

      const police = page.locator('[data-testid="agency-row"][data-agency="police"]');
      await expect(police.textContent()).resolves.toMatch(/Not attending.*Yes.*Yes/);
      expect(await page.getByTestId('invitee-row').count()).toBeGreaterThanOrEqual(6);

      await page.waitForSelector('[data-testid="report-row"]');
      expect(await page.getByTestId('report-row').count()).toBe(1);
      expect(await page.getByTestId('report-row').textContent()).toContain('police.pdf');
      expect(await page.getByTestId('sharing-row').count()).toBe(2);
      // The slots the other parts fill are placed.
      for (const id of ['conference-forms', 'plan-timeline']) expect(await page.getByTestId(id).count()).toBe(1);

      await expectNoAxeViolations(page);
      await shot(page, 'conference-page-clerk');
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('in the dark and high-contrast themes too (axe clean)', async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      const page = await openTab(browser, `${tp.url}/tab/conferences/${booked.conferenceId}`, { as: CLERK, theme, waitFor: '[data-testid="report-row"]' });
      try {
        await page.waitForSelector('[data-testid="deadline-row"]');
        await expectNoAxeViolations(page);
        await shot(page, `conference-page-${theme}`);
      } finally {
        await page.close();
      }
    }
  });

  it('someone not part of it is told it cannot be found', async () => {
    const page = await openTab(browser, `${tp.url}/tab/conferences/${late.refuse}`, { as: TEAM_MANAGER, waitFor: '[data-testid="conference-error"]' });
    try {
      expect(await page.getByTestId('conference-summary').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
