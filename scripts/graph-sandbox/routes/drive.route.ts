// /drives/{drive-id}/…: a SharePoint document library as Graph serves it, strictly. Items by id
// (root, items/{id}) or by path (root:/a/b.pdf:), folders (POST …/children), simple upload (PUT
// …/content, at most 250 MB), upload sessions (POST …/createUploadSession; the bytes go to the
// uploadUrl: upload-session.route.ts), sharing (POST …/invite, GET/DELETE …/permissions).
// Action bodies are checked against the metadata's bound actions (driveItem/invite,
// driveItem/createUploadSession); unknown parameters or properties → 400 as Graph.
import { randomUUID } from 'node:crypto';
import { type GraphReply, type GraphRequest, isEmail, JSON_CONTENT_TYPE, requireObjectBody, type SandboxDrive, type SandboxEnv } from '../graph-context';
import { GraphError, methodNotAllowed, segmentNotFound } from '../graph-errors';
import { actionParametersOf, validateBody, validateValue } from '../graph-metadata';
import { type DriveItemRow, type DrivePermissionRow, DriveStore, driveItemId } from '../drive-store';

/** Graph: "This method only supports files up to 250 MB in size" (driveItem: put content). */
export const SIMPLE_UPLOAD_MAX_BYTES = 250 * 1024 * 1024;
/** Upload session fragments: multiples of 320 KiB except the last, each under 60 MiB. */
export const UPLOAD_FRAGMENT_MULTIPLE = 320 * 1024;
export const UPLOAD_FRAGMENT_MAX_BYTES = 60 * 1024 * 1024;
export const UPLOAD_SESSION_LIFETIME_MS = 60 * 60_000;
/** The uploadUrl lives outside /v1.0 (in SharePoint it is another host): no token is sent to it. */
export const UPLOAD_URL_PREFIX = '/_api/v2.0/uploadSessions/';

const CONFLICT = 'fail|replace|rename';
const CONFLICT_ANNOTATION = '@microsoft.graph.conflictBehavior';
const SP = { includeUnknownEnumMembers: false, code: 'invalidRequest' } as const;

export const spError = {
  notFound: () => new GraphError(404, 'itemNotFound', 'The resource could not be found.'),
  invalid: (message: string) => new GraphError(400, 'invalidRequest', message),
  conflict: () => new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.'),
  denied: () => new GraphError(403, 'accessDenied', 'Access denied'),
};

/** True for a PUT of file bytes (its body is binary and may be up to 250 MB). */
export function isContentUpload(method: string, path: string): boolean {
  return method === 'PUT' && /^\/v1\.0\/drives\/[^/]+\/.+\/content$/i.test(path);
}

/** Application access: Files.ReadWrite.All / Sites.ReadWrite.All, or Sites.Selected granted on the drive's site. */
function requireDriveAccess(req: GraphRequest, drive: SandboxDrive | undefined): void {
  const roles = Array.isArray(req.claims.roles) ? req.claims.roles : [];
  if (roles.some((r) => r === 'Files.ReadWrite.All' || r === 'Sites.ReadWrite.All' || r === 'Sites.FullControl.All')) return;
  if (roles.includes('Sites.Selected') && drive && (drive.selectedApps ?? []).includes(String(req.claims.appid))) return;
  throw spError.denied();
}

interface Address {
  base: 'root' | { id: string };
  /** Path below the base (root:/a/b.pdf: → ['a', 'b.pdf']), or null when addressed by id. */
  path: string[] | null;
  action: string[];
}

