// Every address the package sends Teams to answers from the product itself: the bot server
// started in-process (as the HTTP tests start it) serving the tab built once per jest run
// (.tmp/tab-dist, TAB_DIST_DIR from global setup), each manifest URL under the tab base mapped
// from https://<council host> to http://127.0.0.1:<port>. Built with removal on, so the calling
// webhook the Azure Bot is given is checked too (the tabs are the same either way: app-package.test.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { buildAppPackage } from '../../scripts/manifest/app-package';
import { ensureTabBuilt } from '../browser/support/tab-build';
import { startTestServer, type TestServer } from '../http/support/test-server';
import { CALLING_ENV } from './fixtures';

const TAB_BASE = 'https://cpc.example-council.gov.uk';

interface Manifest {
  configurableTabs: { configurationUrl: string }[];
  staticTabs: { contentUrl?: string; websiteUrl?: string }[];
}

let dir: string;
let server: TestServer;
let manifest: Manifest;
let webhookUrl: string | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'package-urls-'));
  const [outcome, distDir] = await Promise.all([buildAppPackage(CALLING_ENV, { outFile: join(dir, 'appPackage.test.zip'), packageVersion: '0.1.0' }), ensureTabBuilt()]);
  server = await startTestServer({ env: { TAB_DIST_DIR: distDir, LOG_LEVEL: 'silent' } });
  if (!outcome.ok) throw new Error(`build failed: ${outcome.errors.join('; ')}`);
  webhookUrl = outcome.calling.webhookUrl;
  const files = unzipSync(new Uint8Array(readFileSync(outcome.outFile)));
  manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Manifest;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every string in the manifest that is an address under the tab base (wherever it is declared). */
function urlsUnderTabBase(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === 'string' && node.startsWith(`${TAB_BASE}/`)) out.add(node);
  else if (Array.isArray(node)) for (const n of node) urlsUnderTabBase(n, out);
  else if (node !== null && typeof node === 'object') for (const n of Object.values(node)) urlsUnderTabBase(n, out);
  return out;
}

const local = (url: string) => `${server.url}${url.slice(TAB_BASE.length)}`;

describe('the tab addresses in the package', () => {
  it('include every configurable tab, static tab content and website URL', () => {
    const declared = [
      ...manifest.configurableTabs.map((t) => t.configurationUrl),
      ...manifest.staticTabs.flatMap((t) => [t.contentUrl, t.websiteUrl].filter((u): u is string => u !== undefined)),
    ];
    expect(declared).toEqual([`${TAB_BASE}/tab/config`, `${TAB_BASE}/tab/dashboard`, `${TAB_BASE}/tab/dashboard`]);
    expect([...urlsUnderTabBase(manifest)].sort()).toEqual([...new Set(declared)].sort());
  });

  it('each answer 200 with the built page from the local product', async () => {
    for (const url of urlsUnderTabBase(manifest)) {
      const res = await fetch(local(url));
      expect({ url, status: res.status, type: res.headers.get('content-type') }).toEqual({ url, status: 200, type: 'text/html; charset=utf-8' });
      // The built page's own script, not an error page.
      expect(await res.text()).toMatch(/<script type="module" src="\/tab\/assets\/[^"]+\.js"><\/script>/);
    }
    // The mapping is real: an address the product has no page for is refused.
    expect((await fetch(local(`${TAB_BASE}/tab/no-such-page`))).status).toBe(404);
  });

  it('with removal on, the calling webhook for the Azure Bot answers as Graph expects (202)', async () => {
    expect(webhookUrl).toBe(`${TAB_BASE}/api/calls`);
    const res = await fetch(local(webhookUrl!), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"value":[]}' });
    expect(res.status).toBe(202);
  });
});
