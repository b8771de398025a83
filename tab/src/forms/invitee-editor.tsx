// Add or edit one invitee. Professionals are picked from the directory (name, e-mail and agency
// filled in) or typed; family members are typed by hand (never looked up), with their phone and,
// for split attendance, their own join time. Exclusions: windows of the conference someone must
// not hear, with the grounds. Each field shows the server's error beside it.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, Title3 } from '@fluentui/react-components';
import { forwardRef } from 'react';
import type { ApiClient } from '../shell/api-client';
import { AGE_BAND_LABEL, AGENCY_LABEL, FAMILY_ROLES, PROFESSIONAL_ROLES, ROLE_LABEL } from './form-labels';
import { errorFor, type InviteeValues, isFamilyRole, unplacedErrors } from './invitee-values';
import { PeoplePicker } from './people-picker';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '720px' },
  row: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'end' },
  group: { border: '1px solid', borderRadius: '4px', padding: '12px', display: 'flex', flexDirection: 'column', gap: '8px' },
});

export interface InviteeEditorProps {
  api: ApiClient;
  values: InviteeValues;
  onChange(values: InviteeValues): void;
  errors: Record<string, string>;
  /** Editing someone already on the list (their role and e-mail may be fixed once invited). */
  editing: { name: string } | null;
  /** Its heading's level (h2 on the dialog page, below the list's heading elsewhere). */
  headingLevel?: 2 | 3 | 4;
  saving: boolean;
  onSave(): void;
  onCancel(): void;
}

