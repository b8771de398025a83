// The layer rule of ARCHITECTURE.md, checked in CI: dependencies point inward only, each
// outside world is reached from exactly one adapter folder, the product (bot/) never imports its
// tools (scripts/) or tests (test/), and only bot/config reads the environment. The tab (tab/,
// browser code) imports only itself, React, Fluent UI and TeamsJS — and from the server nothing
// but the API's schemas, as types (`import type` from bot/app/api/*.schema.ts, erased by the
// build: no domain code and no zod reach the browser). Exit 1 with one line per breach. An argument names another repository root (the rule's own test uses one).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? resolve(__dirname, '..'));

interface Rule {
  /** Folder (relative to the repo root, '/'-separated) whose files the rule binds. */
  scope: string;
  /** Relative imports must resolve inside one of these folders. */
  localWithin?: string[];
  /** Bare module specifiers allowed (exact name or prefix ending in '/'). */
  packages?: string[];
  /** Source text that must not appear (the clock, the environment). */
  forbiddenText?: { pattern: RegExp; why: string }[];
}

const RULES: Rule[] = [
  {
    scope: 'bot/domain',
    localWithin: ['bot/domain'],
    packages: [],
    forbiddenText: [
      { pattern: /process\.(env|argv|exit|hrtime)/, why: 'the domain does not read the process' },
      { pattern: /Date\.now\s*\(|new Date\(\s*\)|performance\.now/, why: 'the domain does not read the clock' },
    ],
  },
  {
    scope: 'bot/app',
    localWithin: ['bot/domain', 'bot/app', 'bot/cards'],
    packages: ['zod', 'node:crypto'],
    forbiddenText: [{ pattern: /process\.env/, why: 'configuration reaches use cases as a typed object' }],
  },
  { scope: 'bot/cards', localWithin: ['bot/domain', 'bot/cards'], packages: ['adaptivecards-templating', 'zod'] },
];

/** Outside bot/ for good: the product never imports its tools or tests. */
const NOT_THE_PRODUCT = ['scripts', 'test'];
/** Packages of the local tools (the launcher's pretty logs, the Teams emulator): never in bot/. */
const TOOL_PACKAGES = ['pino-pretty', '@microsoft/m365agentsplayground'];
/** Configuration is read once, in bot/config; everything else gets the typed object. */
const ENV_READER = 'bot/config';

/** Packages that only one adapter folder may import (scripts/ and test/ may use them too). */
const OWNED: { prefix: string[]; owner: string }[] = [
  { prefix: ['botbuilder', 'botframework-', 'botbuilder-'], owner: 'bot/adapters/teams' },
  { prefix: ['@azure/msal-node', '@microsoft/microsoft-graph-client'], owner: 'bot/adapters/graph' },
  { prefix: ['pdf-lib'], owner: 'bot/adapters/documents' },
  { prefix: ['@azure/monitor-opentelemetry', '@opentelemetry/'], owner: 'bot/adapters/telemetry' },
];

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|js|cjs|mjs)$/.test(name)) out.push(full);
  }
  return out;
}

const posix = (p: string) => p.split(sep).join('/');
const within = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);

const breaches: string[] = [];
for (const abs of walk(join(root, 'bot'))) {
  const file = posix(relative(root, abs));
  const text = readFileSync(abs, 'utf8');
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const specifiers = [...code.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  const rule = RULES.find((r) => within(file, r.scope));

  if (!within(file, ENV_READER)) {
    const hit = code.match(/process\.env\b/);
    if (hit) breaches.push(`${file}: '${hit[0]}' — only ${ENV_READER} reads the environment`);
  }

  for (const spec of specifiers) {
    if (spec.startsWith('.')) {
      const target = posix(relative(root, resolve(dirname(abs), spec)));
      const tool = NOT_THE_PRODUCT.find((folder) => within(target, folder));
      if (tool) breaches.push(`${file}: imports ${spec} (bot/ never imports ${tool}/)`);
      if (rule?.localWithin && !rule.localWithin.some((f) => within(target, f))) {
        breaches.push(`${file}: imports ${spec} (outside ${rule.localWithin.join(', ')})`);
      }
      continue;
    }
    if (TOOL_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`))) {
      breaches.push(`${file}: imports '${spec}', a package of the local tools (scripts/local)`);
    }
    if (rule?.packages && !rule.packages.some((p) => spec === p || (p.endsWith('/') && spec.startsWith(p)))) {
      breaches.push(`${file}: imports package '${spec}' (${rule.scope} may import ${rule.packages.join(', ') || 'no package'})`);
    }
    for (const owned of OWNED) {
      if (owned.prefix.some((p) => spec === p || spec.startsWith(p)) && !within(file, owned.owner)) {
        breaches.push(`${file}: imports '${spec}', which only ${owned.owner} may import`);
      }
    }
  }
  for (const { pattern, why } of rule?.forbiddenText ?? []) {
    const hit = code.match(pattern);
    if (hit) breaches.push(`${file}: '${hit[0]}' — ${why}`);
  }
}

/** The tab: browser code, bundled by scripts/build-tab.ts. */
const TAB_PACKAGES = ['react', 'react/', 'react-dom', 'react-dom/', '@fluentui/', '@microsoft/teams-js'];
/** Packages the tab may name in `import type` only (the schemas' z.output types). */
const TAB_TYPE_ONLY_PACKAGES = ['zod'];
const API_SCHEMA = /^bot\/app\/api\/[^/]+\.schema(\.ts)?$/;
const TAB_IMPORT_RE = /(?:^|[;\n])\s*((?:import|export)\s(?:[^'"`;]*?\sfrom\s*)?)['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

let tabDir: string | null = join(root, 'tab');
try {
  if (!statSync(tabDir).isDirectory()) tabDir = null;
} catch {
  tabDir = null;
}
for (const abs of tabDir ? walk(tabDir) : []) {
  const file = posix(relative(root, abs));
  const code = readFileSync(abs, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const hit = code.match(/process\.env\b/);
  if (hit) breaches.push(`${file}: '${hit[0]}' — the tab runs in the browser; settings come from the API`);
  for (const m of code.matchAll(TAB_IMPORT_RE)) {
    const spec = m[2] ?? m[3] ?? m[4] ?? '';
    // `import type …` / `export type …` is erased by the build; `import { type X }` is not (it stays as an import).
    const typeOnly = m[1] !== undefined && /^(import|export)\s+type\s/.test(m[1]);
    if (spec.startsWith('.')) {
      const target = posix(relative(root, resolve(dirname(abs), spec)));
      if (within(target, 'tab')) continue;
      if (API_SCHEMA.test(target) && typeOnly) continue;
      breaches.push(
        API_SCHEMA.test(target)
          ? `${file}: imports ${spec} without \`import type\` (the tab takes only the API schemas' types)`
          : `${file}: imports ${spec} (the tab imports only tab/ and, as types, bot/app/api/*.schema.ts)`,
      );
      continue;
    }
    if (TAB_PACKAGES.some((p) => spec === p || (p.endsWith('/') && spec.startsWith(p)))) continue;
    if (TAB_TYPE_ONLY_PACKAGES.includes(spec) && typeOnly) continue;
    breaches.push(`${file}: imports package '${spec}' (the tab may import react, react-dom, @fluentui/*, @microsoft/teams-js)`);
  }
}

if (breaches.length > 0) {
  for (const b of breaches) console.error(`dependency rule: ${b}`);
  process.exit(1);
}
console.log('dependency rule: ok');
