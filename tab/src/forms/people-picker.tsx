// A people picker against the council directory (GET /api/v1/people?q=): type two letters of a
// name or e-mail address, choose with the arrow keys and Enter (or the mouse). Only tenant staff
// and professionals are found; family members are never looked up (they are typed by hand).
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { PeopleAnswer } from '../shell/api-types';
import { AGENCY_LABEL } from './form-labels';
import { problemText } from './api-problems';
import type { PickedPerson } from './picked-person';

export type Person = PeopleAnswer['people'][number];
export type { PickedPerson };

const personLabel = (p: Person) => `${p.displayName} (${p.jobTitle ?? (p.agency ? AGENCY_LABEL[p.agency] : null) ?? p.email})`;

export function PeoplePicker(props: {
  api: ApiClient;
  label: string;
  value: PickedPerson | null;
  onChange(person: (PickedPerson & { person?: Person }) | null): void;
  /** Only people with these product roles are offered (the server checks again). */
  roles?: readonly string[];
  hint?: string;
  required?: boolean;
  validationMessage?: string;
  testId?: string;
}) {
  const [text, setText] = useState(props.value?.displayName ?? '');
  const [found, setFound] = useState<Person[]>([]);
  const [status, setStatus] = useState('');
  const aborter = useRef<AbortController | null>(null);
  // By value: callers pass a new array literal on every render.
  const rolesKey = props.roles?.join(',') ?? '';

  // A value set from outside (a reload, an entry to change) shows as its name; a value cleared
  // from outside clears the name it showed, but never what the person is typing.
  const textRef = useRef(text);
  textRef.current = text;
  const shownName = useRef(props.value?.displayName ?? '');
  const valueName = props.value?.displayName ?? '';
  useEffect(() => {
    if (valueName) setText(valueName);
    else if (textRef.current === shownName.current) setText('');
    shownName.current = valueName;
  }, [valueName]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || q === props.value?.displayName) {
      setFound([]);
      setStatus(q.length === 1 ? 'Type at least 2 letters.' : '');
      return;
    }
    const timer = setTimeout(() => {
      aborter.current?.abort();
      const controller = new AbortController();
      aborter.current = controller;
      setStatus('Searching the directory…');
      props.api
        .get<PeopleAnswer>(`/people?q=${encodeURIComponent(q)}&top=15`, { signal: controller.signal })
        .then((answer) => {
          const roles = rolesKey ? rolesKey.split(',') : null;
          const people = roles ? answer.people.filter((p) => roles.includes(p.role)) : answer.people;
          setFound(people);
          setStatus(people.length === 0 ? 'Nobody found. Check the spelling, or type more of the name.' : `${people.length} found: use the arrow keys to choose.`);
        })
        .catch((err: Error) => {
          if (err.name !== 'AbortError') setStatus(problemText(err));
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, props.api, rolesKey, props.value?.displayName]);

  return (
    <Field
      label={props.label}
      required={props.required}
      hint={status || props.hint}
      validationMessage={props.validationMessage || undefined}
      validationState={props.validationMessage ? 'error' : 'none'}
    >
      <Combobox
        freeform
        data-testid={props.testId}
        value={text}
        selectedOptions={props.value ? [props.value.id] : []}
        placeholder="Type 2 letters of a name or e-mail"
        onChange={(e) => {
          setText(e.target.value);
          if (props.value && e.target.value !== props.value.displayName) props.onChange(null);
        }}
        onOptionSelect={(_, data) => {
          const person = found.find((p) => p.id === data.optionValue);
          if (!person) return;
          setText(person.displayName);
          setFound([]);
          setStatus('');
          props.onChange({ id: person.id, displayName: person.displayName, email: person.email, agency: person.agency, person });
        }}
      >
        {found.map((p) => (
          <Option key={p.id} value={p.id} text={p.displayName}>
            {personLabel(p)}
          </Option>
        ))}
        {props.value && !found.some((p) => p.id === props.value?.id) ? (
          <Option key={props.value.id} value={props.value.id} text={props.value.displayName}>
            {props.value.displayName}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
