// The product's typeahead datasets (Data.Query `dataset` on a card's Input.ChoiceSet). Add a
// dataset here; the Teams adapter answers any other name with CARD.UNKNOWN_DATASET.
import { PEOPLE_DATASET } from '../../cards/people-picker';
import type { AppDeps } from '../app-deps';
import { peopleTypeahead } from '../people/search-people';
import type { TypeaheadDatasets } from '../ports/typeahead.port';

export function productTypeahead(app: AppDeps): TypeaheadDatasets {
  return {
    [PEOPLE_DATASET]: (q) => peopleTypeahead(app, q.actor.aadObjectId, q.text, q.top),
  };
}
