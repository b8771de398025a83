// Quorum at the start: quorate or what is missing; not quorate before the start, the chair
// proceeds with a recorded reason (or stands the conference down from the run sheet card).
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { RunSheet } from '../shell/api-types';
import { SectionCard } from './section-card';
import type { ChairAction } from './use-chair-action';

export function quorumText(q: RunSheet['quorum']): string {
  if (q.quorate) return 'Quorate: social care and enough agencies are present or reporting.';
  const parts = [q.socialCare ? null : "children's social care is not present", q.missing > 0 ? `${q.missing} more ${q.missing === 1 ? 'agency is' : 'agencies are'} needed` : null].filter(Boolean);
  return `Not quorate: ${parts.join('; ')}.`;
}

export function QuorumPanel(props: { sheet: RunSheet; api: ApiClient; conferenceId: string; action: ChairAction; isChair: boolean }) {
  const { quorum, stage } = props.sheet;
  const [reason, setReason] = useState('');
  const canProceed = props.isChair && stage === 'pre-meeting' && !quorum.quorate && !quorum.decided;
  return (
    <SectionCard title="Quorum at the start" testId="quorum">
      <Text data-testid="quorum-status">{quorumText(quorum)}</Text>
      {quorum.agenciesPresent.length + quorum.agenciesReporting.length > 0 ? (
        <Text size={200}>
          Present: {quorum.agenciesPresent.join(', ') || 'none'}. Reporting: {quorum.agenciesReporting.join(', ') || 'none'}.
        </Text>
      ) : null}
      {quorum.proceeded ? <Text>The chair proceeded with a recorded reason.</Text> : null}
      {canProceed ? (
        <>
          <Field label="Reason to proceed without quorum" hint="Recorded with the conference. To stand down instead, use Ask to stand down on the run sheet card.">
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} data-testid="quorum-reason" />
          </Field>
          <Button
            appearance="primary"
            disabled={reason.trim() === '' || props.action.busy !== null}
            onClick={() => void props.action.run('quorum', () => props.api.send('POST', `/conferences/${encodeURIComponent(props.conferenceId)}/meeting/quorum`, { reason: reason.trim() }))}
            data-testid="quorum-proceed"
          >
            Proceed with this reason
          </Button>
        </>
      ) : null}
    </SectionCard>
  );
}
