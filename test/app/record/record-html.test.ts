// The record's HTML for the e-mail body escapes everything people typed (names, agencies, dissent).
import { recordHtml } from '../../../bot/app/record/record-html';
import { buildRecord } from '../../../bot/domain/record/record-content';
import { partWindows } from '../../../bot/domain/record/record-parts';
import { conference, decision, live } from '../../domain/record/record-fixtures';

it('escapes names, free text and the intro; keeps only its own tags', () => {
  const hostile = '<script>alert("x")</script> & \'quoted\'';
  const c = { ...conference, invitees: conference.invitees.map((i) => (i.id === 'inv-police' ? { ...i, displayName: hostile } : i)) };
  const d = { ...decision, dissent: [{ agency: 'health', reason: hostile }], chairConcerns: '<img src=x onerror=alert(1)>' };
  const html = recordHtml(buildRecord({ conference: c, live, decision: d, windows: partWindows(c, live), deadline: '2027-03-02' }, 'professional', []), `Intro ${hostile}`);
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('<img');
  expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;quoted&#39;');
  expect([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]).every((t) => ['p', 'h1', 'h2', 'table', 'tr', 'th', 'td', 'em'].includes(t!))).toBe(true);
});
