// /tab/stage?conference=<id>&token=<signed>: the meeting stage (shared by the chair with
// meeting.shareAppContentToStage). With the chair's signed token it needs no sign-in, so everyone
// in the call sees it; without one (opened by hand) the person signs in and must be part of it.
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ApiClient } from '../../shell/api-client';
import { mountPage } from '../../shell/mount-page';
import { StageViewPanel } from '../../stage/stage-view-panel';
import { useStageView } from '../../stage/use-stage-view';

function StagePage(props: { api: ApiClient; conferenceId: string; token: string | null }) {
  const { view, error } = useStageView(props.api, props.conferenceId, props.token);
  if (view) return <StageViewPanel view={view} />;
  if (error) {
    return (
      <main style={{ padding: 32 }} data-testid="stage-error">
        <h1>Meeting stage</h1>
        <MessageBar intent="error">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  return <Spinner label="Loading the agenda" />;
}

function StageRoot(props: { api: ApiClient; query: URLSearchParams }) {
  const conferenceId = props.query.get('conference') ?? '';
  const token = props.query.get('token');
  if (!conferenceId && !token) {
    return (
      <main style={{ padding: 32 }} data-testid="stage-error">
        <h1>Meeting stage</h1>
        <MessageBar intent="error">
          <MessageBarBody>This address is not complete. The chair shares the stage from the side panel in the meeting.</MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  return <StagePage api={props.api} conferenceId={conferenceId} token={token} />;
}

const hasToken = new URLSearchParams(location.search).has('token');
mountPage(({ api, query }) => <StageRoot api={api} query={query} />, { signIn: hasToken ? 'none' : 'required' });
