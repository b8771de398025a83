// Serves the built tab (npm run build:tab → dist/tab): /tab/assets/<hashed file> with a year's
// immutable caching, and each page of TAB_ROUTES as a small HTML document made per request (its
// CSP nonce is new each time, so the HTML itself is never cached). Not built: 503 with the fix.
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { httpError } from '../http-error-map';
import { escapeHtml } from '../pages/page-html';
import { TAB_ROUTES } from './tab-routes';
import { COMMON_TAB_HEADERS, contentSecurityPolicy, newNonce, type TabSecurityOptions } from './tab-security';

export interface TabPagesOptions extends TabSecurityOptions {
  distDir: string;
  setLogFields(res: Response, fields: Record<string, unknown>): void;
}

interface BuiltPages {
  pages: Record<string, { js: string; css: string[] }>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};


export function pageHtml(built: { js: string; css: string[] }, title: string, nonce: string): string {
  const styles = built.css.map((href) => `<link rel="stylesheet" href="/tab/${escapeHtml(href)}">`).join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csp-nonce" content="${escapeHtml(nonce)}">
<title>${escapeHtml(title)}</title>
${styles}<script type="module" src="/tab/${escapeHtml(built.js)}"></script>
</head>
<body>
<div id="root"></div>
<noscript>This page needs JavaScript. The same information is in the app's chat in Teams.</noscript>
</body>
</html>
`;
}

export function mountTabPages(server: Server, options: TabPagesOptions): void {
  const distDir = resolve(options.distDir);
  const assetsDir = join(distDir, 'assets');
  let cache: { mtimeMs: number; built: BuiltPages } | null = null;

  /** dist/tab/pages.json, re-read when a new build replaced it (no restart needed after a rebuild). */
  const builtPages = (): BuiltPages | null => {
    const file = join(distDir, 'pages.json');
    try {
      const { mtimeMs } = statSync(file);
      if (!cache || cache.mtimeMs !== mtimeMs) cache = { mtimeMs, built: JSON.parse(readFileSync(file, 'utf8')) as BuiltPages };
      return cache.built;
    } catch {
      return null;
    }
  };

  server.get('/tab/assets/*', async (req: Request, res: Response) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://tab.invalid').pathname.slice('/tab/assets/'.length));
    const file = normalize(join(assetsDir, name));
    const type = TYPES[extname(file)];
    let body: Buffer | null = null;
    if (file.startsWith(assetsDir + sep) && type) {
      try {
        body = readFileSync(file);
      } catch {
        body = null;
      }
    }
    for (const [k, v] of Object.entries(COMMON_TAB_HEADERS)) res.setHeader(k, v);
    if (!body || !type) {
      options.setLogFields(res, { outcome: 'HTTP.NOT_FOUND' });
      const notFound = httpError('HTTP.NOT_FOUND', 'No such tab file.');
      res.send(notFound.status, notFound.body);
      return;
    }
    // Names carry their content hash: a new build makes new names, so a year is safe.
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('content-type', type);
    res.setHeader('content-length', body.length);
    res.writeHead(200);
    res.end(body);
  });

  for (const route of TAB_ROUTES) {
    server.get(route.path, async (_req: Request, res: Response) => {
      for (const [k, v] of Object.entries(COMMON_TAB_HEADERS)) res.setHeader(k, v);
      const built = builtPages()?.pages[route.page];
      if (!built) {
        options.setLogFields(res, { outcome: 'TAB.NOT_BUILT' });
        res.setHeader('retry-after', '5');
        const unavailable = httpError('HTTP.UNAVAILABLE', 'The tab has not been built: run `npm run build:tab` (npm start and npm run build do it).');
        res.send(unavailable.status, unavailable.body);
        return;
      }
      const nonce = newNonce();
      const html = Buffer.from(pageHtml(built, route.title, nonce), 'utf8');
      res.setHeader('content-security-policy', contentSecurityPolicy(nonce, options));
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', html.length);
      res.writeHead(200);
      res.end(html);
    });
  }
}
