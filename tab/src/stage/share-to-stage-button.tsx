// The chair's "Share to the stage" button (the side panel shows it to the chair). It asks the API
// for the chair's signed stage link, then in a Teams meeting hands it to
// meeting.shareAppContentToStage (RSC MeetingStage.Write.Chat); in a plain browser it explains that
// sharing works inside a Teams meeting and offers the link to open.
import { Button, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { type ApiClient, ApiError } from '../shell/api-client';
import type { StageViewShareUrl } from '../shell/api-types';
import type { TabHost } from '../shell/host';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'shared' } | { kind: 'browser'; url: string } | { kind: 'error'; message: string };

export function ShareToStageButton(props: { host: TabHost; api: ApiClient; conferenceId: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const { host } = props;

  const share = async () => {
    setState({ kind: 'working' });
    try {
      const { url } = await props.api.get<StageViewShareUrl>(`/conferences/${encodeURIComponent(props.conferenceId)}/stage-view/share-url`);
      if (host.kind === 'teams' && host.shareToStage) {
        await host.shareToStage(url);
        setState({ kind: 'shared' });
      } else {
        setState({ kind: 'browser', url });
      }
    } catch (err) {
      setState({ kind: 'error', message: err instanceof ApiError || err instanceof Error ? err.message : 'The stage could not be shared.' });
    }
  };

  return (
    <div data-testid="share-to-stage">
      <Button appearance="primary" onClick={share} disabled={state.kind === 'working'} data-testid="share-to-stage-button">
        Share the agenda to the stage
      </Button>
      <Text as="p" size={200}>
        Everyone in the meeting sees the agenda and, after the decision, the plan summary. Nothing from the confidential section is shown.
      </Text>
      {state.kind === 'shared' ? (
        <MessageBar intent="success">
          <MessageBarBody>The agenda is on the meeting stage.</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'browser' ? (
        <MessageBar intent="info" data-testid="share-to-stage-browser">
          <MessageBarBody>
            Sharing to the stage works in a Teams meeting. Here you can{' '}
            <Link href={state.url} target="_blank" rel="noreferrer" data-testid="stage-link">
              open the stage view
            </Link>{' '}
            in a new window. The link works until the end of the conference day.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'error' ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
