// The plain, server-rendered pages under /tab for people without the app: one layout, escaped
// text, the one served stylesheet (no inline style or script: the CSP of tab-security.ts allows
// neither), and the same headers everywhere. The empty icon saves the browser's /favicon.ico 404.
import type { Response } from 'restify';
import { linkPageHeaders, type TabSecurityOptions } from '../tab/tab-security';
import { LINK_PAGE_CSS_PATH } from './link-page-style';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const FOOTER = 'This page is only for the person the link was sent to: please do not forward the link. If something looks wrong, contact the conference team.';

export function renderPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${LINK_PAGE_CSS_PATH}">
</head>
<body>
<header class="site-header"><p>Child protection conference</p></header>
<main>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
<footer class="site-footer"><p>${escapeHtml(FOOTER)}</p></footer>
</body>
</html>
`;
}

/** Sends a link page: e-mailed pages are never framed; the run sheet may be framed by Teams. */
export function sendLinkPage(res: Response, status: number, html: string, framing: 'none' | 'teams' = 'none', security?: TabSecurityOptions): void {
  res.writeHead(status, linkPageHeaders(framing, security));
  res.end(html);
}
