// The link pages for people without the app, in Chromium against the local product: "the link
// page from an e-mail". A police officer outside the tenant (no directory entry, so no Teams card)
// is added to the invite list; the invitation e-mail in the sandbox mailbox carries the confirm
// link; they answer "cannot attend", follow the report link the page gives them and upload their
// report. Each page: the tab's link-page CSP (no inline style or script, never framed), the served
// stylesheet applied, no console error (a CSP refusal would be one), axe-clean, no name shown.
// The run sheet (opened in a Teams dialog) and a refused record link get the same checks.
import { HmacLinkSigner, linkKeyFrom } from '../../bot/adapters/links/hmac-link-signer';
import { LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY } from '../../scripts/local/sandbox-defaults';
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { type Browser, collectConsoleErrors, computedStyle, expectNoAxeViolations, launchBrowser, type Page, shot } from './support/browser';
import { type BookedConference, bookedConference, CHAIR, CHILD, CLERK, FATHER, HEALTH, liveMeeting, MOTHER, POLICE, SCHOOL, SOCIAL_WORKER } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(90_000);

const OFFICER = { displayName: 'Invented Outside Officer', email: 'invented.outside.officer@police.example' };

let tp: TabProduct;
let browser: Browser;
let conference: BookedConference;

beforeAll(async () => {
  tp = await startTabProduct();
  browser = await launchBrowser();
  conference = await bookedConference(tp);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await tp?.stop();
}, 30_000);

/** Links are made on the product's public base URL; the test product listens on its own port. */
const onProduct = (link: string) => {
  const u = new URL(link, tp.url);
  return new URL(`${u.pathname}${u.search}`, tp.url).toString();
};

