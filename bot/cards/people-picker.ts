// A people picker for cards: an Input.ChoiceSet with dynamic typeahead (choices.data is a
// Data.Query on the "people" dataset, answered by the bot's application/search handler) and the
// static choices given. Teams sends the typed text to the bot and shows what it answers; a client
// that does not send application/search (the Agents Playground 0.2.x) shows the static choices
// only, so a card should pass the people it already knows (the current chair, the seeded staff).
// The submitted value is the chosen person's Entra object id.

/** The Data.Query dataset the bot answers with the directory (bot/app/chat/product-typeahead.ts). */
export const PEOPLE_DATASET = 'people';

export interface PeoplePickerOptions {
  id: string;
  label: string;
  /** The chosen person's object id (kept when the card is re-rendered). */
  value?: string;
  /** Offered before anything is typed, and the only choices where typeahead is not available. */
  choices?: readonly { title: string; value: string }[];
  isRequired?: boolean;
  errorMessage?: string;
  placeholder?: string;
}

export function peoplePicker(o: PeoplePickerOptions): Record<string, unknown> {
  return {
    type: 'Input.ChoiceSet',
    id: o.id,
    label: o.label,
    style: 'filtered',
    placeholder: o.placeholder ?? 'Type 2 or more letters of a name',
    choices: (o.choices ?? []).map((c) => ({ title: c.title, value: c.value })),
    'choices.data': { type: 'Data.Query', dataset: PEOPLE_DATASET },
    ...(o.value !== undefined ? { value: o.value } : {}),
    ...(o.isRequired ? { isRequired: true, errorMessage: o.errorMessage ?? `Choose the ${o.label.toLowerCase()}` } : {}),
  };
}
