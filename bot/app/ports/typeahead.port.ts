// The contract between the Teams adapter and app code for typeahead pickers on cards: an
// Input.ChoiceSet whose `choices.data` is a Data.Query names a dataset; Teams sends what the
// person typed as an `application/search` invoke, and the dataset's handler answers the choices.
// Handlers throw coded errors; the adapter turns a code into Teams' error answer.
import type { ChatActor } from '../chat/chat-turn';

export interface TypeaheadQuery {
  /** The Data.Query's `dataset`. */
  dataset: string;
  /** What the person has typed so far. */
  text: string;
  /** queryOptions.top / skip, when Teams sends them. */
  top?: number;
  skip?: number;
  actor: ChatActor;
}

export interface TypeaheadChoice {
  title: string;
  value: string;
}

export type TypeaheadDatasets = Readonly<Record<string, (query: TypeaheadQuery) => Promise<TypeaheadChoice[]>>>;
