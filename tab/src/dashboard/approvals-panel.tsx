// The approvals waiting for the signed-in manager (GET /api/v1/approvals): case reference, what is
// asked and why, a note, and Approve / Refuse (POST …/approvals/:approvalId). A decision is final;
// the server's answer (booked, stood down, or a follow-up that failed) is said in words.
import { Button, Card, CardHeader, Field, Link, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { type ApiClient, ApiError } from '../shell/api-client';
import type { ApprovalDecision, DecidedApproval, PendingApprovals } from '../shell/api-types';
import { conferenceHref } from './links';
import { Section } from './section';
import { useApiData } from './use-api-data';
import { APPROVAL_LABEL, formatDate, formatInstant, KIND_LABEL, timeOf } from './words';

type Waiting = PendingApprovals['approvals'][number];

const useStyles = makeStyles({
  list: { display: 'grid', gap: '12px', maxWidth: '720px' },
  actions: { display: 'flex', gap: '8px', marginTop: '8px' },
});

const FOLLOW_UP: Record<DecidedApproval['followUp']['kind'], string> = {
  none: '',
  booked: 'The conference is now booked and the Teams meeting made.',
  'stood-down': 'The conference is stood down; everyone invited is told.',
  failed: 'The decision is saved, but the next step did not finish. The clerk can confirm the booking again.',
};

function ApprovalCard({ api, item, onDecided }: { api: ApiClient; item: Waiting; onDecided(message: string): void }) {
  const styles = useStyles();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = `note-${item.approval.id}`;
  const decide = async (decision: ApprovalDecision['decision']) => {
    setBusy(true);
    setError(null);
    try {
      const body: ApprovalDecision = { decision, ...(note.trim() ? { note: note.trim() } : {}) };
      const r = await api.send<DecidedApproval>('POST', `/conferences/${encodeURIComponent(item.conferenceId)}/approvals/${encodeURIComponent(item.approval.id)}`, body);
      const said = decision === 'approve' ? 'Approved' : 'Refused';
      onDecided(`${said}: ${APPROVAL_LABEL[item.approval.kind]} for ${item.caseReference}. ${FOLLOW_UP[r.body.followUp.kind]}`.trim());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : (err as Error).message);
      setBusy(false);
    }
  };
  return (
    <Card data-testid="approval" data-approval={item.approval.id} aria-labelledby={`${noteId}-title`}>
      <CardHeader
        header={
          <Text weight="semibold" id={`${noteId}-title`}>
            {APPROVAL_LABEL[item.approval.kind] ?? item.approval.kind}: <Link href={conferenceHref(item.conferenceId)}>{item.caseReference}</Link>
          </Text>
        }
        description={
          <Text>
            {KIND_LABEL[item.kind] ?? item.kind}, {formatDate(item.start)} at {timeOf(item.start)}. Asked {formatInstant(item.approval.requestedAt)}.
          </Text>
        }
      />
      <Text as="p">
        <Text weight="semibold">Reason given:</Text> {item.approval.reason || 'None given.'}
      </Text>
      <Field label="Your note (optional)">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} maxLength={1000} resize="vertical" data-testid="approval-note" />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void decide('approve')} data-testid="approve">
          Approve
        </Button>
        <Button disabled={busy} onClick={() => void decide('refuse')} data-testid="refuse">
          Refuse
        </Button>
        {busy && <Spinner size="tiny" label="Saving" />}
      </div>
    </Card>
  );
}

export function ApprovalsPanel({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const { data, error, reload } = useApiData<PendingApprovals>(api, '/approvals');
  const [said, setSaid] = useState<{ id: string; text: string }[]>([]);
  return (
    <Section id="approvals" title="Waiting for your decision" testId="approvals" error={error}>
      <div role="status" aria-live="polite">
        {said.map((s) => (
          <MessageBar key={s.id} intent="success" data-testid="approval-decided">
            <MessageBarBody>{s.text}</MessageBarBody>
          </MessageBar>
        ))}
      </div>
      {data && data.approvals.length === 0 && <Text as="p" data-testid="no-approvals">Nothing is waiting for your decision.</Text>}
      <div className={styles.list}>
        {data?.approvals.map((item) => (
          <ApprovalCard
            key={item.approval.id}
            api={api}
            item={item}
            onDecided={(message) => {
              setSaid((s) => [...s, { id: item.approval.id, text: message }]);
              reload();
            }}
          />
        ))}
      </div>
    </Section>
  );
}
