// The chair's decision form (issue 10; docs/tab/decision-form.md): every field of the decision
// card, saved a moment after each change and recorded with Record. It has no rules of its own:
// beside each field it shows the server's problems with the saved draft (validateDecision, the
// card's module), and after a refused Record every field of the 422 as an error, with a summary
// that takes the keyboard to each. Recording twice makes one decision (the server's alreadyRecorded).
import { Button, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title3, tokens } from '@fluentui/react-components';
import { type Ref, useEffect, useMemo, useRef } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { DecisionReading } from '../shell/api-types';
import { AgencyViews } from './agency-views';
import { DecisionSummary } from './decision-summary';
import { controlId, type FormValues, type Problem } from './decision-state';
import { fieldLabel } from './field-labels';
import type { Problems } from './field-slot';
import { ChairFields, NoPlanFields, PlanFields, ReviewFields } from './plan-fields';
import { type SaveState, useDecision } from './use-decision';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: '16px',
    maxWidth: '48rem',
    // Focus always visible, whatever the theme: a ring on the control, or around a radio or
    // checkbox (their inputs are transparent, drawn over the indicator). The doubled pseudo-class
    // outranks components that swap the outline for their own cue (Link's underline).
    '& :focus-visible:focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
    '& .fui-Radio:focus-within, & .fui-Checkbox:focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px', borderRadius: tokens.borderRadiusMedium },
  },
  outcome: { display: 'grid', gap: '4px' },
  actions: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  summaryList: { margin: '4px 0 0', paddingLeft: '20px' },
});

const SAVE_WORDS: Record<SaveState, string> = {
  idle: '',
  pending: 'Changes not saved yet…',
  saving: 'Saving…',
  saved: 'Saved.',
  failed: 'Not saved.',
};

export function DecisionForm({ api, conferenceId, onRecorded }: { api: ApiClient; conferenceId: string; onRecorded?: () => void }) {
  const styles = useStyles();
  const { state, change, record } = useDecision(api, conferenceId);
  const summaryRef = useRef<HTMLDivElement>(null);
  const problems: Problems = useMemo(() => ({ byField: new Map(state.problems.map((p) => [p.field, p])), refused: state.refused }), [state.problems, state.refused]);
  // Refused for its fields: the summary takes focus once it is on the page (an effect, not a frame
  // callback, which can run before React has drawn it), so a keyboard user hears every field.
  const refusal = state.error && state.refused ? state.error : null;
  useEffect(() => {
    if (refusal) summaryRef.current?.focus();
  }, [refusal]);

  if (state.loadError) {
    return (
      <MessageBar intent="error" data-testid="decision-error">
        <MessageBarBody>{state.loadError.message}</MessageBarBody>
      </MessageBar>
    );
  }
  const { reading, values } = state;
  if (!reading || !values) return <Spinner label="Loading the decision" />;

  // Opened after recording: the decision as it stands ("already recorded" answers a Record only).
  const recorded = state.recorded ?? (reading.decision ? { ...reading, decision: reading.decision, alreadyRecorded: false } : null);
  const disabled = recorded !== null || state.recording;
  const patch = (p: Partial<FormValues>) => change((v) => ({ ...v, ...p }));
  const sectionProps = { reading, values, problems, disabled, onChange: patch };

  const onRecord = async () => {
    const fields = await record();
    if (fields && fields.length === 0) onRecorded?.();
  };

  return (
    <form className={styles.form} data-testid="decision-form" aria-labelledby="decision-heading" onSubmit={(e) => e.preventDefault()} noValidate>
      <Title3 as="h2" block id="decision-heading">Decision: {reading.caseReference}</Title3>
      <Text>Only you, the chair, see this form. What you enter is saved as you go; Record decision records it.</Text>

      <div className={styles.outcome} data-testid="decision-outcome" aria-live="polite">
        <Text weight="semibold">{reading.words.outcome}</Text>
        <Text>{reading.words.counts}</Text>
        <Text size={200}>{reading.words.rule}</Text>
      </div>

      {recorded && (
        <MessageBar intent="success" data-testid="decision-recorded">
          <MessageBarBody>
            <MessageBarTitle>{recorded.alreadyRecorded ? 'The decision is already recorded' : 'The decision is recorded'}</MessageBarTitle>
            {recorded.alreadyRecorded ? 'Nothing was changed.' : 'The record and the plan will be sent to everyone invited.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {recorded?.summary && <DecisionSummary rows={recorded.summary} />}

      {state.error && state.refused && (
        <RefusalSummary ref={summaryRef} problems={state.problems} reading={reading} />
      )}
      {state.error && !state.refused && (
        <MessageBar intent="error" data-testid="decision-error">
          <MessageBarBody>{state.error.message}</MessageBarBody>
        </MessageBar>
      )}

      {!recorded && (
        <>
          <section aria-labelledby="decision-agencies-heading">
            <Title3 as="h3" block id="decision-agencies-heading">Agency views</Title3>
            <Text as="p">Agencies in the meeting or that sent a report. Dissent: the reason of an agency whose view differs from the outcome.</Text>
            <AgencyViews
              reading={reading}
              entries={values.agencies}
              problems={problems}
              disabled={disabled}
              onChange={(agency, entry) => change((v) => ({ ...v, agencies: { ...v.agencies, [agency]: { ...v.agencies[agency]!, ...entry } } }))}
            />
          </section>
          <ChairFields {...sectionProps} />
          <NoPlanFields {...sectionProps} />
          <PlanFields {...sectionProps} />
          {reading.isReview && <ReviewFields {...sectionProps} />}
          <div className={styles.actions}>
            <Button appearance="primary" data-testid="decision-record" disabled={state.recording} onClick={() => void onRecord()}>
              {state.recording ? 'Recording…' : 'Record decision'}
            </Button>
            <Text role="status" data-testid="decision-save-status">{SAVE_WORDS[state.save]}</Text>
          </div>
        </>
      )}
    </form>
  );
}

/** Every field the server refused: its label (a button that moves focus to the field) and the server's message. */
function RefusalSummary({ problems, reading, ref }: { problems: Problem[]; reading: DecisionReading; ref: Ref<HTMLDivElement> }) {
  const styles = useStyles();
  const focusField = (field: string) => {
    const slot = document.getElementById(controlId(field));
    slot?.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button')?.focus();
  };
  return (
    <div ref={ref} tabIndex={-1} data-testid="decision-refusal">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The decision is not recorded: {problems.length === 1 ? 'one field needs' : `${problems.length} fields need`} attention</MessageBarTitle>
          <ul className={styles.summaryList}>
            {problems.map((p) => (
              <li key={p.field}>
                <Link as="button" onClick={() => focusField(p.field)}>{fieldLabel(p.field, reading)}</Link>: {p.message}
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
