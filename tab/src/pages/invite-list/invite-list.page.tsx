// /tab/invite-list?conference=<id>: the invite list form alone, as the Teams dialog the invite
// list card's "Open the full form" opens (task/fetch), and usable in a plain browser too.
import { MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import { InviteListForm } from '../../forms/invite-list-form';
import { mountPage } from '../../shell/mount-page';

mountPage(
  (ctx) => {
    const conferenceId = ctx.query.get('conference') ?? '';
    return (
      <main style={{ padding: 24 }} data-testid="invite-list-page">
        <Title2 as="h1">Invite list</Title2>
        {conferenceId ? (
          <InviteListForm api={ctx.api} conferenceId={conferenceId} heading={false} />
        ) : (
          <MessageBar intent="error">
            <MessageBarBody>No conference was given. Open the invite list from its card or from the conference page.</MessageBarBody>
          </MessageBar>
        )}
      </main>
    );
  },
  { signIn: 'required' },
);
