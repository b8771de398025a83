// The rest of the decision: the chair's view and concerns, the outcome without a plan, the plan's
// category, lead social worker, core group and dates (their ranges from the server, in the label
// and as min/max), and for a review continue / change the category / end the plan. The same
// sections and words as the decision card.
import { Checkbox, Input, Radio, RadioGroup, Select, Textarea, Title3 } from '@fluentui/react-components';
import type { DecisionReading } from '../shell/api-types';
import type { FormValues } from './decision-state';
import { fieldLabel } from './field-labels';
import { FieldSlot, type Problems } from './field-slot';


interface SectionProps {
  reading: DecisionReading;
  values: FormValues;
  problems: Problems;
  disabled: boolean;
  onChange: (patch: Partial<FormValues>) => void;
}

export function ChairFields({ reading, values, problems, disabled, onChange }: SectionProps) {
  return (
    <section aria-labelledby="decision-chair-heading">
      <Title3 as="h3" block id="decision-chair-heading">The chair</Title3>
      <FieldSlot field="chairView" label={fieldLabel('chairView', reading)} problems={problems}>
        <RadioGroup value={values.chairView} disabled={disabled} onChange={(_, d) => onChange({ chairView: d.value })}>
          {reading.choices.chairView.map((c) => <Radio key={c.value} value={c.value} label={c.title} />)}
        </RadioGroup>
      </FieldSlot>
      <FieldSlot field="chairConcerns" label={fieldLabel('chairConcerns', reading)} problems={problems}>
        <Textarea value={values.chairConcerns} disabled={disabled} resize="vertical" onChange={(_, d) => onChange({ chairConcerns: d.value })} />
      </FieldSlot>
    </section>
  );
}

export function NoPlanFields({ reading, values, problems, disabled, onChange }: SectionProps) {
  return (
    <section aria-labelledby="decision-no-plan-heading">
      <Title3 as="h3" block id="decision-no-plan-heading">{reading.isReview ? 'If the plan ends' : 'If no plan'}</Title3>
      <FieldSlot field="outcomeWithoutPlan" label={fieldLabel('outcomeWithoutPlan', reading)} problems={problems}>
        <RadioGroup value={values.outcomeWithoutPlan} disabled={disabled} onChange={(_, d) => onChange({ outcomeWithoutPlan: d.value })}>
          {reading.choices.outcomeWithoutPlan.map((c) => <Radio key={c.value} value={c.value} label={c.title} />)}
        </RadioGroup>
      </FieldSlot>
    </section>
  );
}

export function PlanFields({ reading, values, problems, disabled, onChange }: SectionProps) {
  const { choices, ranges } = reading;
  const toggle = (id: string, on: boolean) =>
    onChange({ coreGroupInviteeIds: on ? [...values.coreGroupInviteeIds.filter((x) => x !== id), id] : values.coreGroupInviteeIds.filter((x) => x !== id) });
  return (
    <section aria-labelledby="decision-plan-heading">
      <Title3 as="h3" block id="decision-plan-heading">{reading.isReview ? 'The plan' : 'If a plan'}</Title3>
      <FieldSlot field="category" label={fieldLabel('category', reading)} problems={problems}>
        <Select value={values.category} disabled={disabled} onChange={(_, d) => onChange({ category: d.value })}>
          <option value="">Not chosen</option>
          {choices.category.map((c) => <option key={c.value} value={c.value}>{c.title}</option>)}
        </Select>
      </FieldSlot>
      <FieldSlot field="leadSocialWorker" label={fieldLabel('leadSocialWorker', reading)} problems={problems}>
        <Select value={values.leadSocialWorkerInviteeId} disabled={disabled} onChange={(_, d) => onChange({ leadSocialWorkerInviteeId: d.value })}>
          <option value="">Not chosen</option>
          {choices.leadSocialWorker.map((c) => <option key={c.value} value={c.value}>{c.title}</option>)}
        </Select>
      </FieldSlot>
      <FieldSlot field="coreGroup" label={fieldLabel('coreGroup', reading)} hint="The lead social worker is always in the core group." problems={problems}>
        {(control) => (
          <fieldset {...control} data-testid="decision-core-group" style={{ border: 0, margin: 0, padding: 0, display: 'grid' }}>
            {choices.coreGroup.map((c) => (
              <Checkbox key={c.value} label={c.title} disabled={disabled} checked={values.coreGroupInviteeIds.includes(c.value)} onChange={(_, d) => toggle(c.value, d.checked === true)} />
            ))}
          </fieldset>
        )}
      </FieldSlot>
      <FieldSlot field="firstCoreGroupDate" label={fieldLabel('firstCoreGroupDate', reading)} problems={problems}>
        <Input type="date" value={values.firstCoreGroupDate} disabled={disabled} min={ranges.firstCoreGroup.from} {...(ranges.firstCoreGroup.to && { max: ranges.firstCoreGroup.to })} onChange={(_, d) => onChange({ firstCoreGroupDate: d.value })} />
      </FieldSlot>
      <FieldSlot field="reviewDate" label={fieldLabel('reviewDate', reading)} problems={problems}>
        <Input type="date" value={values.reviewDate} disabled={disabled} min={ranges.review.from} {...(ranges.review.to && { max: ranges.review.to })} onChange={(_, d) => onChange({ reviewDate: d.value })} />
      </FieldSlot>
    </section>
  );
}

export function ReviewFields({ reading, values, problems, disabled, onChange }: SectionProps) {
  return (
    <section aria-labelledby="decision-review-heading">
      <Title3 as="h3" block id="decision-review-heading">Review outcome</Title3>
      <FieldSlot field="review.outcome" label={fieldLabel('review.outcome', reading)} problems={problems}>
        <RadioGroup value={values.reviewOutcome} disabled={disabled} onChange={(_, d) => onChange({ reviewOutcome: d.value })}>
          {reading.choices.reviewOutcome.map((c) => <Radio key={c.value} value={c.value} label={c.title} />)}
        </RadioGroup>
      </FieldSlot>
      <FieldSlot field="review.newCategory" label={fieldLabel('review.newCategory', reading)} problems={problems}>
        <Select value={values.newCategory} disabled={disabled} onChange={(_, d) => onChange({ newCategory: d.value })}>
          <option value="">Not chosen</option>
          {reading.choices.category.map((c) => <option key={c.value} value={c.value}>{c.title}</option>)}
        </Select>
      </FieldSlot>
      <Checkbox label="All actions of the plan are complete" disabled={disabled} checked={values.allActionsComplete} onChange={(_, d) => onChange({ allActionsComplete: d.checked === true })} />
      <FieldSlot field="review.endRationale" label={fieldLabel('review.endRationale', reading)} problems={problems}>
        <Textarea value={values.endRationale} disabled={disabled} resize="vertical" onChange={(_, d) => onChange({ endRationale: d.value })} />
      </FieldSlot>
    </section>
  );
}
