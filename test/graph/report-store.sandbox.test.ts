// The Graph ReportStore adapter against the sandbox's drive, with lost answers: a fragment reset
// before it arrived is sent again from the session's nextExpectedRanges; the last fragment's
// answer lost after Graph stored the file is confirmed by path; share and revoke repeat safely.
import { GraphReportStoreAdapter } from '../../bot/adapters/graph/graph-report-store.adapter';
import { DriveStore } from '../../scripts/graph-sandbox/drive-store';
import { DEFAULT_DRIVE } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { type Harness, startHarness } from './sandbox-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { reportsDriveId: DEFAULT_DRIVE.id, timeoutMs: 60_000 });
}, 60_000);
afterAll(() => h?.stop());

const big = (fill: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4 * 1024 * 1024, fill)]);
const UPLOAD_URL = '^/_api/v2\\.0/uploadSessions/';

it('a first fragment reset before it arrived is sent again from nextExpectedRanges', async () => {
  h.sandbox.setFaults({ rules: [{ kind: 'reset', method: 'PUT', path: UPLOAD_URL, nth: [1] }] });
  const content = big(0x43);
  const stored = await h.graph.reports.upload({ caseReference: 'CP-2026-7401', fileName: 'a.pdf', content });
  expect(stored.bytes).toBe(content.length);
  expect(await new DriveStore(h.sandbox.db).content(stored.driveItemId)).toEqual(content);
  const puts = h.requests().filter((r) => r.method === 'PUT' && r.path.startsWith('/_api/'));
  expect(puts.map((r) => r.fault ?? r.status)).toEqual(['reset', 202, 201]);
});

it("the last fragment's answer lost after the file was stored: the session is gone, the file is confirmed by path", async () => {
  h.clearLog();
  h.sandbox.setFaults({ rules: [{ kind: 'reset', method: 'PUT', path: UPLOAD_URL, nth: [2], when: 'after' }] });
  const content = big(0x44);
  const stored = await h.graph.reports.upload({ caseReference: 'CP-2026-7401', fileName: 'b.pdf', content });
  expect(stored.bytes).toBe(content.length);
  const items = (await new DriveStore(h.sandbox.db).listItems(DEFAULT_DRIVE.id)).filter((i) => i.name === 'b.pdf');
  expect(items.map((i) => i.id)).toEqual([stored.driveItemId]);
  const trail = h.requests().filter((r) => r.path.startsWith('/_api/') || r.path.endsWith('b.pdf')).map((r) => `${r.method} ${r.fault ?? r.status}`);
  expect(trail).toEqual(['PUT 202', 'PUT reset-after', 'GET 404', 'GET 200']);
});

it('a simple upload whose answer was lost is repeated (same path, same item); share and revoke are repeat-safe', async () => {
  h.sandbox.setFaults({ rules: [{ kind: 'reset', method: 'PUT', path: '/content$', nth: [1], when: 'after' }] });
  const small = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1000, 0x45)]);
  const first = await h.graph.reports.upload({ caseReference: 'CP-2026-7402', fileName: 'c.pdf', content: small });
  h.sandbox.setFaults(undefined);
  const again = await h.graph.reports.upload({ caseReference: 'CP-2026-7402', fileName: 'c.pdf', content: small });
  expect(again.driveItemId).toBe(first.driveItemId);
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const a = await h.graph.reports.share({ driveItemId: first.driveItemId, email: 'reader@council.example', expiresAt });
  const b = await h.graph.reports.share({ driveItemId: first.driveItemId, email: 'reader@council.example', expiresAt });
  expect(b.permissionId).toBe(a.permissionId);
  expect(await h.graph.reports.revoke(first.driveItemId, a.permissionId)).toBe('revoked');
  expect(await h.graph.reports.revoke(first.driveItemId, a.permissionId)).toBe('already-gone');
  expect(await h.graph.reports.find('CP-2026-7402', 'nope.pdf')).toBeNull();
});

it('without a drive id every call is REPORTS.NOT_CONFIGURED; an invite Graph refuses is REPORTS.STORAGE_REFUSED', async () => {
  const adapter = h.graph.reports as unknown as { client: unknown; transport: unknown };
  const unconfigured = new GraphReportStoreAdapter(adapter.client as never, adapter.transport as never, { driveId: undefined, maxRetries: 1 });
  await expect(unconfigured.find('CP-1', 'x.pdf')).rejects.toMatchObject({ code: 'REPORTS.NOT_CONFIGURED' });
  const item = await h.graph.reports.upload({ caseReference: 'CP-2026-7403', fileName: 'd.pdf', content: Buffer.from('%PDF-1.7\nx') });
  await expect(h.graph.reports.share({ driveItemId: item.driveItemId, email: 'reader@council.example', expiresAt: '2020-01-01T00:00:00.000Z' })).rejects.toMatchObject({
    code: 'REPORTS.STORAGE_REFUSED',
    details: { graphStatus: 400 },
  });
});
