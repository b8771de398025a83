// Reads the few Bicep constructs infra/ uses, from the text: there is no Bicep compiler on this
// machine (docs/azure.md), so the settings test and the structural checks read the files
// themselves. Deliberately narrow: a construct it does not know is an error, not a guess.
import { readFileSync } from 'node:fs';

export interface BicepParam {
  name: string;
  type: string;
  secure: boolean;
  /** The default's expression, or null when the parameter is required. */
  defaultExpr: string | null;
}

export interface ObjectEntry {
  key: string;
  expr: string;
}

export interface ModuleCall {
  symbol: string;
  path: string;
  params: ObjectEntry[];
}

export const readText = (path: string): string => readFileSync(path, 'utf8');

/** The text without `//` comments (outside string literals) and without blank lines' noise. */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === "'") inString = !inString;
        if (!inString && c === '/' && line[i + 1] === '/') return line.slice(0, i).trimEnd();
      }
      return line;
    })
    .join('\n');
}

export function params(text: string): BicepParam[] {
  const out: BicepParam[] = [];
  let secure = false;
  for (const raw of stripComments(text).split('\n')) {
    const line = raw.trim();
    if (line === '@secure()') secure = true;
    const m = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line);
    if (m) {
      out.push({ name: m[1]!, type: m[2]!, secure, defaultExpr: m[3] ?? null });
      secure = false;
    } else if (line !== '' && !line.startsWith('@')) {
      secure = false;
    }
  }
  return out;
}

export const outputs = (text: string): string[] => [...stripComments(text).matchAll(/^output (\w+) /gm)].map((m) => m[1]!);

/** The lines of the `{ … }` block opening at `start` (the index of its `{`), braces counted outside strings. */
function block(text: string, start: number): string {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") inString = !inString;
    if (inString) continue;
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) return text.slice(start + 1, i);
  }
  throw new Error('unclosed block');
}

/** `key: expr` lines at the top level of a block (nested blocks are skipped whole). */
function entries(body: string): ObjectEntry[] {
  const out: ObjectEntry[] = [];
  let depth = 0;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (depth === 0) {
      const m = /^'?([\w-]+)'?: (.+)$/.exec(line);
      if (!m) throw new Error(`not a "key: value" line: ${line}`);
      out.push({ key: m[1]!, expr: m[2]! });
    }
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return out;
}

export function objectVar(text: string, name: string): ObjectEntry[] {
  const clean = stripComments(text);
  const m = new RegExp(`^var ${name} = \\{$`, 'm').exec(clean);
  if (!m) throw new Error(`no object variable ${name}`);
  return entries(block(clean, m.index + m[0].length - 1));
}

/** The entries of `output <name> object = { … }`. */
export function objectOutput(text: string, name: string): ObjectEntry[] {
  const clean = stripComments(text);
  const m = new RegExp(`^output ${name} object = \\{$`, 'm').exec(clean);
  if (!m) throw new Error(`no object output ${name}`);
  return entries(block(clean, m.index + m[0].length - 1));
}

export function moduleCalls(text: string): ModuleCall[] {
  const clean = stripComments(text);
  return [...clean.matchAll(/^module (\w+) '([^']+)' = \{$/gm)].map((m) => {
    const body = block(clean, m.index + m[0].length - 1);
    const p = /^ {2}params: \{$/m.exec(body);
    if (!p) throw new Error(`module ${m[1]} has no params block`);
    return { symbol: m[1]!, path: m[2]!, params: entries(block(body, p.index + p[0].length - 1)) };
  });
}

/** `resource <symbol> '<type>@<api>' = {` with the `name:` of its body. */
export function resources(text: string): { symbol: string; type: string; name: string | null }[] {
  const clean = stripComments(text);
  return [...clean.matchAll(/^resource (\w+) '([^'@]+)@[^']+'(?: existing)? = \{$/gm)].map((m) => {
    const body = block(clean, m.index + m[0].length - 1);
    return { symbol: m[1]!, type: m[2]!, name: /^ {2}name: (.+)$/m.exec(body)?.[1] ?? null };
  });
}

/** A .bicepparam file: its `using` target and `param name = expr` lines. */
export function bicepparam(text: string): { using: string; values: ObjectEntry[] } {
  const clean = stripComments(text);
  const using = /^using '([^']+)'$/m.exec(clean)?.[1];
  if (!using) throw new Error('no using line');
  const values = [...clean.matchAll(/^param (\w+) = (.+)$/gm)].map((m) => ({ key: m[1]!, expr: m[2]! }));
  return { using, values };
}

/** `readEnvironmentVariable('NAME')` or `readEnvironmentVariable('NAME', 'default')`. */
export function environmentRead(expr: string): { variable: string; fallback: string | null } | null {
  const m = /^readEnvironmentVariable\('(\w+)'(?:, '([^']*)')?\)$/.exec(expr);
  return m ? { variable: m[1]!, fallback: m[2] ?? null } : null;
}

/** A string literal with `${identifier}` interpolations, a bare identifier, true/false or a number. */
export function evaluate(expr: string, lookup: (identifier: string) => string): string {
  if (/^'[^']*'$/.test(expr)) return expr.slice(1, -1).replace(/\$\{(\w+)\}/g, (_, id: string) => lookup(id));
  if (/^\w+$/.test(expr)) return /^(true|false|\d+)$/.test(expr) ? expr : lookup(expr);
  throw new Error(`cannot evaluate ${expr}`);
}
