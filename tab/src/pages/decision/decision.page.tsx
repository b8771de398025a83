// /tab/decision?conference=<id>: the decision form on its own, the Teams dialog (task module) the
// decision card opens for the chair, and usable in a plain browser in local mode. In Teams, Close
// ends the dialog (dialog.url.submit) once the chair is done.
import { Button, MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import { dialog } from '@microsoft/teams-js';
import { DecisionForm } from '../../decision/decision-form';
import { mountPage } from '../../shell/mount-page';

mountPage(({ api, host, query }) => {
  const conferenceId = query.get('conference') ?? '';
  const inDialog = host.kind === 'teams' && dialog.url.isSupported();
  return (
    <main style={{ padding: 24 }}>
      <Title2 as="h1">Record the conference decision</Title2>
      {conferenceId !== '' ? (
        <DecisionForm api={api} conferenceId={conferenceId} />
      ) : (
        <MessageBar intent="error" data-testid="decision-error">
          <MessageBarBody>This page needs the conference: open it from the decision card or the side panel.</MessageBarBody>
        </MessageBar>
      )}
      {inDialog && (
        <p>
          <Button onClick={() => dialog.url.submit()}>Close</Button>
        </p>
      )}
    </main>
  );
}, { signIn: 'required' });