function parseAddress(tail: string[]): Address {
  const joined = tail.join('/');
  const m = /^(root|items\/([^/:]+))(.*)$/.exec(joined);
  if (!m) throw segmentNotFound(tail[0] ?? 'drives');
  const base = m[1] === 'root' ? ('root' as const) : { id: m[2]! };
  let rest = m[3] ?? '';
  let path: string[] | null = null;
  if (rest.startsWith(':')) {
    const pm = /^:\/?([^:]*):?(.*)$/.exec(rest)!;
    path = pm[1]!.split('/').filter(Boolean);
    if (path.length === 0) throw spError.invalid('The path after the colon is empty.');
    if (path.some((p) => /["*:<>?\\|]/.test(p))) throw spError.invalid('The item name contains characters that are not allowed.');
    rest = pm[2] ?? '';
  }
  return { base, path, action: rest.split('/').filter(Boolean) };
}

export interface Target {
  /** The folder the last path segment is in (for a path), or the item's own parent. */
  parent: DriveItemRow | null;
  item: DriveItemRow | undefined;
  /** The last path segment (a new item's name), when addressed by path. */
  name?: string;
}

async function resolveTarget(store: DriveStore, driveId: string, address: Address, now: string): Promise<Target> {
  const base = address.base === 'root' ? await store.root(driveId, now) : await store.item(driveId, address.base.id);
  if (!base) throw spError.notFound();
  if (address.path === null) return { parent: base.parentId ? ((await store.item(driveId, base.parentId)) ?? null) : null, item: base };
  let folder = base;
  for (const segment of address.path.slice(0, -1)) {
    const next = await store.child(driveId, folder.id, segment);
    // Graph does not create missing parents for an upload here: the folder must exist.
    if (!next?.isFolder) throw spError.notFound();
    folder = next;
  }
  if (!folder.isFolder) throw spError.notFound();
  const name = address.path[address.path.length - 1]!;
  return { parent: folder, item: await store.child(driveId, folder.id, name), name };
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
};
/** SharePoint sets the file facet's mimeType from the extension, not the request's Content-Type. */
export const mimeOf = (name: string) => MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

async function pathOf(store: DriveStore, item: DriveItemRow): Promise<string[]> {
  const names: string[] = [];
  for (let p: DriveItemRow | undefined = item; p?.parentId; p = await store.item(p.driveId, p.parentId)) names.unshift(p.name);
  return names;
}

export async function itemJson(env: SandboxEnv, store: DriveStore, item: DriveItemRow): Promise<Record<string, unknown>> {
  const names = await pathOf(store, item);
  const parent = item.parentId ? await store.item(item.driveId, item.parentId) : undefined;
  const parentPath = names.slice(0, -1).map(encodeURIComponent).join('/');
  const childCount = item.isFolder ? (await store.children(item.driveId, item.id)).length : 0;
  return {
    '@odata.context': `${env.graphUrl}/$metadata#drives('${item.driveId}')/items/$entity`,
    id: item.id,
    name: item.name,
    eTag: `"{${item.id}},1"`,
    cTag: `"c:{${item.id}},1"`,
    createdDateTime: item.createdAt,
    lastModifiedDateTime: item.updatedAt,
    size: item.size,
    webUrl: `${env.graphUrl.replace(/\/v1\.0$/, '')}/_sandbox/drives/${item.driveId}/${names.map(encodeURIComponent).join('/')}`,
    parentReference: parent
      ? { driveId: item.driveId, driveType: 'documentLibrary', id: parent.id, path: `/drives/${item.driveId}/root:${parentPath ? `/${parentPath}` : ''}` }
      : { driveId: item.driveId, driveType: 'documentLibrary' },
    ...(item.parentId === null ? { root: {} } : {}),
    ...(item.isFolder ? { folder: { childCount } } : { file: { mimeType: item.mimeType ?? mimeOf(item.name) } }),
  };
}

function permissionJson(p: DrivePermissionRow): Record<string, unknown> {
  const user = { ...(p.objectId ? { id: p.objectId } : {}), ...(p.email ? { email: p.email } : {}), displayName: p.email ?? p.objectId ?? '' };
  return {
    id: p.id,
    roles: p.roles,
    ...(p.expiration ? { expirationDateTime: p.expiration } : {}),
    grantedToV2: { user },
    invitation: { ...(p.email ? { email: p.email } : {}), signInRequired: p.signInRequired },
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): GraphReply => ({
  status,
  headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
  body,
});

/** An unused name for `rename`: "report 1.pdf", "report 2.pdf", … */
async function freeName(store: DriveStore, driveId: string, parentId: string, name: string): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!(await store.child(driveId, parentId, candidate))) return candidate;
  }
}

/** Writes a file into `parent` under `name` with the conflict behaviour; 201 new, 200 replaced. */
export async function writeFile(
  env: SandboxEnv,
  store: DriveStore,
  driveId: string,
  parent: DriveItemRow,
  name: string,
  existing: DriveItemRow | undefined,
  content: Buffer,
  conflict: string,
): Promise<GraphReply> {
  const now = env.now().toISOString();
  if (existing && conflict === 'fail') throw spError.conflict();
  if (existing && conflict === 'replace') {
    if (existing.isFolder) throw spError.conflict();
    await store.replaceContent(existing.id, content, mimeOf(existing.name), now);
    return json(200, await itemJson(env, store, (await store.item(driveId, existing.id))!));
  }
  const finalName = existing ? await freeName(store, driveId, parent.id, name) : name;
  const created = await store.insertItem(
    { id: driveItemId(), driveId, parentId: parent.id, name: finalName, isFolder: false, size: content.length, mimeType: mimeOf(finalName) },
    content,
    now,
  );
  return json(201, await itemJson(env, store, created));
}

function conflictOf(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !CONFLICT.split('|').includes(value)) {
    throw spError.invalid(`Cannot convert the literal '${String(value)}' to the expected conflict behavior (${CONFLICT.replaceAll('|', ', ')}).`);
  }
  return value;
}

