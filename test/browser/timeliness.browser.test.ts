// Timeliness on the clerk's dashboard and the child's plan timeline on the conference page, in
// Chromium against the local product (england profile, the clock on 1 April 2027): the figures in
// the chart and the table, a new period, the CSV download (RFC 4180, case references only), the
// SVG timeline with its list in words, axe-clean in the light and high-contrast themes.
import { readFileSync } from 'node:fs';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import type { Conference } from '../../bot/domain/conference/conference';
import { type Browser, collectConsoleErrors, expectNoAxeViolations, launchBrowser, openTab, shot } from './support/browser';
import { CLERK } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(90_000);

let tp: TabProduct;
let browser: Browser;

function conference(id: string, over: Partial<Conference>): Omit<Conference, 'version'> {
  return {
    id, caseReference: 'CP-2027-0201', kind: 'ICPC', profileId: 'england', start: '2027-03-01T10:00', end: '2027-03-01T12:00',
    organizerId: CLERK.id, status: 'booked', bookingVersion: 1, invitees: [], ...over,
  };
}

beforeAll(async () => {
  tp = await startTabProduct({ profile: 'england', start: '2027-04-01T09:00:00.000Z' });
  browser = await launchBrowser();
  const store = new SqlConferenceStore(tp.database);
  // Strategy discussion 10 February → T1 3 March: the first ICPC on time, the second late.
  await store.create(conference('bt-icpc', {
    anchors: { 'strategy-discussion': '2027-02-10' },
    followUps: { coreGroupId: 'bt-cg', tasks: [{ rule: 'T14', due: '2027-03-22', doneAt: '2027-03-18T10:00:00.000Z', doneBy: CLERK.id }] },
  }));
  await store.create(conference('bt-icpc-late', { caseReference: 'CP-2027-0202', start: '2027-03-25T10:00', end: '2027-03-25T12:00', anchors: { 'strategy-discussion': '2027-02-10' } }));
  await store.create(conference('bt-cg', {
    kind: 'CORE_GROUP', start: '2027-03-15T14:00', end: '2027-03-15T15:00', anchors: { icpc: '2027-03-01' },
    followUpOf: { conferenceId: 'bt-icpc', kind: 'first-core-group', planId: 'bt-icpc', reviewDate: '2027-05-28' },
  }));
  await new SqlLiveMeetingStore(tp.database).create({
    conferenceId: 'bt-icpc', teamsMeetingId: 'm-bt', stage: 'closed', history: [], roster: [], alerts: [],
    decision: { outcome: 'child-protection-plan', decidedBy: 'chair', views: [], dissent: [], category: 'emotional', coreGroupInviteeIds: [], firstCoreGroupDate: '2027-03-15', reviewDate: '2027-05-28', chairId: 'chair', at: '2027-03-01T11:50:00.000Z' },
    record: { deadline: '2027-03-02', issuedAt: '2027-03-01T11:51:00.000Z', issuedBy: 'chair', recipients: [{ inviteeId: 'inv-1', audience: 'professional', versionKey: 'professional', withheld: [], state: 'sent', channel: 'card', at: '2027-03-01T11:52:00.000Z', attempts: 1 }] },
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await tp?.stop();
}, 30_000);

const cellsOf = (page: Awaited<ReturnType<typeof openTab>>, measure: string) =>
  page.locator(`[data-testid="timeliness-summary"] tr[data-measure="${measure}"] td`).allTextContents();

it('the dashboard shows the year up to today as a chart and a table, with England’s figure beside the ICPC bar', async () => {
  const page = await openTab(browser, `${tp.url}/tab/dashboard`, { as: CLERK.id, waitFor: '[data-testid="timeliness-ready"]' });
  try {
    expect(await page.locator('[data-testid="timeliness-ready"]').getAttribute('data-to')).toBe('2027-04-01');
    expect(await cellsOf(page, 'icpc-within-t1')).toEqual([expect.stringContaining('ICPCs within'), '1', '2', '50%', '0', '0']);
    expect(await cellsOf(page, 'core-groups-on-time')).toEqual([expect.any(String), '1', '1', '100%', '0', '0']);
    expect(await cellsOf(page, 'records-within-t12')).toEqual([expect.any(String), '1', '1', '100%', '0', '1']);
    const chart = page.locator('[data-testid="timeliness-chart"]');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('title').textContent()).toBe('Timeliness over the period');
    expect(await chart.locator('desc').textContent()).toContain('ICPCs on time (T1): 1 of 2, 50%.');
    expect(await chart.locator('[data-testid="england-mark"] text').textContent()).toContain('81%');
    expect(await page.locator('[data-testid="timeliness-rows"] tbody tr').count()).toBe(5);
    await expectNoAxeViolations(page, { include: '[data-testid="timeliness"]' });
    await shot(page, 'timeliness-dashboard');
    expect(collectConsoleErrors(page).errors).toEqual([]);
  } finally {
    await page.close();
  }
});

it('a new period is fetched on Show; the CSV download is the table with case references only (dark theme)', async () => {
  const page = await openTab(browser, `${tp.url}/tab/dashboard`, { as: CLERK.id, theme: 'dark', waitFor: '[data-testid="timeliness-ready"]' });
  try {
    await page.locator('[data-testid="timeliness-from"]').fill('2027-03-20');
    await page.locator('[data-testid="timeliness-to"]').fill('2027-03-31');
    await page.locator('[data-testid="timeliness-show"]').click();
    await page.waitForSelector('[data-testid="timeliness-ready"][data-from="2027-03-20"]');
    expect((await cellsOf(page, 'icpc-within-t1')).slice(1, 4)).toEqual(['0', '1', '0%']);
    await expectNoAxeViolations(page, { include: '[data-testid="timeliness"]' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="timeliness-download"]').click()]);
    expect(download.suggestedFilename()).toBe('timeliness-2027-03-20-to-2027-03-31.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\r\n')).toEqual([
      'Case reference,Conference kind,Date,Measure,Rule,Due by,Done on,Working days,Status',
      'CP-2027-0202,ICPC,2027-03-25,ICPCs within the timescale of the strategy discussion (T1),T1,2027-03-03,2027-03-25,31,missed',
      'CP-2027-0202,ICPC,2027-03-25,Decision records issued within T12,T12,,,,unmeasured',
      '',
    ]);
  } finally {
    await page.close();
  }
});

it('the conference page draws the child’s plan as SVG with the same items in words, in the contrast theme too', async () => {
  for (const theme of ['default', 'contrast'] as const) {
    const page = await openTab(browser, `${tp.url}/tab/conferences/bt-cg`, { as: CLERK.id, theme, waitFor: '[data-testid="plan-timeline-ready"]' });
    try {
      const items = await page.locator('[data-testid="plan-timeline-list"] li').allTextContents();
      expect(items).toEqual([
        '2027-02-10: Strategy discussion, held',
        '2027-03-01: Initial conference (ICPC), held, due by 2027-03-03 (T1): on time',
        '2027-03-01: Decision: child protection plan (emotional), recorded',
        '2027-03-02: Decision and recommendations issued, done, rule T12, done on 2027-03-01',
        '2027-03-15: Core group, held, due by 2027-03-15 (T4): on time',
        '2027-03-22: Conference minutes circulated, done, rule T14, done on 2027-03-18',
        '2027-04-26: Next core group (not booked), due, rule T5',
        '2027-06-01: Next review conference (not booked), due, rule T2',
      ]);
      const chart = page.locator('[data-testid="timeline-chart"]');
      expect(await chart.locator('g[data-type="meeting"]').count()).toBe(2);
      expect(await chart.locator('g[data-type="deadline"]').count()).toBe(4);
      expect(await chart.locator('title').first().textContent()).toBe('Plan timeline, case CP-2027-0201');
      await expectNoAxeViolations(page, { include: '[data-testid="plan-timeline"]' });
      await shot(page, `plan-timeline-${theme}`);
      expect(collectConsoleErrors(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }
});
