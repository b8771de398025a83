// The tab's pages and files as the server sends them (bot/adapters/http/tab), over real HTTP, from
// a small build written by the test (the real build is the browser tests'): the per-request CSP
// nonce, frame-ancestors (Teams' origins, the Playground's in local mode only, TAB_FRAME_ANCESTORS),
// no caching of the HTML and a year's immutable caching of the hashed files, 503 before a build,
// and nothing outside the assets folder served however the path is spelt.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TAB_ROUTES } from '../../bot/adapters/http/tab/tab-routes';
import { contentSecurityPolicy, LOCAL_FRAME_ANCESTORS, TEAMS_FRAME_ANCESTORS } from '../../bot/adapters/http/tab/tab-security';
import { startTestServer, type TestServer } from './support/test-server';

const dirs: string[] = [];
const servers: TestServer[] = [];

function fakeBuild(pages: Record<string, { js: string; css: string[] }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tab-pages-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  for (const p of Object.values(pages)) {
    writeFileSync(join(dir, p.js), 'export const page = 1;\n');
    for (const css of p.css) writeFileSync(join(dir, css), 'body{margin:0}\n');
  }
  writeFileSync(join(dir, 'assets/notes.txt'), 'not a tab file type\n');
  writeFileSync(join(dir, 'secret.json'), '{"outside":"assets"}\n');
  writeFileSync(join(dir, 'pages.json'), JSON.stringify({ pages }));
  return dir;
}

async function serve(distDir: string, env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer({ env: { TAB_DIST_DIR: distDir, LOG_LEVEL: 'silent', ...env } });
  servers.push(s);
  return s;
}

const BUILT = { config: { js: 'assets/config-AAAA1111.js', css: ['assets/config-BBBB2222.css'] } };
let built: TestServer;
let buildDir: string;

beforeAll(async () => {
  buildDir = fakeBuild(BUILT);
  built = await serve(buildDir, { TAB_FRAME_ANCESTORS: 'https://portal.council.example' });
});

afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a tab page', () => {
  it('is a small HTML document with the page script and styles, a new CSP nonce each time, never cached', async () => {
    const [a, b] = await Promise.all([fetch(`${built.url}/tab/config`), fetch(`${built.url}/tab/config`)]);
    for (const res of [a, b]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const html = await a.text();
    expect(html).toContain('<script type="module" src="/tab/assets/config-AAAA1111.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/tab/assets/config-BBBB2222.css">');
    expect(html).toContain('<title>Add the conference tab</title>');
    expect(html).not.toMatch(/<script(?![^>]*src=)/); // no inline script at all
    const nonceA = /name="csp-nonce" content="([^"]+)"/.exec(html)?.[1];
    const nonceB = /name="csp-nonce" content="([^"]+)"/.exec(await b.text())?.[1];
    expect(nonceA).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceB).not.toBe(nonceA);
    expect(a.headers.get('content-security-policy')).toContain(`'nonce-${nonceA}'`);
    expect(b.headers.get('content-security-policy')).toContain(`'nonce-${nonceB}'`);
  });

  it("has a strict policy: own scripts only, styles by nonce, framed by Teams' origins (+ the Playground locally, + TAB_FRAME_ANCESTORS)", async () => {
    const csp = (await fetch(`${built.url}/tab/config`)).headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'", expect.stringMatching(/^'nonce-/)]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'", 'https://res.cdn.office.net']);
    expect(directives['frame-ancestors']).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS, ...LOCAL_FRAME_ANCESTORS, 'https://portal.council.example']);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it("leaves the Playground's origins out in production", () => {
    const csp = contentSecurityPolicy('n0nce', { localMode: false, extraFrameAncestors: [] });
    expect(csp).toContain(`frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`);
    for (const local of LOCAL_FRAME_ANCESTORS) expect(csp).not.toContain(local);
  });

  it('is answered for every route in TAB_ROUTES whose page is built, 503 for the others', async () => {
    for (const route of TAB_ROUTES) {
      const path = route.path.replace(/:([A-Za-z]+)/g, 'x1');
      const res = await fetch(`${built.url}${path}`);
      expect([route.path, res.status]).toEqual([route.path, route.page in BUILT ? 200 : 503]);
    }
  });

  it('reads a new build without a restart', async () => {
    const next = { config: { js: 'assets/config-CCCC3333.js', css: [] } };
    writeFileSync(join(buildDir, next.config.js), 'export {};\n');
    writeFileSync(join(buildDir, 'pages.json'), JSON.stringify({ pages: next }));
    const later = new Date(Date.now() + 5000);
    utimesSync(join(buildDir, 'pages.json'), later, later);
    const html = await (await fetch(`${built.url}/tab/config`)).text();
    expect(html).toContain('/tab/assets/config-CCCC3333.js');
    writeFileSync(join(buildDir, 'pages.json'), JSON.stringify({ pages: BUILT }));
    const evenLater = new Date(Date.now() + 10_000);
    utimesSync(join(buildDir, 'pages.json'), evenLater, evenLater);
  });
});

describe('the built files', () => {
  it('are served with their type and a year of immutable caching (their names carry their hash)', async () => {
    const js = await fetch(`${built.url}/tab/assets/config-AAAA1111.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toBe('export const page = 1;\n');
    const css = await fetch(`${built.url}/tab/assets/config-BBBB2222.css`);
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it('answer 404 (JSON, not cached) for an unknown file or a type the tab does not serve', async () => {
    for (const path of ['/tab/assets/nothing-1234.js', '/tab/assets/notes.txt', '/tab/assets/']) {
      const res = await fetch(`${built.url}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get('cache-control') ?? '').not.toContain('immutable');
      // The server's own pages answer {code, message} (the API's envelope is for /api/v1).
      expect(((await res.json()) as { code: string }).code).toBe('HTTP.NOT_FOUND');
    }
  });

  it('never serve anything outside the assets folder, however the path is spelt', async () => {
    const attempts = [
      '/tab/assets/../pages.json',
      '/tab/assets/..%2fpages.json',
      '/tab/assets/%2e%2e/secret.json',
      '/tab/assets/%2e%2e%2fsecret.json',
      '/tab/assets/..%5csecret.json',
      '/tab/assets/%252e%252e%252fsecret.json',
      '/tab/assets/....//secret.json',
      `/tab/assets/${encodeURIComponent(join(buildDir, 'secret.json'))}`,
    ];
    for (const path of attempts) {
      const res = await fetch(`${built.url}${path}`);
      const text = await res.text();
      expect([path, res.status]).toEqual([path, 404]);
      expect(text).not.toContain('outside');
      expect(text).not.toContain('"pages"');
    }
  });
});

describe('before the tab is built', () => {
  it('a page answers 503 HTTP.UNAVAILABLE with the fix and a Retry-After', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tab-unbuilt-'));
    dirs.push(empty);
    const s = await serve(empty);
    const res = await fetch(`${s.url}/tab/config`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('HTTP.UNAVAILABLE');
    expect(body.message).toContain('npm run build:tab');
  });

  it('an unknown tab path is 404', async () => {
    const res = await fetch(`${built.url}/tab/no-such-page`);
    expect(res.status).toBe(404);
  });
});