/** An action body: parameters matched case-insensitively (OData), anything else refused, each value typed. */
function actionBody(req: GraphRequest, action: string, operation: string): Record<string, unknown> {
  if (req.body === undefined) return {};
  const body = requireObjectBody(req.body, 'invalidRequest');
  const params = actionParametersOf(action);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const canonical = Object.keys(params).find((p) => p.toLowerCase() === key.toLowerCase());
    if (!canonical) throw spError.invalid(`The parameter '${key}' in the request payload is not a valid parameter for the operation '${operation}'.`);
    out[canonical] = value;
  }
  return out;
}

export async function handleDrive(env: SandboxEnv, req: GraphRequest, rest: string[]): Promise<GraphReply> {
  const [driveId, ...tail] = rest;
  const drive = env.drives.find((d) => d.id === driveId);
  requireDriveAccess(req, drive);
  if (!drive || driveId === undefined) throw spError.notFound();
  if (tail.length === 0) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method);
    return json(200, { '@odata.context': `${env.graphUrl}/$metadata#drives/$entity`, id: drive.id, name: drive.name ?? 'Documents', driveType: 'documentLibrary' });
  }
  const store = new DriveStore(env.store.db);
  const address = parseAddress(tail);
  const now = env.now().toISOString();
  const target = await resolveTarget(store, drive.id, address, now);
  const [action, sub, ...more] = address.action;
  if (more.length > 0) throw segmentNotFound(more[0]!);

  switch (action) {
    case undefined:
      if (sub !== undefined) throw segmentNotFound(sub);
      if (!target.item) throw spError.notFound();
      if (req.method === 'GET') return json(200, await itemJson(env, store, target.item));
      if (req.method === 'DELETE') {
        if (target.item.parentId === null) throw spError.invalid('The root folder cannot be deleted.');
        await store.deleteItem(drive.id, target.item.id);
        return { status: 204, headers: {} };
      }
      throw methodNotAllowed(req.method);
    case 'content':
      return content(env, store, drive.id, req, target);
    case 'children':
      return children(env, store, drive.id, req, target);
    case 'createUploadSession':
      return createUploadSession(env, store, drive.id, req, target);
    case 'invite':
      return invite(env, store, drive.id, req, target);
    case 'permissions':
      return permissions(store, req, target, sub);
    default:
      throw segmentNotFound(action);
  }
}

async function content(env: SandboxEnv, store: DriveStore, driveId: string, req: GraphRequest, target: Target): Promise<GraphReply> {
  if (req.method === 'GET') {
    if (!target.item || target.item.isFolder) throw spError.notFound();
    return { status: 200, headers: { 'Content-Type': target.item.mimeType ?? 'application/octet-stream' }, body: await store.content(target.item.id) };
  }
  if (req.method !== 'PUT') throw methodNotAllowed(req.method);
  const bytes = req.raw ?? Buffer.alloc(0);
  const conflict = conflictOf(req.query.get(CONFLICT_ANNOTATION) ?? undefined, 'replace');
  if (target.name === undefined) {
    // items/{id}/content: replaces that file's content.
    if (!target.item || target.item.isFolder || !target.parent) throw spError.invalid('PUT …/content by id needs an existing file; address a new one by path.');
    return writeFile(env, store, driveId, target.parent, target.item.name, target.item, bytes, 'replace');
  }
  return writeFile(env, store, driveId, target.parent!, target.name, target.item, bytes, conflict);
}

