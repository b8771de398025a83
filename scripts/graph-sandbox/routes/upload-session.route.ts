// The uploadUrl of an upload session (createUploadSession in drive.route.ts): pre-authenticated,
// so a request carrying a token is refused; PUT with Content-Range fragments in order, each a
// multiple of 320 KiB except the last (Graph: "upload large files with an upload session");
// GET reads the session's state, DELETE cancels it.
import { type GraphReply, JSON_CONTENT_TYPE, type SandboxEnv } from '../graph-context';
import { GraphError, methodNotAllowed } from '../graph-errors';
import { DriveStore } from '../drive-store';
import { spError, UPLOAD_FRAGMENT_MULTIPLE, UPLOAD_SESSION_LIFETIME_MS, writeFile } from './drive.route';

const json = (status: number, body: unknown): GraphReply => ({ status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body });

export async function handleUploadUrl(env: SandboxEnv, method: string, sessionId: string, headers: Record<string, string>, raw: Buffer): Promise<GraphReply> {
  if (headers.authorization !== undefined) {
    throw new GraphError(401, 'unauthenticated', 'The uploadUrl is pre-authenticated: send no Authorization header to it.');
  }
  return env.transaction(async (sandboxStore) => {
    const store = new DriveStore(sandboxStore.db);
    const session = await store.session(sessionId);
    const now = env.now();
    if (!session || Date.parse(session.expiresAt) <= now.getTime()) throw new GraphError(404, 'itemNotFound', 'The upload session was not found or has expired.');
    const status = { expirationDateTime: session.expiresAt, nextExpectedRanges: [`${session.received}-`] };
    if (method === 'GET') return json(200, status);
    if (method === 'DELETE') {
      await store.deleteSession(sessionId);
      return { status: 204, headers: {} };
    }
    if (method !== 'PUT') throw methodNotAllowed(method);

    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(headers['content-range'] ?? '');
    if (!range) throw spError.invalid('The Content-Range header is missing or malformed (expected "bytes {start}-{end}/{total}").');
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (end < start || end >= total) throw spError.invalid('The Content-Range is not a valid range of the file.');
    if (raw.length !== end - start + 1) throw spError.invalid('The request body length does not match the Content-Range.');
    if (session.fileSize !== null && total !== session.fileSize) throw spError.invalid(`The total size ${total} does not match the fileSize given for the session.`);
    if (start !== session.received) {
      throw new GraphError(416, 'invalidRange', `The fragment does not continue the upload: the next expected range is ${session.received}-.`);
    }
    const last = end + 1 === total;
    if (!last && raw.length % UPLOAD_FRAGMENT_MULTIPLE !== 0) {
      throw spError.invalid(`Fragments other than the last must be a multiple of 320 KiB (${UPLOAD_FRAGMENT_MULTIPLE} bytes).`);
    }
    const content = Buffer.concat([session.content, raw]);
    const expiresAt = new Date(now.getTime() + UPLOAD_SESSION_LIFETIME_MS).toISOString();
    if (!last) {
      await store.appendToSession(sessionId, content, total, expiresAt);
      return json(202, { expirationDateTime: expiresAt, nextExpectedRanges: [`${end + 1}-`] });
    }
    const parent = await store.item(session.driveId, session.parentId);
    if (!parent) throw spError.notFound();
    const existing = await store.child(session.driveId, parent.id, session.name);
    const reply = await writeFile({ ...env, store: sandboxStore }, store, session.driveId, parent, session.name, existing, content, session.conflict);
    await store.deleteSession(sessionId);
    return reply;
  });
}
