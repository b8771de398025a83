// /tab/config: the configurable tab's set-up page, shown when the tab is added to a meeting. It
// finds the conference of this meeting's chat (GET /api/v1/meeting-chats/:chatId/conference) and
// saves the side panel's address with it, so the chair's run sheet opens on the right conference.
// Outside Teams it says so; with ?chatId= and a local sign-in it shows what it would save.
import { MessageBar, MessageBarBody, Spinner, Text, Title2 } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shell/api-client';
import { LocalSignIn } from '../../shell/local-sign-in';
import { mountPage, type PageContext } from '../../shell/mount-page';

type Lookup = { state: 'looking' } | { state: 'found'; conferenceId: string } | { state: 'none'; message: string };

/** The side panel's address for a conference (no names: the id only). */
export function sidePanelUrl(origin: string, conferenceId: string | null): string {
  return conferenceId ? `${origin}/tab/side-panel?conference=${encodeURIComponent(conferenceId)}` : `${origin}/tab/side-panel`;
}

function ConfigPage({ ctx }: { ctx: PageContext }) {
  const inTeams = ctx.host.kind === 'teams';
  const chatId = ctx.host.context.chatId ?? ctx.query.get('chatId') ?? null;
  const canAsk = chatId !== null && (inTeams || ctx.session.userId !== null);
  const [lookup, setLookup] = useState<Lookup>(canAsk ? { state: 'looking' } : { state: 'none', message: '' });

  useEffect(() => {
    if (!canAsk || !chatId) return;
    ctx.api
      .get<{ conferenceId: string }>(`/meeting-chats/${encodeURIComponent(chatId)}/conference`)
      .then((a) => setLookup({ state: 'found', conferenceId: a.conferenceId }))
      .catch((err: unknown) =>
        setLookup({
          state: 'none',
          message: err instanceof ApiError && err.status === 404 ? 'This meeting is not a conference booked in the app, or you are not part of it.' : err instanceof Error ? err.message : String(err),
        }),
      );
  }, [canAsk, chatId, ctx.api]);

  const conferenceId = lookup.state === 'found' ? lookup.conferenceId : null;
  const needsLocalSignIn = !inTeams && chatId !== null && ctx.session.userId === null;
  useEffect(() => {
    if (!inTeams || lookup.state === 'looking') return;
    pages.config.registerOnSaveHandler((save) => {
      const url = sidePanelUrl(location.origin, conferenceId);
      pages.config
        .setConfig({ entityId: conferenceId ? `conference-${conferenceId}` : 'conference', contentUrl: url, websiteUrl: url, suggestedDisplayName: 'Conference' })
        .then(() => save.notifySuccess())
        .catch((err: Error) => save.notifyFailure(err.message));
    });
    pages.config.setValidityState(true);
  }, [inTeams, lookup.state, conferenceId]);

  // In a plain browser the look-up needs someone signed in; the choice is kept for the session, so a reload uses it.
  if (needsLocalSignIn) return <LocalSignIn onSignedIn={() => location.reload()} />;
  return (
    <main style={{ padding: 24, display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 720 }} data-testid="config-page">
      <Title2 as="h1">Add the conference tab</Title2>
      {lookup.state === 'looking' && <Spinner size="small" label="Finding the conference for this meeting" />}
      {lookup.state === 'found' && (
        <Text as="p" data-testid="config-found" data-conference-id={lookup.conferenceId}>
          This meeting is a conference in the app. {inTeams ? 'Select Save.' : 'In Teams, Save would add it.'} The chair will see the run sheet beside the call; everyone else
          sees a short guide to the meeting.
        </Text>
      )}
      {lookup.state === 'none' && lookup.message && (
        <MessageBar intent="warning" data-testid="config-not-found">
          <MessageBarBody>{lookup.message} The tab can still be added: it will ask which conference when it opens.</MessageBarBody>
        </MessageBar>
      )}
      {lookup.state === 'none' && !lookup.message && (
        <Text as="p">
          {inTeams
            ? 'Select Save. The chair will see the run sheet beside the call; everyone else sees a short guide to the meeting.'
            : 'This page is shown by Teams when the app is added to a meeting. Open it from a Teams meeting to add the conference tab.'}
        </Text>
      )}
      {!inTeams && conferenceId && (
        <Text as="p" data-testid="config-content-url">
          Side panel address: {sidePanelUrl(location.origin, conferenceId)}
        </Text>
      )}
    </main>
  );
}

mountPage((ctx) => <ConfigPage ctx={ctx} />, { signIn: 'none' });
