// The open alerts, newest first, each with Acknowledge for the chair (it stops the repeats; the
// alert stays until the person leaves). A live region, so a screen reader hears a new one at once.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';
import type { RunSheet } from '../shell/api-types';
import { SectionCard } from './section-card';
import type { ChairAction } from './use-chair-action';

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export function AlertList(props: { alerts: RunSheet['alerts']; api: ApiClient; conferenceId: string; action: ChairAction; canAcknowledge: boolean }) {
  const alerts = [...props.alerts].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  const ack = (id: string) =>
    props.action.run(`ack:${id}`, () => props.api.send('POST', `/conferences/${encodeURIComponent(props.conferenceId)}/meeting/alerts/${encodeURIComponent(id)}/ack`));
  return (
    <SectionCard title={`Alerts (${alerts.filter((a) => !a.acknowledged).length} not acknowledged)`} testId="alerts">
      <div aria-live="assertive" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {alerts.length === 0 ? <Text>No alerts.</Text> : null}
        {alerts.map((a) => (
          <MessageBar key={a.id} intent={a.acknowledged ? 'info' : 'error'} layout="multiline" data-testid="alert" data-alert-kind={a.kind}>
            <MessageBarBody>
              <MessageBarTitle>{a.acknowledged ? 'Acknowledged' : 'Alert'}</MessageBarTitle>
              {a.text} (since {time(a.raisedAt)})
            </MessageBarBody>
            {!a.acknowledged && props.canAcknowledge ? (
              <MessageBarActions>
                <Button onClick={() => void ack(a.id)} disabled={props.action.busy !== null} data-testid="acknowledge">
                  Acknowledge
                </Button>
              </MessageBarActions>
            ) : null}
          </MessageBar>
        ))}
      </div>
    </SectionCard>
  );
}
