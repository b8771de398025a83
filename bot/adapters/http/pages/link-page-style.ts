// The link pages' one stylesheet, served from this server at a name carrying its hash (so a year's
// caching is safe and the pages need no inline style under the CSP). Readable on a phone from an
// e-mail: system fonts, 1.125rem text, generous spacing, a visible focus ring, and the user's own
// colours in dark mode and Windows high contrast (forced-colors).
import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { COMMON_TAB_HEADERS } from '../tab/tab-security';

export const LINK_PAGE_CSS = `
:root{color-scheme:light dark;--text:#1b1b1b;--muted:#424242;--bg:#fff;--band:#f3f2f1;--line:#8a8886;--brand:#4f52b2;--brand-text:#fff;--link:#3d3e8f;--error-bg:#fde7e9;--error:#a4262c;--ok-bg:#dff6dd;--ok:#0e700e;--focus:#1b1b1b}
@media (prefers-color-scheme:dark){:root{--text:#f3f2f1;--muted:#d2d0ce;--bg:#1f1f1f;--band:#292929;--line:#a19f9d;--brand:#9ea2ff;--brand-text:#1b1b1b;--link:#b9bbff;--error-bg:#3b1c1e;--error:#ff99a4;--ok-bg:#1b3a1b;--ok:#92e08f;--focus:#fff}}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.6;color:var(--text);background:var(--bg)}
.site-header{background:var(--band);border-bottom:1px solid var(--line);padding:.75rem 1rem}
.site-header p{margin:0 auto;max-width:42rem;font-weight:600}
main{display:block;max-width:42rem;margin:0 auto;padding:1.5rem 1rem 2rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.3rem;margin:1.75rem 0 .5rem}
p{margin:0 0 1rem}
a{color:var(--link)}
.facts{margin:0 0 1.25rem;padding:1rem;border-left:4px solid var(--brand);background:var(--band)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.25rem;margin:0 0 1.25rem}
dt{font-weight:600}
dd{margin:0}
ul{padding-left:1.25rem}
li{margin:.25rem 0}
form{margin:1rem 0}
fieldset{border:1px solid var(--line);border-radius:6px;padding:1rem 1.25rem;margin:0 0 1rem}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.75rem;align-items:flex-start;margin:.6rem 0}
.choice input{margin-top:.35rem;width:1.25rem;height:1.25rem;flex:none}
.field{display:block;margin:.75rem 0}
.field span{display:block;font-weight:600}
input[type=text],input:not([type]),input[type=file]{font:inherit;width:100%;max-width:28rem;padding:.5rem;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--text)}
button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:2px solid var(--brand);border-radius:6px;background:var(--brand);color:var(--brand-text);cursor:pointer}
button:hover{filter:brightness(1.1)}
:focus-visible{outline:3px solid var(--focus);outline-offset:3px}
.note{color:var(--muted);font-size:1rem}
.notice{padding:.75rem 1rem;border-radius:6px;border-left:4px solid var(--error);background:var(--error-bg);color:var(--text)}
.notice-ok{border-left-color:var(--ok);background:var(--ok-bg)}
.site-footer{max-width:42rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:1rem}
@media (forced-colors:active){.facts,.notice,button{border:2px solid CanvasText}button{forced-color-adjust:none;background:ButtonText;color:ButtonFace}}
`.trim();

const HASH = createHash('sha256').update(LINK_PAGE_CSS).digest('hex').slice(0, 12);

/** The stylesheet's address (its name changes whenever its content does). */
export const LINK_PAGE_CSS_PATH = `/tab/styles/link-pages.${HASH}.css`;

export function mountLinkPageStyle(server: Server): void {
  const body = Buffer.from(LINK_PAGE_CSS, 'utf8');
  server.get(LINK_PAGE_CSS_PATH, async (_req: Request, res: Response) => {
    for (const [k, v] of Object.entries(COMMON_TAB_HEADERS)) res.setHeader(k, v);
    res.setHeader('content-type', 'text/css; charset=utf-8');
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('content-length', body.length);
    res.writeHead(200);
    res.end(body);
  });
}
