// A recipient's record card in their 1:1 chat: a few facts of their own copy and the signed link
// to download it. Case reference, dates and outcomes only: the view model has no field for a
// person's name (the names are in the PDF behind the link). It only informs: no verbs.
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCardJson } from '../adaptive-card';
import template from './record.template.json';

export interface RecordCardViewModel {
  title: string;
  facts: { title: string; value: string }[];
  /** The copy's note when it leaves parts out (zero or one entry). */
  notes: { text: string }[];
  footer: string;
  downloadTitle: string;
  downloadUrl: string;
}

const recordTemplate = new ACData.Template(template);

export function render(viewModel: RecordCardViewModel): AdaptiveCardJson {
  return recordTemplate.expand({ $root: viewModel }) as AdaptiveCardJson;
}