export const InviteeEditor = forwardRef<HTMLSelectElement, InviteeEditorProps>(function InviteeEditor(props, roleRef) {
  const styles = useStyles();
  const v = props.values;
  const set = (patch: Partial<InviteeValues>) => props.onChange({ ...v, ...patch });
  const fp = (field: string) => {
    const message = errorFor(props.errors, field);
    return { validationMessage: message || undefined, validationState: message ? ('error' as const) : ('none' as const) };
  };
  const family = isFamilyRole(v.role);
  const unplaced = unplacedErrors(props.errors);
  const exclusionError = (i: number, part: 'from' | 'to' | 'grounds') => props.errors[`exclusions.${i}.${part}`] || (part === 'from' ? props.errors[`exclusions.${i}`] || (i === 0 ? props.errors.exclusions : '') : '') || '';

  return (
    <form
      noValidate
      className={styles.form}
      data-testid="invitee-editor"
      aria-label={props.editing ? 'Change this invitee' : 'Add one person'}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <Title3 as={`h${props.headingLevel ?? 2}` as 'h2' | 'h3' | 'h4'}>{props.editing ? `Change: ${props.editing.name}` : 'Add one person'}</Title3>
      <Text as="p" block>Professionals: choose them from the directory, or type their details. Family members are typed by hand and are never looked up.</Text>
      {unplaced.length > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>{unplaced.join(' ')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label="Role" required {...fp('role')}>
        <Select ref={roleRef} data-testid="invitee-role" value={v.role} onChange={(_, d) => set({ role: d.value, ...(isFamilyRole(d.value) ? { directoryId: '', agency: '' } : {}) })}>
          <optgroup label="Professionals">
            {PROFESSIONAL_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </optgroup>
          <optgroup label="The family’s side">
            {FAMILY_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
      {!family ? (
        <PeoplePicker
          api={props.api}
          label="Find in the directory"
          hint="Optional: fills in the name, e-mail and agency."
          testId="invitee-picker"
          value={v.directoryId ? { id: v.directoryId, displayName: v.displayName } : null}
          onChange={(p) =>
            set(
              p
                ? { directoryId: p.id, displayName: p.displayName, email: p.email ?? v.email, ...(p.agency ? { agency: p.agency } : {}) }
                : { directoryId: '' },
            )
          }
        />
      ) : null}
      <div className={styles.row}>
        <Field label="Name" required {...fp('displayName')}>
          <Input data-testid="invitee-name" value={v.displayName} onChange={(_, d) => set({ displayName: d.value, directoryId: '' })} autoComplete="off" />
        </Field>
        <Field label="E-mail" required {...fp('email')}>
          <Input data-testid="invitee-email" type="email" value={v.email} onChange={(_, d) => set({ email: d.value, directoryId: '' })} autoComplete="off" />
        </Field>
        <Field label={family ? 'Phone' : 'Phone (optional)'} required={family && v.role !== 'child'} {...fp('phone')}>
          <Input data-testid="invitee-phone" type="tel" value={v.phone} onChange={(_, d) => set({ phone: d.value })} autoComplete="off" />
        </Field>
      </div>
      {!family ? (
        <Field label="Agency" required={v.role === 'professional'} hint="Staff roles default to children's social care." {...fp('agency')}>
          <Select data-testid="invitee-agency" value={v.agency} onChange={(_, d) => set({ agency: d.value })}>
            <option value="">Choose the agency</option>
            {Object.entries(AGENCY_LABEL).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {v.role === 'child' ? (
        <fieldset className={styles.group}>
          <legend>The child</legend>
          <Field label="Age band" required {...fp('ageBand')}>
            <Select data-testid="invitee-age-band" value={v.ageBand} onChange={(_, d) => set({ ageBand: d.value })}>
              <option value="">Choose the age band</option>
              {Object.entries(AGE_BAND_LABEL).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Advocate offered (children over 5)" {...fp('advocate')}>
            <RadioGroup value={v.advocate} onChange={(_, d) => set({ advocate: d.value as InviteeValues['advocate'] })}>
              <Radio value="accepted" label="Offered and accepted" />
              <Radio value="declined" label="Offered and declined" />
            </RadioGroup>
          </Field>
          <Field label="Over 12 and not invited: the reason the chair and social worker agreed" {...fp('notInvitedReason')}>
            <Input value={v.notInvitedReason} onChange={(_, d) => set({ notInvitedReason: d.value })} />
          </Field>
          {v.notInvitedReason ? (
            <Field label="Who decided">
              <Input value={v.notInvitedDecidedBy} onChange={(_, d) => set({ notInvitedDecidedBy: d.value })} placeholder="chair and social worker" />
            </Field>
          ) : null}
        </fieldset>
      ) : null}
      {family ? (
        <fieldset className={styles.group}>
          <legend>Own join time (split attendance)</legend>
          <Field label="Joins at (own time)" hint="24-hour time, e.g. 10:45. Family members join after the confidential section; give a time to split attendance." {...fp('slotFrom')}>
            <Input data-testid="invitee-slot-from" placeholder="HH:mm" inputMode="numeric" maxLength={5} value={v.slotFrom} onChange={(_, d) => set({ slotFrom: d.value })} />
          </Field>
          <Field label="Leaves at" {...fp('slotTo')}>
            <Input data-testid="invitee-slot-to" placeholder="HH:mm" inputMode="numeric" maxLength={5} value={v.slotTo} onChange={(_, d) => set({ slotTo: d.value })} />
          </Field>
        </fieldset>
      ) : null}
      <div className={styles.row}>
        <Field label="Interpreter needed: language" {...fp('interpreterLanguage')}>
          <Input data-testid="invitee-interpreter" value={v.interpreterLanguage} onChange={(_, d) => set({ interpreterLanguage: d.value })} />
        </Field>
        {v.interpreterLanguage ? (
          <Field label="Interpreter arrangement" {...fp('interpreterArrangement')}>
            <Input value={v.interpreterArrangement} onChange={(_, d) => set({ interpreterArrangement: d.value })} />
          </Field>
        ) : null}
      </div>
      {!family ? (
        <Field label="Police check: reason (a check is asked for only with a reason)" {...fp('policeCheckReason')}>
          <Input data-testid="invitee-police-check" value={v.policeCheckReason} onChange={(_, d) => set({ policeCheckReason: d.value })} />
        </Field>
      ) : null}
      <fieldset className={styles.group}>
        <legend>Exclusions: parts of the conference this person must not hear</legend>
        {v.exclusions.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
          <div className={styles.row} key={i} data-testid={`exclusion-${i}`}>
            <Field label={`Exclusion ${i + 1} from`} validationMessage={exclusionError(i, 'from') || undefined}>
              <Input placeholder="HH:mm" inputMode="numeric" maxLength={5} value={x.from} onChange={(_, d) => set({ exclusions: v.exclusions.map((e, j) => (j === i ? { ...e, from: d.value } : e)) })} />
            </Field>
            <Field label="until" validationMessage={exclusionError(i, 'to') || undefined}>
              <Input placeholder="HH:mm" inputMode="numeric" maxLength={5} value={x.to} onChange={(_, d) => set({ exclusions: v.exclusions.map((e, j) => (j === i ? { ...e, to: d.value } : e)) })} />
            </Field>
            <Field label="Grounds" validationMessage={exclusionError(i, 'grounds') || undefined}>
              <Input value={x.grounds} onChange={(_, d) => set({ exclusions: v.exclusions.map((e, j) => (j === i ? { ...e, grounds: d.value } : e)) })} />
            </Field>
            <Button onClick={() => set({ exclusions: v.exclusions.filter((_, j) => j !== i) })}>Remove exclusion {i + 1}</Button>
          </div>
        ))}
        <div>
          <Button data-testid="exclusion-add" onClick={() => set({ exclusions: [...v.exclusions, { from: '', to: '', grounds: '' }] })}>
            Add an exclusion
          </Button>
        </div>
      </fieldset>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={props.saving} data-testid="invitee-save">
          {props.saving ? 'Saving…' : props.editing ? 'Save the change' : 'Add to the list'}
        </Button>
        {props.editing ? (
          <Button onClick={props.onCancel} data-testid="invitee-cancel">
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
});
