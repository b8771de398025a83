// One field of the form with the server's word about it beside it: the problem of the saved
// draft (plain text: still needed — not an alert, so a screen reader is not interrupted at every
// keystroke) or, after a refused Record, the same problem as an error. The
// wrapper carries the field's id so the error summary can move focus to it.
import { Field, type FieldProps } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { controlId, type Problem } from './decision-state';

export interface Problems {
  byField: ReadonlyMap<string, Problem>;
  refused: boolean;
}

export function FieldSlot(props: { field: string; label: string; hint?: string; problems: Problems; children: ReactElement | Extract<FieldProps['children'], (...args: never[]) => unknown> }) {
  const problem = props.problems.byField.get(props.field);
  return (
    <div id={controlId(props.field)} data-field={props.field}>
      <Field
        label={props.label}
        {...(props.hint && { hint: props.hint })}
        {...(problem && { validationMessage: problem.message, validationState: props.problems.refused ? 'error' : 'none' })}
      >
        {props.children}
      </Field>
    </div>
  );
}
