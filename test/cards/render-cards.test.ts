// Renders every card template under bot/cards/<name>/ from its sample view model and checks what
// Teams will receive: nothing of the template left, view-model text kept as data (never template
// source), and every Action.Execute verb declared in the verb table with data its schema accepts,
// a fresh actionId and an Action.Submit fallback that carries the same verb and actionId.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_VERBS, isVerb } from '../../bot/cards/card-verbs';
import { CARD_SAMPLES, type RenderFn } from './card-samples';

const CARDS_DIR = join(__dirname, '../../bot/cards');
const cardNames = readdirSync(CARDS_DIR).filter((n) => statSync(join(CARDS_DIR, n)).isDirectory());

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function renderOf(name: string): RenderFn {
  const module = require(join(CARDS_DIR, name, `${name}.view-model`)) as { render?: RenderFn };
  if (typeof module.render !== 'function') throw new Error(`bot/cards/${name}/${name}.view-model.ts exports no render(vm)`);
  return module.render;
}

/** Every object in the card with type Action.Execute, wherever it sits (actions, ActionSet, selectAction, refresh). */
function executeActions(node: Json, out: Record<string, Json>[] = []): Record<string, Json>[] {
  if (Array.isArray(node)) for (const n of node) executeActions(n, out);
  else if (node && typeof node === 'object') {
    if (node.type === 'Action.Execute') out.push(node);
    for (const [k, v] of Object.entries(node)) if (k !== 'fallback') executeActions(v, out);
  }
  return out;
}

/** The view model with every string replaced by hostile text, except verbs and action ids. */
function hostile(value: unknown, key = '', counter = { n: 0 }): unknown {
  if (typeof value === 'string') {
    if (/Verb$/.test(key) || key === 'actionId') return value;
    counter.n += 1;
    return `INJ${counter.n} \${$root.title} \${footer} {{DATE(2026-01-01T00:00:00Z, SHORT)}} "quoted" </script>`;
  }
  if (Array.isArray(value)) return value.map((v) => hostile(v, key, counter));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v, k, counter)]));
  return value;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

it('finds the card folders', () => {
  expect(cardNames).toContain('help');
});

describe.each(cardNames)('card %s', (name) => {
  const sample = CARD_SAMPLES[name];
  const templatePath = join(CARDS_DIR, name, `${name}.template.json`);

  it('has a template, a view-model module with render(vm), and a sample in test/cards/card-samples.ts', () => {
    expect(statSync(templatePath).isFile()).toBe(true);
    expect(typeof renderOf(name)).toBe('function');
    expect(sample).toBeDefined();
  });

  it('takes its verbs from the view model (no verb written into the template)', () => {
    const template = JSON.parse(readFileSync(templatePath, 'utf8')) as Json;
    const verbs = [...JSON.stringify(template).matchAll(/"verb":"([^"]*)"/g)].map((m) => m[1]!);
    // A card that only informs (a reminder) has no buttons at all.
    if (sample?.informational) return void expect(verbs).toEqual([]);
    expect(verbs.length).toBeGreaterThan(0);
    for (const verb of verbs) expect(verb).toMatch(/^\$\{[A-Za-z]+Verb\}$/);
  });

  it('renders an Adaptive Card 1.5 with nothing of the template left', () => {
    const card = renderOf(name)(sample!.viewModel as never);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('every Action.Execute has a declared verb, data its schema accepts, an actionId and a matching Action.Submit fallback', () => {
    const card = renderOf(name)(sample!.viewModel as never) as unknown as Json;
    const actions = executeActions(card);
    if (sample?.informational) return void expect(actions).toEqual([]);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      const verb = String(action.verb);
      expect([verb, isVerb(verb)]).toEqual([verb, true]);
      const data = action.data as Record<string, Json>;
      expect(typeof data.actionId).toBe('string');
      expect(String(data.actionId).length).toBeGreaterThan(0);
      expect(CARD_VERBS[verb as keyof typeof CARD_VERBS].data.safeParse(data).success).toBe(true);
      expect(action.fallback).toMatchObject({ type: 'Action.Submit', data: { ...data, verb } });
    }
  });

  it('shows view-model text as written: template expressions and {{…}} in it stay data', () => {
    const viewModel = hostile(sample!.viewModel);
    const rendered = JSON.stringify(renderOf(name)(viewModel as never));
    const injected = strings(viewModel).filter((s) => s.startsWith('INJ'));
    expect(injected.length).toBeGreaterThan(0);
    // Each one appears whole, exactly as given (JSON-escaped inside the rendered card).
    for (const text of injected) expect([text, rendered.includes(JSON.stringify(text).slice(1, -1))]).toEqual([text, true]);
  });
});
