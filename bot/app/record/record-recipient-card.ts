// A professional's record card: the facts of their own copy that name nobody (case reference,
// meeting, date, outcome, category, the next dates, the T12 date) and the signed link to the PDF.
import type { Conference, Invitee } from '../../domain/conference/conference';
import type { RecordDocument } from '../../domain/record/record-content';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { render } from '../../cards/record/record.view-model';
import type { AppDeps } from '../app-deps';
import { recordDownloadLink } from './record-link';

/** Facts whose values never hold a person's name (the lead social worker and core group are in the PDF). */
const CARD_FACTS = new Set(['Case reference', 'Meeting', 'Date', 'Record due by (T12)', 'Outcome', 'Category', 'Review outcome', 'First core group', 'Review conference']);

export function recipientCard(deps: Pick<AppDeps, 'links' | 'publicBaseUrl' | 'clock'>, c: Conference, invitee: Invitee, doc: RecordDocument): AdaptiveCardJson {
  const facts = doc.sections.flatMap((s) => s.facts).filter((f) => CARD_FACTS.has(f.label)).map((f) => ({ title: f.label, value: f.value }));
  return render({
    title: 'Decision and recommendations',
    facts,
    notes: doc.withheldNote ? [{ text: doc.withheldNote }] : [],
    footer: 'The full record is in the PDF. The link works for 28 days and opens your own copy only.',
    downloadTitle: 'Download the record (PDF)',
    downloadUrl: recordDownloadLink(deps, c.id, invitee.id, deps.clock.now()),
  });
}
