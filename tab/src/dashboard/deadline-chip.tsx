// A deadline's status as a chip: the word always (status is never colour alone), a mark and the
// colour as further cues, the rule and its date; the rule's name is in the title.
import { Badge } from '@fluentui/react-components';
import type { DeadlineWithStatus } from '../shell/api-types';
import { DEADLINE_LABEL, formatShortDate } from './words';

const COLOUR = { done: 'success', due: 'informative', 'due-soon': 'warning', missed: 'danger' } as const;
const MARK = { done: '✓', due: '•', 'due-soon': '!', missed: '✕' } as const;

export function DeadlineChip({ deadline }: { deadline: DeadlineWithStatus }) {
  return (
    <Badge
      appearance="tint"
      color={COLOUR[deadline.status]}
      shape="rounded"
      title={`${deadline.rule}: ${deadline.name}`}
      data-testid="deadline-chip"
      data-rule={deadline.rule}
      data-status={deadline.status}
    >
      <span aria-hidden="true">{MARK[deadline.status]}&nbsp;</span>
      {deadline.rule} {formatShortDate(deadline.date)}: {DEADLINE_LABEL[deadline.status]}
    </Badge>
  );
}
