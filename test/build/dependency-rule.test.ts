// scripts/check-dependency-rule.ts on small repositories of its own: bot/ importing scripts/ or
// test/, reading process.env outside bot/config, or importing a local tool's package is a breach.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const RULE = join(ROOT, 'scripts/check-dependency-rule.ts');

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cpc-rule-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string): { status: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', RULE, root], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, lines: `${r.stdout}${r.stderr}`.split('\n').filter(Boolean) };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

it('passes on this repository', () => {
  expect(check(ROOT)).toEqual({ status: 0, lines: ['dependency rule: ok'] });
}, 30_000);

it('passes on a clean product, with process.env read in bot/config only', () => {
  const root = repo({
    'bot/config/load.ts': 'export const port = process.env.PORT;\n',
    'bot/main.ts': "import { port } from './config/load';\nexport default port;\n",
    'scripts/local/start.ts': "import '../../bot/main';\nconsole.log(process.env.HOME);\n",
  });
  roots.push(root);
  expect(check(root)).toEqual({ status: 0, lines: ['dependency rule: ok'] });
}, 30_000);

it('names each breach: bot importing scripts/ or test/, process.env outside bot/config, a tool package', () => {
  const root = repo({
    'bot/adapters/local/start-local-extras.ts': "import { startGraphSandbox } from '../../../scripts/graph-sandbox/start-graph-sandbox';\nexport { startGraphSandbox };\n",
    'bot/adapters/http/fixture.ts': "const f = require('../../../test/http/support/activities');\nexport default f;\n",
    'bot/adapters/store/open.ts': 'export const path = process.env.PATH;\n',
    'bot/adapters/logging/pretty.ts': "import pretty from 'pino-pretty';\nexport default pretty;\n",
  });
  roots.push(root);
  const { status, lines } = check(root);
  expect(status).toBe(1);
  expect(lines).toEqual(
    expect.arrayContaining([
      'dependency rule: bot/adapters/local/start-local-extras.ts: imports ../../../scripts/graph-sandbox/start-graph-sandbox (bot/ never imports scripts/)',
      'dependency rule: bot/adapters/http/fixture.ts: imports ../../../test/http/support/activities (bot/ never imports test/)',
      "dependency rule: bot/adapters/store/open.ts: 'process.env' — only bot/config reads the environment",
      "dependency rule: bot/adapters/logging/pretty.ts: imports 'pino-pretty', a package of the local tools (scripts/local)",
    ]),
  );
  expect(lines).toHaveLength(4);
}, 30_000);

it('lets the tab import itself, React, Fluent UI, TeamsJS and the API schemas as types', () => {
  const root = repo({
    'bot/main.ts': 'export default 1;\n',
    'tab/src/shell/api-types.ts':
      "import type { z } from 'zod';\nimport type {\n  meetingViewSchema,\n} from '../../../bot/app/api/meeting.schema';\nexport type MeetingView = z.output<typeof meetingViewSchema>;\n",
    'tab/src/pages/p/p.page.tsx':
      "import { Button } from '@fluentui/react-components';\nimport { app } from '@microsoft/teams-js';\nimport { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport type { MeetingView } from '../../shell/api-types';\nexport { Button, app, useState, createRoot };\nexport type { MeetingView };\n",
  });
  roots.push(root);
  expect(check(root)).toEqual({ status: 0, lines: ['dependency rule: ok'] });
}, 30_000);

it('names each breach in the tab: domain or app code, a schema imported as a value, zod at run time, another package, the environment', () => {
  const root = repo({
    'bot/main.ts': 'export default 1;\n',
    'tab/src/a.ts': "import { decide } from '../../bot/domain/access/access-decision';\nexport { decide };\n",
    'tab/src/b.ts': "import { meetingViewSchema } from '../../bot/app/api/meeting.schema';\nexport { meetingViewSchema };\n",
    'tab/src/c.ts': "import { type meetingViewSchema } from '../../bot/app/api/meeting.schema';\nexport type M = typeof meetingViewSchema;\n",
    'tab/src/d.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
    'tab/src/e.tsx': "import dayjs from 'dayjs';\nexport const mode = process.env.NODE_ENV;\nexport default dayjs;\n",
    'tab/src/f.ts': "import type { Config } from '../../bot/config/load-config';\nexport type C = Config;\n",
  });
  roots.push(root);
  const { status, lines } = check(root);
  expect(status).toBe(1);
  expect(lines.sort()).toEqual(
    [
      'dependency rule: tab/src/a.ts: imports ../../bot/domain/access/access-decision (the tab imports only tab/ and, as types, bot/app/api/*.schema.ts)',
      'dependency rule: tab/src/b.ts: imports ../../bot/app/api/meeting.schema without `import type` (the tab takes only the API schemas\' types)',
      'dependency rule: tab/src/c.ts: imports ../../bot/app/api/meeting.schema without `import type` (the tab takes only the API schemas\' types)',
      "dependency rule: tab/src/d.ts: imports package 'zod' (the tab may import react, react-dom, @fluentui/*, @microsoft/teams-js)",
      "dependency rule: tab/src/e.tsx: 'process.env' — the tab runs in the browser; settings come from the API",
      "dependency rule: tab/src/e.tsx: imports package 'dayjs' (the tab may import react, react-dom, @fluentui/*, @microsoft/teams-js)",
      'dependency rule: tab/src/f.ts: imports ../../bot/config/load-config (the tab imports only tab/ and, as types, bot/app/api/*.schema.ts)',
    ].sort(),
  );
}, 30_000);
