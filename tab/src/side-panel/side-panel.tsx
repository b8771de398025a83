// The side panel beside the call (/tab/side-panel?conference=<id>): the live meeting from
// MeetingFeed, shown as the run sheet (chair, clerk), the neutral view (anyone else part of it),
// or the family's guide (not signed in, or not part of it: the API refuses them).
import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { FamilyGuide } from '../family/family-guide';
import { type ApiClient, ApiError } from '../shell/api-client';
import type { TabHost } from '../shell/host';
import { type FeedState, MeetingFeed } from './meeting-feed';
import { NeutralView } from './neutral-view';
import { RunSheetView } from './run-sheet-view';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '640px' },
});

/** Wraps what shows once the first data arrived (the tests and the bench wait for it to be visible). */
function Ready(props: { children: ReactNode }) {
  return (
    <div data-testid="side-panel-ready" style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM }}>
      {props.children}
    </div>
  );
}

/**
 * The conference from ?conference=, else (a side panel saved before its conference was known)
 * from the meeting chat Teams gives; a refusal there means the caller is not part of it.
 */
function useConferenceId(api: ApiClient, host: TabHost, fromQuery: string | null, refused: (e: ApiError) => void): string | null {
  const [id, setId] = useState<string | null>(fromQuery);
  const chatId = host.context.chatId;
  useEffect(() => {
    if (fromQuery || !chatId) return;
    api
      .get<{ conferenceId: string }>(`/meeting-chats/${encodeURIComponent(chatId)}/conference`)
      .then((r) => setId(r.conferenceId))
      .catch((e: unknown) => e instanceof ApiError && refused(e));
  }, [api, chatId, fromQuery, refused]);
  return id;
}

export function SidePanel(props: { host: TabHost; api: ApiClient; conferenceId: string | null }) {
  const styles = useStyles();
  const { api } = props;
  const [state, setState] = useState<FeedState>({ kind: 'loading' });
  const refused = useCallback((error: ApiError) => setState({ kind: 'refused', error }), []);
  const conferenceId = useConferenceId(api, props.host, props.conferenceId, refused);
  const lookingUp = !conferenceId && !!props.host.context.chatId && state.kind === 'loading';
  const feed = useRef<MeetingFeed | null>(null);
  // Made inside the effect: a stopped feed is never started again (React may run effects twice).
  useEffect(() => {
    if (!conferenceId) return;
    const f = new MeetingFeed(api, conferenceId, setState);
    feed.current = f;
    f.start();
    return () => f.stop();
  }, [api, conferenceId]);
  const refresh = useCallback(async () => feed.current?.refresh(), []);

  let body: ReactNode;
  if (lookingUp) {
    body = <Spinner label="Finding this meeting's conference" />;
  } else if (!conferenceId && state.kind !== 'refused') {
    body = (
      <MessageBar intent="error">
        <MessageBarBody>This tab is not linked to a conference. Remove it and add it again from the meeting.</MessageBarBody>
      </MessageBar>
    );
  } else if (state.kind === 'loading') {
    body = <Spinner label="Loading the meeting" />;
  } else if (state.kind === 'refused') {
    body = (
      <Ready>
        <div data-testid="side-panel-family">
          <FamilyGuide />
        </div>
      </Ready>
    );
  } else if (state.kind === 'not-started') {
    body = (
      <Ready>
        <Text as="h1" size={500} weight="semibold">
          The meeting has not started yet
        </Text>
        <Text>This panel fills in when the Teams meeting starts.</Text>
      </Ready>
    );
  } else if (state.kind === 'error') {
    body = (
      <MessageBar intent="error" data-testid="feed-error">
        <MessageBarBody>{state.error.message}</MessageBarBody>
      </MessageBar>
    );
  } else {
    const { view } = state;
    body = (
      <Ready>
        {view.view === 'run-sheet' && view.runSheet ? (
          <RunSheetView sheet={view.runSheet} stageSince={view.stageSince} host={props.host} api={api} refresh={refresh} />
        ) : (
          <NeutralView stageLabel={view.stageLabel} stageSince={view.stageSince} closed={view.stage === 'closed'} />
        )}
        <Text size={100} data-testid="feed-via">
          {state.via === 'stream' ? 'Live' : 'Updating every 2 seconds'}
        </Text>
      </Ready>
    );
  }
  return <main className={styles.root}>{body}</main>;
}
