// The record's copy as HTML for the e-mail body: every value escaped (names, free text, agency
// names all come from people), no links, no styles that load anything.
import type { RecordDocument } from '../../domain/record/record-content';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The e-mail's first line above the copy (family members read it: plain words, measured). */
export const RECORD_EMAIL_INTRO = 'This is the record of the conference: what it decided and what it recommends. You can read it below and in the PDF file with this e-mail. This copy is just for you.';

export function recordHtml(doc: RecordDocument, intro?: string): string {
  const out: string[] = [];
  if (intro) out.push(`<p>${escapeHtml(intro)}</p>`);
  out.push(`<h1>${escapeHtml(doc.title)}</h1>`);
  if (doc.withheldNote) out.push(`<p><em>${escapeHtml(doc.withheldNote)}</em></p>`);
  for (const s of doc.sections) {
    out.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    if (s.facts.length > 0) {
      out.push('<table>');
      for (const f of s.facts) out.push(`<tr><th scope="row" align="left">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`);
      out.push('</table>');
    }
    for (const p of s.paragraphs) out.push(`<p>${escapeHtml(p)}</p>`);
  }
  return out.join('\n');
}
