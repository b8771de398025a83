// Installs the bot's Teams app in one person's personal scope (Graph
// POST /users/{id}/teamwork/installedApps, TeamsAppInstallation.ReadWriteSelfForUser.All), so
// that the bot can open a 1:1 chat with them for a proactive card. Already installed (409) is
// success; a person Graph cannot install for (outside the tenant, app blocked: 403/404) has no chat.
import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { ChatNotifierError } from '../../app/ports/chat-notifier.port';

/** The catalog id is Graph's own; the bind URL always names graph.microsoft.com (an OData reference). */
export class GraphTeamsAppInstaller {
  constructor(
    private readonly client: Client,
    private readonly teamsAppCatalogId: string,
  ) {}

  async install(personId: string): Promise<void> {
    try {
      await this.client
        .api(`/users/${encodeURIComponent(personId)}/teamwork/installedApps`)
        .post({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${this.teamsAppCatalogId}` });
    } catch (err) {
      const status = err instanceof GraphError ? err.statusCode : undefined;
      if (status === 409) return;
      if (status === 400 || status === 403 || status === 404) throw new ChatNotifierError('NOTIFY.NO_CONVERSATION', `Graph could not install the app for this person (${status})`);
      throw new ChatNotifierError('NOTIFY.UNAVAILABLE', `Graph did not install the app${status ? ` (${status})` : ''}`);
    }
  }
}
