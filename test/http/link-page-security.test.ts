// The link pages for people without the app (/tab/confirm, /tab/report, /tab/record,
// /tab/run-sheet) over real HTTP: each answers with the tab's link-page policy (tab-security.ts:
// no script, styles only from this server, never framed — the run sheet framed by Teams only),
// carries no inline style, and links the one served stylesheet, which is cached for a year under
// its hashed name. The refusal pages are enough: the headers are the same on every answer.
import { LINK_PAGE_CSS_PATH } from '../../bot/adapters/http/pages/link-page-style';
import { linkPageSecurityPolicy } from '../../bot/adapters/http/tab/tab-security';
import { type TestServer, startTestServer } from './support/test-server';

let bot: TestServer;
beforeAll(async () => {
  bot = await startTestServer();
});
afterAll(() => bot.close());

it.each([
  ['/tab/confirm?t=x.y', 'none'],
  ['/tab/report?t=x.y', 'none'],
  ['/tab/record?t=x.y', 'none'],
  ['/tab/run-sheet?conference=c-1&token=x.y', 'teams'],
] as const)('%s: the link-page CSP, no inline style, the served stylesheet', async (path, framing) => {
  const res = await fetch(`${bot.url}${path}`);
  expect(res.status).toBe(403);
  const csp = res.headers.get('content-security-policy');
  expect(csp).toBe(linkPageSecurityPolicy(framing, { localMode: true, extraFrameAncestors: [] }));
  expect(csp).toContain("script-src 'none'; style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain(framing === 'none' ? "frame-ancestors 'none'" : 'frame-ancestors https://teams.microsoft.com');
  expect([res.headers.get('cache-control'), res.headers.get('referrer-policy'), res.headers.get('x-content-type-options')]).toEqual(['no-store', 'no-referrer', 'nosniff']);
  const html = await res.text();
  expect(html).not.toMatch(/<style|\sstyle=|<script/i);
  expect(html).toContain(`<link rel="stylesheet" href="${LINK_PAGE_CSS_PATH}">`);
});

it('the stylesheet: text/css, immutable for a year under its hashed name; another name is 404', async () => {
  const res = await fetch(`${bot.url}${LINK_PAGE_CSS_PATH}`);
  expect(res.status).toBe(200);
  expect([res.headers.get('content-type'), res.headers.get('cache-control'), res.headers.get('x-content-type-options')]).toEqual(['text/css; charset=utf-8', 'public, max-age=31536000, immutable', 'nosniff']);
  expect(await res.text()).toContain(':focus-visible');
  expect((await fetch(`${bot.url}/tab/styles/link-pages.000000000000.css`)).status).toBe(404);
});
