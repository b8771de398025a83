// The people picker element: dynamic typeahead on the dataset the bot serves, static choices kept
// for clients without application/search, and the chosen value kept on re-render.
import { productTypeahead } from '../../bot/app/chat/product-typeahead';
import type { AppDeps } from '../../bot/app/app-deps';
import { PEOPLE_DATASET, peoplePicker } from '../../bot/cards/people-picker';

test('an Input.ChoiceSet with Data.Query on the "people" dataset, which the bot serves', () => {
  const el = peoplePicker({ id: 'chairId', label: 'Chair', value: '5eed0000-0000-4000-8000-000000000001', choices: [{ title: 'A Person', value: '5eed0000-0000-4000-8000-000000000001' }], isRequired: true });
  expect(el).toEqual({
    type: 'Input.ChoiceSet',
    id: 'chairId',
    label: 'Chair',
    style: 'filtered',
    placeholder: 'Type 2 or more letters of a name',
    choices: [{ title: 'A Person', value: '5eed0000-0000-4000-8000-000000000001' }],
    'choices.data': { type: 'Data.Query', dataset: 'people' },
    value: '5eed0000-0000-4000-8000-000000000001',
    isRequired: true,
    errorMessage: 'Choose the chair',
  });
  expect(Object.keys(productTypeahead({} as AppDeps))).toEqual([PEOPLE_DATASET]);
});
