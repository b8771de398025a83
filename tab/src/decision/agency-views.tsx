// Each agency whose view counts (present in the meeting or sent a report): its view, its Signs of
// Safety scaling and, when its view differs from the outcome, its dissent reason. The agencies,
// labels and choices are the server's (the card's own lists).
import { makeStyles, Radio, RadioGroup, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import type { DecisionReading } from '../shell/api-types';
import type { AgencyEntry } from './decision-state';
import { fieldLabel } from './field-labels';
import { FieldSlot, type Problems } from './field-slot';

const useStyles = makeStyles({
  agency: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '8px 12px', margin: '0 0 12px', display: 'grid', gap: '8px' },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: '0 4px' },
});

export function AgencyViews(props: {
  reading: DecisionReading;
  entries: Record<string, AgencyEntry>;
  problems: Problems;
  disabled: boolean;
  onChange: (agency: string, entry: Partial<AgencyEntry>) => void;
}) {
  const styles = useStyles();
  const { reading, entries } = props;
  const { choices } = reading;
  return (
    <>
      {choices.agencies.map(({ agency, label, reportingOnly }) => {
        const e = entries[agency] ?? { view: '', scaling: '', dissent: '' };
        return (
          <fieldset key={agency} className={styles.agency} data-testid={`decision-agency-${agency}`}>
            <legend className={styles.legend}>
              {label} <Text size={200}>({reportingOnly ? 'sent a report, not in the meeting' : 'attended the meeting'})</Text>
            </legend>
            <FieldSlot field={`view.${agency}`} label={fieldLabel(`view.${agency}`, reading)} problems={props.problems}>
              <RadioGroup layout="horizontal" value={e.view} disabled={props.disabled} onChange={(_, d) => props.onChange(agency, { view: d.value })}>
                {choices.view.map((c) => <Radio key={c.value} value={c.value} label={c.title} />)}
              </RadioGroup>
            </FieldSlot>
            <FieldSlot field={`scaling.${agency}`} label={fieldLabel(`scaling.${agency}`, reading)} problems={props.problems}>
              <Select value={e.scaling} disabled={props.disabled} onChange={(_, d) => props.onChange(agency, { scaling: d.value })}>
                {choices.scaling.map((c) => <option key={c.value} value={c.value}>{c.title}</option>)}
              </Select>
            </FieldSlot>
            <FieldSlot field={`dissent.${agency}`} label={fieldLabel(`dissent.${agency}`, reading)} problems={props.problems}>
              <Textarea value={e.dissent} disabled={props.disabled} resize="vertical" onChange={(_, d) => props.onChange(agency, { dissent: d.value })} />
            </FieldSlot>
          </fieldset>
        );
      })}
    </>
  );
}
