// Every text a family member reads, taken from the code that produces it (never a copy of the
// words), must score at least 70 on the Flesch reading ease (issue 10, "Family-facing words"):
// their invitation, update and cancellation e-mails (subject and body) for every kind of
// conference and every option, the calendar entry, the record's e-mail line, the family's page in
// every state and the guide ("what happens now") at every stage. The scores are printed.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FAMILY_VIEW_STAGES } from '../../bot/app/api/family-view.schema';
import { buildFamilyMail, type FamilyMailInput, type FamilyMailKind, KIND_LABEL } from '../../bot/app/invitations/family-invitation-email';
import { decisionBaseCard } from '../../bot/app/decision/decision-card';
import { RECORD_EMAIL_INTRO } from '../../bot/app/record/record-html';
import { CONFERENCE_KINDS, type ConferenceKind } from '../../bot/domain/conference/conference-kind';
import { FAMILY_GUIDE_STAGES } from '../../tab/src/family/family-guide-words';
import { type FamilyPageState, REFUSALS } from '../../tab/src/family/family-page-words';
import { fleschReadingEase, htmlBlocks } from './support/flesch';

// The components themselves (the tab's .tsx, compiled by jest's tsx transform; the server's
// tsconfig has no JSX, so they are loaded untyped here with the props they declare).
const { FamilyGuide } = require('../../tab/src/family/family-guide') as { FamilyGuide: (props: { stage?: string; joinAt?: string }) => ReactElement };
const { FamilyPageView } = require('../../tab/src/family/family-page-view') as { FamilyPageView: (props: { state: FamilyPageState }) => ReactElement };

const MINIMUM = 70;

const scores: { text: string; score: number; words: number }[] = [];
afterAll(() => {
  console.log(`Flesch reading ease of the family texts (minimum ${MINIMUM}):\n${scores.map((s) => `  ${s.score.toFixed(1).padStart(5)}  ${s.text} (${s.words} words)`).join('\n')}`);
});

function expectPlain(name: string, blocks: string[]) {
  const r = fleschReadingEase(blocks);
  scores.push({ text: name, score: r.score, words: r.words });
  if (r.score < MINIMUM) throw new Error(`${name}: Flesch reading ease ${r.score} < ${MINIMUM}\n${blocks.join('\n')}`);
}

const render = (element: ReactElement) => htmlBlocks(renderToStaticMarkup(createElement(FluentProvider, { theme: webLightTheme }, element)));

/** The calendar entry as a calendar shows it: SUMMARY and DESCRIPTION, unfolded and unescaped. */
function icsText(ics: string): string[] {
  const unfolded = ics.replace(/\r\n /g, '');
  const field = (name: string) => (new RegExp(`^${name}:(.*)$`, 'm').exec(unfolded)?.[1] ?? '').replace(/\r$/, '');
  const unescapeText = (v: string) => v.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
  return [unescapeText(field('SUMMARY')), ...unescapeText(field('DESCRIPTION')).split('\n')];
}

// Invented people and references only.
const base: Omit<FamilyMailInput, 'kind' | 'conferenceKind'> = {
  inviteeId: 'inv-1',
  to: { address: 'robin.testperson@family.example', name: 'Robin Testperson' },
  caseReference: 'CP-2026-0042',
  joinAt: '2026-12-10T11:00',
  end: '2026-12-10T12:30',
  joinsAfterConfidentialSection: false,
  joinUrl: 'https://teams.example/l/meetup-join/abc',
  uid: 'u@x',
  sequence: 1,
  stamp: '2026-11-23T10:00:00Z',
  sender: { email: 'team@council.example', name: 'Conference team' },
};

const KINDS: FamilyMailKind[] = ['invitation', 'update', 'cancellation'];
const OPTIONS: { name: string; extra: Partial<FamilyMailInput> }[] = [
  { name: 'plain', extra: {} },
  { name: 'after the confidential section, with their link', extra: { joinsAfterConfidentialSection: true, familyLink: 'https://cpc.example/tab/family?t=abc.def' } },
  { name: 'with an interpreter', extra: { interpreter: { language: 'Polish', arrangement: 'the interpreter joins by phone' } } },
  {
    name: 'every option',
    extra: { joinsAfterConfidentialSection: true, familyLink: 'https://cpc.example/tab/family?t=abc.def', interpreter: { language: 'Polish', arrangement: 'the interpreter joins by phone' } },
  },
];

