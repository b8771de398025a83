// POST /users/{id}/teamwork/installedApps → 201 (no body): installs a Teams app in the user's
// personal scope, as Graph does (TeamsAppInstallation.ReadWriteSelfForUser.All lets an app install
// itself). The body is the installation with `teamsApp@odata.bind` naming the catalog app
// (https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}); anything else the metadata's
// userScopeTeamsAppInstallation does not have is refused. Installed already → 409 Conflict.
import { randomUUID } from 'node:crypto';
import { type GraphReply, type GraphRequest, requireObjectBody, requireRole, type SandboxEnv, type SandboxUser } from '../graph-context';
import { badRequest, GraphError, methodNotAllowed, notFound, segmentNotFound } from '../graph-errors';
import { validateBody } from '../graph-metadata';

const CODE = 'BadRequest';
const BIND = 'teamsApp@odata.bind';
const APP_URL = /^https:\/\/graph\.microsoft\.com\/(?:v1\.0|beta)\/appCatalogs\/teamsApps\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export async function handleInstalledApps(env: SandboxEnv, req: GraphRequest, user: SandboxUser, tail: string[]): Promise<GraphReply> {
  const [installedApps, ...rest] = tail;
  if (installedApps !== 'installedApps') throw segmentNotFound(installedApps ?? 'teamwork');
  if (rest.length > 0) throw notFound('The sandbox serves POST /users/{id}/teamwork/installedApps only.');
  if (req.method !== 'POST') throw methodNotAllowed(req.method);
  requireRole(req, ['TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All'], 'teams');
  const body = requireObjectBody(req.body, CODE);
  const { [BIND]: bind, ...installation } = body;
  validateBody(installation, 'userScopeTeamsAppInstallation', { includeUnknownEnumMembers: false, code: CODE });
  if (bind === undefined) throw badRequest(`The '${BIND}' annotation is required: the catalog app to install.`);
  const m = typeof bind === 'string' ? APP_URL.exec(bind) : null;
  if (!m) throw badRequest(`'${BIND}' must be https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}.`);
  const created = await env.store.installApp(user.key, m[1]!.toLowerCase(), randomUUID(), env.now().toISOString());
  if (!created) throw new GraphError(409, 'Conflict', 'App is already installed for this user.');
  return { status: 201 };
}
