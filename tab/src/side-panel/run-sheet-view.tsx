// The chair's and the clerk's run sheet beside the call. The API gives the stage buttons to the
// chair alone (the clerk's run sheet has none), so having them is what makes this the chair's view.
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { DecisionForm } from '../decision/decision-form';
import type { ApiClient } from '../shell/api-client';
import type { RunSheet } from '../shell/api-types';
import type { TabHost } from '../shell/host';
import { ShareToStageButton } from '../stage/share-to-stage-button';
import { AlertList } from './alert-list';
import { AttendanceSummary } from './attendance-summary';
import { PeopleList } from './people-list';
import { QuorumPanel } from './quorum-panel';
import { SectionCard } from './section-card';
import { StageButtons } from './stage-buttons';
import { StageHeader } from './stage-header';
import { UnknownJoiners } from './unknown-joiners';
import { useChairAction } from './use-chair-action';

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export function RunSheetView(props: { sheet: RunSheet; stageSince: string | null; host: TabHost; api: ApiClient; refresh: () => Promise<void> }) {
  const { sheet, api } = props;
  const conferenceId = sheet.conferenceId;
  const action = useChairAction(props.refresh);
  const isChair = sheet.commands.length > 0;
  const removal = isChair ? { api, conferenceId, action } : undefined;
  return (
    <>
      <StageHeader stageLabel={sheet.stageLabel} stageSince={props.stageSince} caseReference={sheet.caseReference} />
      {action.error ? (
        <MessageBar intent="error" data-testid="action-error">
          <MessageBarBody>{action.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <AlertList alerts={sheet.alerts} api={api} conferenceId={conferenceId} action={action} canAcknowledge={isChair} />
      {/* At the decision the form comes first: it is what the chair is doing now. */}
      {isChair && sheet.stage === 'decision' ? (
        <SectionCard title="Decision" testId="decision">
          <DecisionForm api={api} conferenceId={conferenceId} />
        </SectionCard>
      ) : null}
      <PeopleList title="Must leave now" testId="must-leave" lines={sheet.mustLeave} empty="Nobody." {...(removal ? { remove: removal } : {})} />
      <PeopleList title="Admit now from the lobby" testId="admit-now" lines={sheet.admitNow} empty="Nobody to admit now." />
      <PeopleList title="Must wait" testId="must-wait" lines={sheet.mustWait} empty="Nobody." />
      <Text size={200}>Teams lets no app admit anyone from the lobby: admit each person yourself.</Text>
      <UnknownJoiners sheet={sheet} api={api} conferenceId={conferenceId} action={action} isChair={isChair} />
      <AttendanceSummary sections={sheet.sections} />
      {sheet.stage === 'pre-meeting' || !sheet.quorum.decided ? <QuorumPanel sheet={sheet} api={api} conferenceId={conferenceId} action={action} isChair={isChair} /> : null}
      <StageButtons commands={sheet.commands} api={api} conferenceId={conferenceId} action={action} />
      <SectionCard title="In the meeting" testId="meeting-facts">
        {sheet.nextChange ? (
          <Text data-testid="next-change">
            Next: {sheet.nextChange.what} at {time(sheet.nextChange.at)}
          </Text>
        ) : null}
        <Text>Recording: {sheet.recording.recording}</Text>
        <Text>Transcription: {sheet.recording.transcription}</Text>
        {isChair ? <ShareToStageButton host={props.host} api={api} conferenceId={conferenceId} /> : null}
      </SectionCard>
    </>
  );
}