const mailCases = KINDS.flatMap((kind) => (CONFERENCE_KINDS as readonly ConferenceKind[]).flatMap((conferenceKind) => OPTIONS.map((o) => ({ kind, conferenceKind, option: o }))));

describe('the family e-mails (subject and body)', () => {
  it.each(mailCases.map((c) => [`${c.kind} ${c.conferenceKind} ${c.option.name}`, c] as const))('%s', (name, c) => {
    const mail = buildFamilyMail({ ...base, kind: c.kind, conferenceKind: c.conferenceKind, ...c.option.extra });
    expectPlain(`e-mail ${name}`, [mail.subject, ...htmlBlocks(mail.html)]);
  });

  it('every kind of conference is covered (a new kind joins the table)', () => {
    expect(new Set(mailCases.map((c) => c.conferenceKind))).toEqual(new Set(Object.keys(KIND_LABEL)));
  });
});

describe('the calendar entry (.ics summary and description)', () => {
  it.each(KINDS.flatMap((kind) => (CONFERENCE_KINDS as readonly ConferenceKind[]).map((k) => [`${kind} ${k}`, kind, k] as const)))('%s', (name, kind, conferenceKind) => {
    const mail = buildFamilyMail({ ...base, kind, conferenceKind });
    expectPlain(`calendar ${name}`, icsText(mail.attachments[0]!.content));
  });
});

/** Every TextBlock's text and every action's title of an Adaptive Card, in order. */
function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const own = n.type === 'TextBlock' && typeof n.text === 'string' ? [n.text] : typeof n.title === 'string' && String(n.type).startsWith('Action.') ? [n.title] : [];
  const children = Object.entries(n).filter(([k]) => k !== 'refresh' && k !== 'fallback').flatMap(([, v]) => cardTexts(v));
  return [...own, ...children];
}

describe('the cards everyone in the meeting chat sees (the family too)', () => {
  it("the decision's base card", () => {
    const texts = cardTexts(decisionBaseCard('conf-1', '5eed0000-0000-4000-8000-000000000001', 'action-1'));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expectPlain('decision base card (meeting chat)', texts);
  });
});

describe("the record's e-mail", () => {
  it('the line above the copy', () => expectPlain('record e-mail line', [RECORD_EMAIL_INTRO]));
});

describe('the guide, "what happens now"', () => {
  it('covers every stage the family page can be told', () => {
    expect([...FAMILY_GUIDE_STAGES]).toEqual([...FAMILY_VIEW_STAGES]);
  });
  it.each([undefined, ...FAMILY_GUIDE_STAGES].flatMap((stage) => [[stage ?? 'general', stage, '2026-12-10T11:00'] as const, [`${stage ?? 'general'} (no time)`, stage, undefined] as const]))(
    '%s',
    (name, stage, joinAt) => {
      const blocks = render(createElement(FamilyGuide, { ...(stage ? { stage } : {}), ...(joinAt ? { joinAt } : {}) }));
      expectPlain(`guide ${name}`, blocks);
    },
  );
});

describe("the family's page", () => {
  const states: [string, FamilyPageState][] = [
    ['loading', { kind: 'loading' }],
    ['no link', { kind: 'no-link' }],
    ...Object.keys(REFUSALS).map((code): [string, FamilyPageState] => [`refused ${code}`, { kind: 'refused', code }]),
    ...FAMILY_VIEW_STAGES.map((stage): [string, FamilyPageState] => [`at ${stage}`, { kind: 'ready', view: { stage, joinAt: '2026-12-10T11:00', conferenceDate: '2026-12-10' } }]),
  ];
  it.each(states)('%s', (name, state) => {
    expectPlain(`page ${name}`, render(createElement(FamilyPageView, { state })));
  });
});
