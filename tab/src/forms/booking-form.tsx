// The booking form: the same request as the booking card and POST /api/v1/conferences. Every
// change is checked with POST /api/v1/booking-checks (nothing saved) so that the statutory latest
// date, every deadline and each field's error show while the clerk types; "Save the booking"
// creates the draft. The API's rules are the only rules: this form checks nothing itself beyond
// "is the length a number".
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Select, Textarea, Title3 } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { BookingCheck, CreatedConference } from '../shell/api-types';
import { bookingFieldCodes, problemText } from './api-problems';
import { BookingAnswer } from './booking-answer';
import { type BookingValues, bookingRequestOf, EMPTY_BOOKING, type FieldName, type Kind, type PersonField, type TextField } from './booking-values';
import { ANCHOR_LABEL, ANCHORS_FOR_KIND, KIND_LABEL } from './form-labels';
import { type PickedPerson, PeoplePicker } from './people-picker';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(280px, 1fr) minmax(280px, 1fr)', gap: '24px', alignItems: 'start', '@media (max-width: 720px)': { gridTemplateColumns: '1fr' } },
  fields: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'flex', gap: '12px', flexWrap: 'wrap' },
});

export function BookingForm(props: { api: ApiClient; onCreated(created: CreatedConference): void; initial?: BookingValues }) {
  const styles = useStyles();
  const [values, setValues] = useState<BookingValues>(props.initial ?? EMPTY_BOOKING);
  const [check, setCheck] = useState<BookingCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [touched, setTouched] = useState<Set<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [localError, setLocalError] = useState<{ field: TextField; message: string } | null>(null);
  const [serverCodes, setServerCodes] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const seq = useRef(0);

  const runCheck = useCallback(
    async (v: BookingValues): Promise<BookingCheck | null> => {
      const request = bookingRequestOf(v);
      if (!('body' in request)) {
        setLocalError(request);
        return null;
      }
      setLocalError(null);
      const mine = ++seq.current;
      setChecking(true);
      try {
        const answer = (await props.api.send<BookingCheck>('POST', '/booking-checks', request.body)).body;
        if (mine === seq.current) {
          setCheck(answer);
          setProblem('');
        }
        return answer;
      } catch (err) {
        if (mine === seq.current) setProblem(problemText(err));
        return null;
      } finally {
        if (mine === seq.current) setChecking(false);
      }
    },
    [props.api],
  );

  // Live: the dates and deadlines follow what is typed (debounced; only the latest answer counts).
  useEffect(() => {
    const timer = setTimeout(() => void runCheck(values), 400);
    return () => clearTimeout(timer);
  }, [values, runCheck]);

  const setText = (field: TextField, value: string) => {
    setValues((v) => ({ ...v, text: { ...v.text, [field]: value } }));
    setTouched((t) => new Set(t).add(field));
    setServerCodes({});
  };
  const setPerson = (field: PersonField, person: PickedPerson | null) => {
    setValues((v) => ({ ...v, people: { ...v.people, [field]: person } }));
    setTouched((t) => new Set(t).add(field));
    setServerCodes({});
  };

  const errorOf = (field: FieldName): string => {
    if (localError?.field === field) return localError.message;
    const shown = submitted || touched.has(field);
    const fromCheck = check?.fieldErrors[field as keyof BookingCheck['fieldErrors']]?.message;
    if (shown && fromCheck) return fromCheck;
    if (serverCodes[field]) return `Check this field (${serverCodes[field]}).`;
    return '';
  };
  const fieldProps = (field: FieldName) => {
    const message = errorOf(field);
    return { validationMessage: message || undefined, validationState: message ? ('error' as const) : ('none' as const) };
  };

  const anchors = ANCHORS_FOR_KIND[values.kind];
  const anchorKind = (values.text.anchorKind || anchors[0]) as keyof typeof ANCHOR_LABEL;
  const answer = check?.answer ?? null;
  const showLate = answer?.late === true || values.text.lateReason !== '' || values.people.managerId !== null;
  const showRepeat = answer?.repeatPlan === true || values.people.serviceManagerId !== null;

  async function save() {
    if (savingRef.current) return; // a double press makes one draft
    savingRef.current = true;
    setSaving(true);
    setSubmitted(true);
    setProblem('');
    try {
      const checked = await runCheck(values);
      const request = bookingRequestOf(values);
      if (!checked?.ok || !('body' in request)) {
        setProblem('Some fields need attention: each one says what is wrong.');
        return;
      }
      const created = await props.api.send<CreatedConference>('POST', '/conferences', request.body);
      props.onCreated(created.body);
    } catch (err) {
      setServerCodes(bookingFieldCodes(err));
      const text = problemText(err);
      setProblem(
        (err as { code?: string }).code === 'NETWORK'
          ? `${text} The booking may have been saved: look for it on the dashboard before saving again.`
          : text,
      );
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }

  return (
    <form
      noValidate
      data-testid="booking-form"
      aria-label="Book a conference"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className={styles.layout}>
        <div className={styles.fields}>
          <Field label="Kind of conference" required {...fieldProps('kind')}>
            <Select
              data-testid="booking-kind"
              value={values.kind}
              onChange={(_, d) => {
                setValues((v) => ({ ...v, kind: d.value as Kind, text: { ...v.text, anchorKind: '' } }));
                setTouched((t) => new Set(t).add('kind'));
              }}
            >
              {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Case reference" required hint="The council's case reference only: never a name or an address." {...fieldProps('caseReference')}>
            <Input data-testid="booking-case-reference" value={values.text.caseReference} onChange={(_, d) => setText('caseReference', d.value)} autoComplete="off" />
          </Field>
          {anchors.length > 1 ? (
            <Field label="Measured from" {...fieldProps('anchorKind')}>
              <Select data-testid="booking-anchor-kind" value={anchorKind} onChange={(_, d) => setText('anchorKind', d.value)}>
                {anchors.map((a) => (
                  <option key={a} value={a}>
                    {ANCHOR_LABEL[a] ?? a}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field label={ANCHOR_LABEL[anchorKind] ?? 'Date it is measured from'} required {...fieldProps('anchorDate')}>
            <Input data-testid="booking-anchor-date" type="date" value={values.text.anchorDate} onChange={(_, d) => setText('anchorDate', d.value)} />
          </Field>
          <PeoplePicker api={props.api} label="Chair" required roles={['chair']} testId="booking-chair" value={values.people.chairId} onChange={(p) => setPerson('chairId', p)} validationMessage={errorOf('chairId')} />
          <PeoplePicker api={props.api} label="Social worker" required roles={['social-worker']} testId="booking-social-worker" value={values.people.socialWorkerId} onChange={(p) => setPerson('socialWorkerId', p)} validationMessage={errorOf('socialWorkerId')} />
          <Field label="Date of the conference" required hint="A working day, from today on." {...fieldProps('date')}>
            <Input data-testid="booking-date" type="date" value={values.text.date} onChange={(_, d) => setText('date', d.value)} />
          </Field>
          <div className={styles.row}>
            <Field label="Start time" required hint="08:00 to 18:00" {...fieldProps('startTime')}>
              <Input data-testid="booking-start-time" placeholder="HH:mm" inputMode="numeric" maxLength={5} value={values.text.startTime} onChange={(_, d) => setText('startTime', d.value)} />
            </Field>
            <Field label="Length (minutes)" required hint="30 to 240" {...fieldProps('durationMinutes')}>
              <Input data-testid="booking-duration" inputMode="numeric" value={values.text.durationMinutes} onChange={(_, d) => setText('durationMinutes', d.value)} />
            </Field>
            <Field label="Confidential section (minutes)" hint="Professionals only, at the start; empty or 0 for none" {...fieldProps('confidentialMinutes')}>
              <Input data-testid="booking-confidential" inputMode="numeric" value={values.text.confidentialMinutes} onChange={(_, d) => setText('confidentialMinutes', d.value)} />
            </Field>
          </div>
          <Field label="If a previous plan ended: its date" {...fieldProps('previousPlanEndedOn')}>
            <Input data-testid="booking-previous-plan" type="date" value={values.text.previousPlanEndedOn} onChange={(_, d) => setText('previousPlanEndedOn', d.value)} />
          </Field>
          {showLate ? (
            <>
              <Field label="Why the date is past the statutory latest" required {...fieldProps('lateReason')}>
                <Textarea data-testid="booking-late-reason" value={values.text.lateReason} onChange={(_, d) => setText('lateReason', d.value)} />
              </Field>
              <PeoplePicker api={props.api} label="Manager who approves the late date" required roles={['team-manager', 'safeguarding-manager', 'service-manager']} testId="booking-manager" value={values.people.managerId} onChange={(p) => setPerson('managerId', p)} validationMessage={errorOf('managerId')} />
            </>
          ) : null}
          {showRepeat ? (
            <PeoplePicker api={props.api} label="Service manager (repeat plan)" required roles={['service-manager']} testId="booking-service-manager" value={values.people.serviceManagerId} onChange={(p) => setPerson('serviceManagerId', p)} validationMessage={errorOf('serviceManagerId')} />
          ) : null}
          {problem ? (
            <MessageBar intent="error" data-testid="booking-problem">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabled={saving} data-testid="booking-save">
              {saving ? 'Saving…' : 'Save the booking'}
            </Button>
          </div>
        </div>
        <section aria-label="Dates and deadlines">
          <Title3 as="h2">Dates and deadlines</Title3>
          <BookingAnswer answer={answer} checking={checking} />
        </section>
      </div>
    </form>
  );
}
