// The sandbox's document library: folders, simple upload (≤ 250 MB), upload sessions with strict
// Content-Range fragments, invite/permissions validated against the metadata's bound actions.
import { request } from 'node:http';
import { DriveStore } from '../../scripts/graph-sandbox/drive-store';
import { DEFAULT_CLIENT, DEFAULT_DRIVE } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { BACKENDS } from '../store/backends';
import { type Json, type Kit, startKit } from './helpers/sandbox-test-kit';

const D = `/drives/${encodeURIComponent(DEFAULT_DRIVE.id)}`;
const KIB320 = 320 * 1024;

// On PGlite always; on PostgreSQL too under scripts/with-postgres.sh (bytea, FOR UPDATE, the name index).
const BACKEND = BACKENDS[BACKENDS.length - 1]!;
let kit: Kit;
let token: string;
let dropDb: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  const fresh = await BACKEND.fresh();
  dropDb = fresh.drop;
  kit = await startKit({
    clients: [
      { ...DEFAULT_CLIENT, roles: ['Sites.Selected'] },
      { clientId: 'c11e0000-0000-4000-8000-000000000002', clientSecret: 's2', roles: ['Mail.Send'] },
      { clientId: 'c11e0000-0000-4000-8000-000000000003', clientSecret: 's3', roles: ['Sites.Selected'] },
      { clientId: 'c11e0000-0000-4000-8000-000000000004', clientSecret: 's4', roles: ['Files.ReadWrite.All'] },
    ],
  }, fresh.db);
  token = await kit.token();
});
afterAll(async () => {
  await kit.stop();
  await kit.db.close();
  await dropDb();
});

async function put(path: string, bytes: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; json: Json }> {
  const r = await fetch(`${kit.sandbox.graphUrl}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', ...headers }, body: bytes });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined };
}

async function putRange(url: string, bytes: Buffer, range: string, headers: Record<string, string> = {}): Promise<{ status: number; json: Json }> {
  const r = await fetch(url, { method: 'PUT', headers: { 'content-range': range, ...headers }, body: bytes });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined };
}

const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(Math.max(0, n - 9), 0x41)]);

describe('folders', () => {
  it('creates a folder under root, refuses a duplicate name (fail is the default) and renames on request', async () => {
    const made = await kit.call('POST', `${D}/root/children`, { name: 'CP-2026-0001', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ name: 'CP-2026-0001', folder: { childCount: 0 }, parentReference: { driveId: DEFAULT_DRIVE.id } });
    const again = await kit.call('POST', `${D}/root/children`, { name: 'cp-2026-0001', folder: {} });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('nameAlreadyExists');
    const renamed = await kit.call('POST', `${D}/root/children`, { name: 'CP-2026-0001', folder: {}, '@microsoft.graph.conflictBehavior': 'rename' });
    expect(renamed.status).toBe(201);
    expect(renamed.json.name).toBe('CP-2026-0001 1');
    const nested = await kit.call('POST', `${D}/root:/CP-2026-0001:/children`, { name: 'inner', folder: {} });
    expect(nested.status).toBe(201);
    expect(nested.json.parentReference.path).toBe(`/drives/${DEFAULT_DRIVE.id}/root:/CP-2026-0001`);
  });

  it('refuses a property driveItem does not have, a bad conflict behaviour and a file body', async () => {
    const unknown = await kit.call('POST', `${D}/root/children`, { name: 'X', folder: {}, colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("'colour' does not exist on type 'microsoft.graph.driveItem'");
    expect((await kit.call('POST', `${D}/root/children`, { name: 'X', folder: {}, '@microsoft.graph.conflictBehavior': 'overwrite' })).status).toBe(400);
    expect((await kit.call('POST', `${D}/root/children`, { name: 'X', file: {} })).status).toBe(400);
  });
});

describe('simple upload', () => {
  it('creates (201), reads back, replaces (200), refuses with conflictBehavior=fail (409) and needs the parent folder (404)', async () => {
    await kit.call('POST', `${D}/root/children`, { name: 'CP-2026-0002', folder: {} });
    const created = await put(`${D}/root:/CP-2026-0002/report.pdf:/content`, pdf(100));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'report.pdf', size: 100, file: { mimeType: 'application/pdf' } });
    const read = await fetch(`${kit.sandbox.graphUrl}${D}/items/${created.json.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await read.arrayBuffer())).toEqual(pdf(100));
    const replaced = await put(`${D}/root:/CP-2026-0002/report.pdf:/content`, pdf(50));
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ id: created.json.id, size: 50 });
    const refused = await put(`${D}/root:/CP-2026-0002/report.pdf:/content?@microsoft.graph.conflictBehavior=fail`, pdf(10));
    expect(refused.status).toBe(409);
    expect((await put(`${D}/root:/NO-SUCH-FOLDER/report.pdf:/content`, pdf(10))).status).toBe(404);
    const byParentId = await put(`${D}/items/${created.json.parentReference.id}:/second.pdf:/content`, pdf(20));
    expect(byParentId.status).toBe(201);
  });

  it('refuses a body declared over 250 MB with 413 without reading it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${kit.sandbox.graphUrl}${D}/root:/big.pdf:/content`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'content-length': String(250 * 1024 * 1024 + 1) },
      }, (res) => {
        let body = '';
        res.on('data', (c) => { body += c; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toContain('upload session');
  });
});