async function openLinkPage(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  collectConsoleErrors(page);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const everyName = () => [CHAIR, SOCIAL_WORKER, POLICE, HEALTH, SCHOOL].map((p) => p.displayName).concat([MOTHER, FATHER, CHILD].map((f) => f.displayName), OFFICER.displayName);

/** What every link page must be: the served stylesheet applied, no inline style, axe-clean, no names, no console error. */
async function expectGoodLinkPage(page: Page, name: string, options: { refused?: boolean } = {}): Promise<void> {
  const html = await page.content();
  expect(html).not.toMatch(/<style|\sstyle=|<script/i);
  expect(html).toMatch(/<link rel="stylesheet" href="\/tab\/styles\/link-pages\.[0-9a-f]{12}\.css">/);
  // The stylesheet arrived under the CSP: body text is 1.125rem (18px), not the browser's 16px.
  expect(await computedStyle(page.locator('body'), 'font-size')).toBe('18px');
  for (const n of everyName()) expect(html).not.toContain(n);
  await expectNoAxeViolations(page);
  await shot(page, name);
  // A refused link's page is answered 403, which Chromium logs; nothing else may be.
  expect(collectConsoleErrors(page).errors.filter((e) => !(options.refused && /status of 403/.test(e)))).toEqual([]);
}

async function expectLinkPageHeaders(url: string, framing: 'none' | 'teams'): Promise<void> {
  const res = await fetch(url);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("script-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  if (framing === 'none') expect(csp).toContain("frame-ancestors 'none'");
  else expect(csp).toMatch(/frame-ancestors https:\/\/teams\.microsoft\.com /);
  expect([res.headers.get('cache-control'), res.headers.get('referrer-policy'), res.headers.get('x-content-type-options')]).toEqual(['no-store', 'no-referrer', 'nosniff']);
}

it('the link page from an e-mail: the confirm link in the mailbox, "cannot attend", then the report page uploads a file', async () => {
  const id = conference.conferenceId;
  const list = await tp.api.ok('GET', `/conferences/${id}/invite-list`, CLERK);
  await tp.api.ok('POST', `/conferences/${id}/invite-list/invitees`, CLERK, { role: 'professional', agency: 'police', displayName: OFFICER.displayName, email: OFFICER.email }, list.etag);
  const sent = await tp.api.ok('POST', `/conferences/${id}/invitations`, CLERK);
  expect(sent.json.attendance.email).toHaveLength(1);

  const mail = (await new SandboxStore(tp.database).listMessages()).filter((m) => m.mailbox.toLowerCase() === OFFICER.email && m.folder === 'inbox' && m.kind === 'mail');
  expect(mail).toHaveLength(1);
  const link = /https?:\/\/[^"'\s]+\/tab\/confirm\?t=[A-Za-z0-9_.%-]+/.exec(JSON.stringify(mail[0]!.body))?.[0];
  expect(link).toBeDefined();
  const confirmUrl = onProduct(link!);
  await expectLinkPageHeaders(confirmUrl, 'none');

  const page = await openLinkPage(confirmUrl);
  try {
    await expect(page.locator('h1').textContent()).resolves.toBe('Child protection conference: will you attend?');
    await expect(page.locator('.facts').textContent()).resolves.toContain('MOS4455667');
    await expectGoodLinkPage(page, 'link-confirm');

    await page.getByLabel('I cannot attend (my agency will send a written report)').check();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.waitForSelector('h1:text("Thank you")');
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain('not attending');
    await expectGoodLinkPage(page, 'link-confirm-thank-you');

    await page.getByRole('link', { name: 'Send your written report' }).click();
    await page.waitForSelector('h1:text("Send your report")');
    await expectLinkPageHeaders(page.url(), 'none');
    await expectGoodLinkPage(page, 'link-report');

    await page.setInputFiles('#report', { name: 'police-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% invented report\n%%EOF\n') });
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForSelector('h1:text("Report received")');
    await expect(page.locator('[role="status"]').textContent()).resolves.toContain('MOS4455667');
    await expectGoodLinkPage(page, 'link-report-received');
  } finally {
    await page.close();
  }
  // The clerk's invite list shows the officer's answer (by link) and the report received.
  const invitees = (await tp.api.ok('GET', `/conferences/${id}/invite-list`, CLERK)).json.invitees as { email?: string; attendance?: { answer: string; via: string }; report?: { receivedAt: string } }[];
  const officer = invitees.find((i) => i.email === OFFICER.email);
  expect(officer?.attendance).toMatchObject({ answer: 'not-attending', via: 'link' });
  expect(officer?.report?.receivedAt).toEqual(expect.any(String));
});

it('the run sheet link (a Teams dialog) and a refused record link: the same CSP (the run sheet framed by Teams only), readable and axe-clean', async () => {
  await liveMeeting(tp, { stage: 'confidential', conference });
  const signer = new HmacLinkSigner(linkKeyFrom(LOCAL_DEVELOPMENT_AUDIT_HMAC_KEY));
  const token = signer.sign({ purpose: 'run-sheet', conferenceId: conference.conferenceId, inviteeId: conference.booked.inviteeIds[CHAIR.id]!, expiresAt: '2027-01-06T23:59:59.000Z' });
  const runSheetUrl = `${tp.url}/tab/run-sheet?conference=${conference.conferenceId}&token=${encodeURIComponent(token)}`;
  await expectLinkPageHeaders(runSheetUrl, 'teams');
  const runSheet = await openLinkPage(runSheetUrl);
  try {
    await expect(runSheet.locator('h1').textContent()).resolves.toBe('Run sheet MOS4455667');
    // The chair's own run sheet names people (it goes to the chair alone): only the layout is checked here.
    expect(await runSheet.content()).not.toMatch(/<style|\sstyle=|<script/i);
    expect(await computedStyle(runSheet.locator('body'), 'font-size')).toBe('18px');
    await expectNoAxeViolations(runSheet);
    await shot(runSheet, 'link-run-sheet');
    expect(collectConsoleErrors(runSheet).errors).toEqual([]);
  } finally {
    await runSheet.close();
  }
  const recordUrl = `${tp.url}/tab/record?t=x.y`;
  await expectLinkPageHeaders(recordUrl, 'none');
  const record = await openLinkPage(recordUrl);
  try {
    await expect(record.locator('h1').textContent()).resolves.toBe('Link not valid');
    await expectGoodLinkPage(record, 'link-record-refused', { refused: true });
  } finally {
    await record.close();
  }
});
