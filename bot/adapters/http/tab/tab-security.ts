// The headers every tab page and asset carries. The Content-Security-Policy allows only this
// server's own scripts, styles whose <style> element carries the page's nonce (Fluent UI's Griffel
// inserts its rules at run time), calls to this server, and framing by Teams' own origins (and
// the Agents Playground's, in local mode). Links carry signed tokens, so no Referer leaves a page.
import { randomBytes } from 'node:crypto';

/** The Teams, Outlook and Microsoft 365 web clients that host tabs (Microsoft's documented list). */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
];

/** The Agents Playground's web UI (local mode only). */
export const LOCAL_FRAME_ANCESTORS = ['http://127.0.0.1:56150', 'http://localhost:56150'];

export interface TabSecurityOptions {
  localMode: boolean;
  extraFrameAncestors: string[];
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(nonce: string, options: TabSecurityOptions): string {
  const ancestors = ["'self'", ...TEAMS_FRAME_ANCESTORS, ...(options.localMode ? LOCAL_FRAME_ANCESTORS : []), ...options.extraFrameAncestors];
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    // TeamsJS reads its list of valid Teams origins from Microsoft's CDN.
    "connect-src 'self' https://res.cdn.office.net",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/** Headers for any tab response (pages and assets). */
export const COMMON_TAB_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The server-rendered link pages (/tab/confirm, /tab/report, /tab/record, /tab/run-sheet): the
 * tab's policy without scripts at all, and styles only from this server's stylesheet (no inline
 * style, so no nonce). Pages opened from an e-mail are never framed; the run sheet opens in a
 * Teams dialog, so Teams (and the Playground, locally) may frame it.
 */
export function linkPageSecurityPolicy(framing: 'none' | 'teams', options: TabSecurityOptions = { localMode: false, extraFrameAncestors: [] }): string {
  const ancestors = framing === 'none' ? ["'none'"] : [...TEAMS_FRAME_ANCESTORS, ...(options.localMode ? LOCAL_FRAME_ANCESTORS : []), ...options.extraFrameAncestors];
  return [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/** Every link page's headers: the policy above, never cached (the token is in the URL), no Referer. */
export function linkPageHeaders(framing: 'none' | 'teams', options?: TabSecurityOptions): Record<string, string> {
  return { ...COMMON_TAB_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': linkPageSecurityPolicy(framing, options) };
}
