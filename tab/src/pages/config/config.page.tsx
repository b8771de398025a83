// /tab/config: the configurable tab's set-up page, shown when the tab is added to a meeting. It
// saves the side panel and stage addresses for this meeting's chat. Outside Teams it says so.
import { Text, Title2 } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useEffect } from 'react';
import { mountPage } from '../../shell/mount-page';

function ConfigPage(props: { inTeams: boolean }) {
  useEffect(() => {
    if (!props.inTeams) return;
    pages.config.registerOnSaveHandler((save) => {
      const base = `${location.origin}/tab/side-panel`;
      pages.config
        .setConfig({ entityId: 'conference', contentUrl: base, websiteUrl: base, suggestedDisplayName: 'Conference' })
        .then(() => save.notifySuccess())
        .catch((err: Error) => save.notifyFailure(err.message));
    });
    pages.config.setValidityState(true);
  }, [props.inTeams]);
  return (
    <main style={{ padding: 24 }}>
      <Title2 as="h1">Add the conference tab</Title2>
      <Text as="p">Select Save. The chair will see the run sheet beside the call; everyone else sees a short guide to the meeting.</Text>
    </main>
  );
}

mountPage(({ host }) => <ConfigPage inTeams={host.kind === 'teams'} />, { signIn: 'none' });