async function children(env: SandboxEnv, store: DriveStore, driveId: string, req: GraphRequest, target: Target): Promise<GraphReply> {
  const folder = target.item;
  if (!folder?.isFolder) throw spError.notFound();
  if (req.method === 'GET') {
    const items = await store.children(driveId, folder.id);
    return json(200, { '@odata.context': `${env.graphUrl}/$metadata#drives('${driveId}')/items`, value: await Promise.all(items.map((i) => itemJson(env, store, i))) });
  }
  if (req.method !== 'POST') throw methodNotAllowed(req.method);
  const body = { ...requireObjectBody(req.body, 'invalidRequest') };
  const conflict = conflictOf(body[CONFLICT_ANNOTATION], 'fail');
  delete body[CONFLICT_ANNOTATION];
  validateBody(body, 'driveItem', SP);
  if (typeof body.name !== 'string' || body.name.trim() === '' || /["*:<>?/\\|]/.test(body.name)) throw spError.invalid('A valid name is required.');
  if (body.folder === undefined || body.file !== undefined) throw spError.invalid('Only folders are created here: send "folder": {} (files are uploaded with PUT …/content).');
  const existing = await store.child(driveId, folder.id, body.name);
  if (existing && (conflict === 'fail' || (conflict === 'replace' && !existing.isFolder))) throw spError.conflict();
  if (existing && conflict === 'replace') return json(200, await itemJson(env, store, existing));
  const name = existing ? await freeName(store, driveId, folder.id, body.name) : body.name;
  const created = await store.insertItem({ id: driveItemId(), driveId, parentId: folder.id, name, isFolder: true, size: 0, mimeType: null }, null, env.now().toISOString());
  return json(201, await itemJson(env, store, created));
}

async function createUploadSession(env: SandboxEnv, store: DriveStore, driveId: string, req: GraphRequest, target: Target): Promise<GraphReply> {
  if (req.method !== 'POST') throw methodNotAllowed(req.method);
  const params = actionBody(req, 'graph.driveItem/createUploadSession', 'createUploadSession');
  let conflict = 'replace';
  let fileSize: number | null = null;
  if (params.item !== undefined) {
    const item = { ...requireObjectBody(params.item, 'invalidRequest') };
    conflict = conflictOf(item[CONFLICT_ANNOTATION], 'replace');
    delete item[CONFLICT_ANNOTATION];
    validateValue(item, 'graph.driveItemUploadableProperties', SP);
    if (item.fileSize !== undefined) fileSize = Number(item.fileSize);
    if (fileSize !== null && fileSize < 0) throw spError.invalid('fileSize must not be negative.');
  }
  let parent: DriveItemRow;
  let name: string;
  if (target.name === undefined) {
    if (!target.item || target.item.isFolder || !target.parent) throw spError.invalid('An upload session by id needs an existing file; address a new one by path.');
    parent = target.parent;
    name = target.item.name;
  } else {
    parent = target.parent!;
    name = target.name;
    if (target.item && conflict === 'fail') throw spError.conflict();
  }
  const id = randomUUID();
  const expiresAt = new Date(env.now().getTime() + UPLOAD_SESSION_LIFETIME_MS).toISOString();
  await store.insertSession({ id, driveId, parentId: parent.id, name, conflict, fileSize, received: 0, expiresAt }, env.now().toISOString());
  const origin = env.graphUrl.replace(/\/v1\.0$/, '');
  return json(200, {
    '@odata.context': `${env.graphUrl}/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${origin}${UPLOAD_URL_PREFIX}${id}`,
    expirationDateTime: expiresAt,
    nextExpectedRanges: ['0-'],
  });
}

const INVITE_ROLES = ['read', 'write'];

async function invite(env: SandboxEnv, store: DriveStore, driveId: string, req: GraphRequest, target: Target): Promise<GraphReply> {
  if (req.method !== 'POST') throw methodNotAllowed(req.method);
  const item = target.item;
  if (!item) throw spError.notFound();
  if (item.parentId === null) throw spError.invalid('Permissions cannot be granted on the root folder here.');
  if (req.body === undefined) throw spError.invalid('Empty Payload. JSON content expected.');
  const params = actionBody(req, 'graph.driveItem/invite', 'invite');
  const types = actionParametersOf('graph.driveItem/invite');
  for (const [k, v] of Object.entries(params)) validateValue(v, types[k]!, SP);
  const recipients = params.recipients as { email?: string; objectId?: string; alias?: string }[] | undefined;
  if (!recipients || recipients.length === 0) throw spError.invalid('At least one recipient is required.');
  for (const r of recipients) {
    if (!r.email && !r.objectId && !r.alias) throw spError.invalid('Each recipient needs an email, objectId or alias.');
    if (r.email !== undefined && !isEmail(r.email)) throw spError.invalid('A recipient email address is not valid.');
  }
  const roles = params.roles as string[] | undefined;
  if (!roles || roles.length === 0) throw spError.invalid('At least one role is required.');
  for (const role of roles) if (!INVITE_ROLES.includes(role)) throw spError.invalid(`The role '${role}' is not valid for an invitation (read, write).`);
  if (params.requireSignIn !== true && params.sendInvitation !== true) throw spError.invalid('At least one of requireSignIn or sendInvitation must be true.');
  if (params.password !== undefined) throw spError.invalid('A password can be set only on OneDrive personal; this is a document library.');
  if (typeof params.message === 'string' && params.message.length > 2000) throw spError.invalid('The message is longer than 2000 characters.');
  let expiration: string | null = null;
  if (params.expirationDateTime !== undefined) {
    const text = String(params.expirationDateTime);
    const at = Date.parse(text);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(at)) {
      throw spError.invalid(`The expirationDateTime '${text}' is not a valid date and time.`);
    }
    if (at <= env.now().getTime()) throw spError.invalid('The expirationDateTime must be in the future.');
    expiration = new Date(at).toISOString();
  }
  const existing = await store.permissions(item.id);
  const out: DrivePermissionRow[] = [];
  for (const r of recipients) {
    const email = r.email?.toLowerCase() ?? r.alias?.toLowerCase() ?? null;
    const objectId = r.objectId?.toLowerCase() ?? null;
    // One permission per person on an item: inviting them again updates it, as SharePoint does.
    const same = existing.find((p) => (email !== null && p.email === email) || (objectId !== null && p.objectId === objectId));
    if (same) {
      const merged = [...new Set([...same.roles, ...roles])];
      await store.updatePermission(same.id, merged, expiration);
      out.push({ ...same, roles: merged, expiration });
      continue;
    }
    const p: DrivePermissionRow = {
      id: randomUUID().replace(/-/g, '').slice(0, 24),
      driveId,
      itemId: item.id,
      roles: [...roles],
      email,
      objectId,
      expiration,
      signInRequired: params.requireSignIn === true,
      invitationSent: params.sendInvitation === true,
    };
    await store.insertPermission(p, env.now().toISOString());
    out.push(p);
  }
  return json(200, { '@odata.context': `${env.graphUrl}/$metadata#Collection(microsoft.graph.permission)`, value: out.map(permissionJson) });
}

async function permissions(store: DriveStore, req: GraphRequest, target: Target, permissionId: string | undefined): Promise<GraphReply> {
  const item = target.item;
  if (!item) throw spError.notFound();
  const all = await store.permissions(item.id);
  if (permissionId === undefined) {
    if (req.method !== 'GET') throw methodNotAllowed(req.method);
    return json(200, { value: all.map(permissionJson) });
  }
  if (req.method === 'GET') {
    const found = all.find((p) => p.id === permissionId);
    if (!found) throw spError.notFound();
    return json(200, permissionJson(found));
  }
  if (req.method !== 'DELETE') throw methodNotAllowed(req.method);
  if (!(await store.deletePermission(item.id, permissionId))) throw spError.notFound();
  return { status: 204, headers: {} };
}
