// Each field's label, for the field itself and for the refusal summary (which names the field
// before the server's message: "View of Police: Enter this agency's view…").
import type { DecisionReading } from '../shell/api-types';

const FIXED: Record<string, string> = {
  chairView: 'Your view',
  chairConcerns: 'Your concerns, if you disagree with the majority (in the summary)',
  outcomeWithoutPlan: 'Child in need or no further action',
  leadSocialWorker: 'Lead social worker',
  coreGroup: 'Core group members (professionals and family)',
  'review.outcome': 'Continue, change the category, or end the plan',
  'review.newCategory': 'New category (when changing it)',
  'review.endRationale': 'Rationale for ending the plan (if not all actions are complete)',
};

export function fieldLabel(field: string, reading: DecisionReading): string {
  const [kind, agency] = field.split(/\.(.*)/s) as [string, string | undefined];
  const agencyLabel = reading.choices.agencies.find((a) => a.agency === agency)?.label ?? agency ?? '';
  if (kind === 'view') return `View of ${agencyLabel}`;
  if (kind === 'scaling') return `Scaling (0–10) of ${agencyLabel}`;
  if (kind === 'dissent') return `Dissent reason of ${agencyLabel} (if its view differs from the outcome)`;
  if (field === 'category') return reading.isReview ? 'Category of the plan as it stands' : 'Category of harm';
  if (field === 'firstCoreGroupDate') return `First core group date: ${reading.choices.rangeText.firstCoreGroup}`;
  if (field === 'reviewDate') return `Review conference date: ${reading.choices.rangeText.review}`;
  return FIXED[field] ?? field;
}