describe('upload sessions', () => {
  const session = (path: string, body?: unknown) => kit.call('POST', `${D}/root:/${path}:/createUploadSession`, body);

  it('validates the body against the action and the item against driveItemUploadableProperties', async () => {
    expect((await session('a.pdf', { item: { name: 'a.pdf', colour: 'red' } })).status).toBe(400);
    const param = await session('a.pdf', { deferCommit: true });
    expect(param.status).toBe(400);
    expect(param.json.error.message).toContain("'deferCommit'");
    expect((await session('a.pdf', { item: { '@microsoft.graph.conflictBehavior': 'sometimes' } })).status).toBe(400);
    expect((await session('a.pdf', { item: { fileSize: 'big' } })).status).toBe(400);
  });

  it('takes fragments in order, multiples of 320 KiB but the last; 416 for a gap; 401 with a token; 201 at the end', async () => {
    await kit.call('POST', `${D}/root/children`, { name: 'CP-2026-0003', folder: {} });
    const total = KIB320 * 2 + 1000;
    const bytes = pdf(total);
    const s = await session('CP-2026-0003/large.pdf', { item: { '@microsoft.graph.conflictBehavior': 'fail', name: 'large.pdf', fileSize: total } });
    expect(s.status).toBe(200);
    expect(s.json.nextExpectedRanges).toEqual(['0-']);
    const url = s.json.uploadUrl as string;
    expect(url.startsWith(kit.sandbox.url)).toBe(true);
    expect(url).not.toContain('/v1.0/');

    const withToken = await putRange(url, bytes.subarray(0, KIB320), `bytes 0-${KIB320 - 1}/${total}`, { authorization: `Bearer ${token}` });
    expect(withToken.status).toBe(401);
    const odd = await putRange(url, bytes.subarray(0, 1000), `bytes 0-999/${total}`);
    expect(odd.status).toBe(400);
    expect(odd.json.error.message).toContain('320 KiB');
    const gap = await putRange(url, bytes.subarray(KIB320, KIB320 * 2), `bytes ${KIB320}-${KIB320 * 2 - 1}/${total}`);
    expect(gap.status).toBe(416);
    expect((await putRange(url, bytes.subarray(0, KIB320), `bytes 0-${KIB320}/${total}`)).status).toBe(400); // length ≠ range
    expect((await putRange(url, bytes.subarray(0, KIB320), `bytes 0-${KIB320 - 1}/${total + 1}`)).status).toBe(400); // total ≠ fileSize
    expect((await putRange(url, bytes.subarray(0, KIB320), 'bytes=0-100')).status).toBe(400);

    const first = await putRange(url, bytes.subarray(0, KIB320), `bytes 0-${KIB320 - 1}/${total}`);
    expect(first.status).toBe(202);
    expect(first.json.nextExpectedRanges).toEqual([`${KIB320}-`]);
    const overlap = await putRange(url, bytes.subarray(0, KIB320), `bytes 0-${KIB320 - 1}/${total}`);
    expect(overlap.status).toBe(416);
    const status = await fetch(url);
    expect(((await status.json()) as Json).nextExpectedRanges).toEqual([`${KIB320}-`]);
    const rest = await putRange(url, bytes.subarray(KIB320), `bytes ${KIB320}-${total - 1}/${total}`);
    expect(rest.status).toBe(201);
    expect(rest.json).toMatchObject({ name: 'large.pdf', size: total });
    const stored = await new DriveStore(kit.db).content(rest.json.id);
    expect(stored).toEqual(bytes);
    expect((await fetch(url)).status).toBe(404);

    const clash = await session('CP-2026-0003/large.pdf', { item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    expect(clash.status).toBe(409);
  });

  it('cancels with DELETE on the uploadUrl', async () => {
    const s = await session('cancel-me.pdf');
    expect((await fetch(s.json.uploadUrl, { method: 'DELETE' })).status).toBe(204);
    expect((await putRange(s.json.uploadUrl, pdf(10), 'bytes 0-9/10')).status).toBe(404);
  });
});

describe('invite and permissions', () => {
  let itemId: string;
  beforeAll(async () => {
    await kit.call('POST', `${D}/root/children`, { name: 'CP-2026-0004', folder: {} });
    itemId = (await put(`${D}/root:/CP-2026-0004/r.pdf:/content`, pdf(30))).json.id;
  });
  const future = () => new Date(Date.now() + 86_400_000).toISOString();
  const invite = (body: unknown) => kit.call('POST', `${D}/items/${itemId}/invite`, body);
  const ok = () => ({ recipients: [{ email: 'reader@council.example' }], roles: ['read'], requireSignIn: true, sendInvitation: false, expirationDateTime: future() });

  it('refuses unknown parameters, bad roles, past expiry, no recipients, both flags false, a password, a mistyped value', async () => {
    const unknown = await invite({ ...ok(), notify: true });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("'notify'");
    expect((await invite({ ...ok(), roles: ['owner'] })).status).toBe(400);
    expect((await invite({ ...ok(), expirationDateTime: '2020-01-01T00:00:00Z' })).status).toBe(400);
    expect((await invite({ ...ok(), expirationDateTime: 'tomorrow' })).status).toBe(400);
    expect((await invite({ ...ok(), recipients: [] })).status).toBe(400);
    expect((await invite({ ...ok(), recipients: [{ email: 'nobody' }] })).status).toBe(400);
    expect((await invite({ ...ok(), recipients: [{ name: 'x' }] })).status).toBe(400);
    expect((await invite({ ...ok(), requireSignIn: false, sendInvitation: false })).status).toBe(400);
    expect((await invite({ ...ok(), password: 'p' })).status).toBe(400);
    expect((await invite({ ...ok(), requireSignIn: 'yes' })).status).toBe(400);
    expect(await new DriveStore(kit.db).permissions(itemId)).toEqual([]);
  });

  it('grants one permission per person (a repeat returns it), lists and deletes it (204, then 404)', async () => {
    const first = await invite(ok());
    expect(first.status).toBe(200);
    expect(first.json.value).toHaveLength(1);
    const p = first.json.value[0];
    expect(p).toMatchObject({ roles: ['read'], grantedToV2: { user: { email: 'reader@council.example' } }, invitation: { signInRequired: true } });
    expect(Date.parse(p.expirationDateTime)).toBeGreaterThan(Date.now());
    const again = await invite({ ...ok(), recipients: [{ email: 'Reader@Council.example' }] });
    expect(again.json.value[0].id).toBe(p.id);
    const list = await kit.call('GET', `${D}/items/${itemId}/permissions`);
    expect(list.json.value.map((x: Json) => x.id)).toEqual([p.id]);
    expect((await kit.call('DELETE', `${D}/items/${itemId}/permissions/${p.id}`)).status).toBe(204);
    const gone = await kit.call('DELETE', `${D}/items/${itemId}/permissions/${p.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('itemNotFound');
  });
});

describe('application permissions', () => {
  const as = async (clientId: string, secret: string) => kit.token(undefined, { clientId, clientSecret: secret });
  it('403 without a Files/Sites role or when Sites.Selected is not granted on the drive; Files.ReadWrite.All works; unknown drive 404', async () => {
    const mailOnly = await as('c11e0000-0000-4000-8000-000000000002', 's2');
    expect((await kit.call('GET', `${D}/root/children`, undefined, { authorization: `Bearer ${mailOnly}` })).status).toBe(403);
    const notGranted = await as('c11e0000-0000-4000-8000-000000000003', 's3');
    const denied = await kit.call('GET', `${D}/root/children`, undefined, { authorization: `Bearer ${notGranted}` });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('accessDenied');
    const files = await as('c11e0000-0000-4000-8000-000000000004', 's4');
    expect((await kit.call('GET', `${D}/root/children`, undefined, { authorization: `Bearer ${files}` })).status).toBe(200);
    // Sites.Selected has no grant on a drive that does not exist: 403; a tenant-wide role sees the 404.
    expect((await kit.call('GET', '/drives/b!nope/root/children')).status).toBe(403);
    expect((await kit.call('GET', '/drives/b!nope/root/children', undefined, { authorization: `Bearer ${files}` })).status).toBe(404);
  });
});
