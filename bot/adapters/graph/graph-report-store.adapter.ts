// ReportStore on Microsoft Graph: the configured SharePoint drive, a folder per conference named
// by its case reference, a simple upload up to 4 MB and an upload session above it (Graph: "use
// an upload session for files over 4 MB"; fragments of 10 × 320 KiB, no token on the uploadUrl),
// read access by invite (sign-in required, no SharePoint e-mail, an expiry) and its removal.
import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { type ReportShareInput, type ReportStore, ReportStoreError, type StoredReportFile } from '../../app/ports/report-store.port';
import { IdempotentRequest } from './graph-client.factory';
import { type Transport, TransportError } from './https-transport';
import { GraphAuthError } from './msal-token-provider';

/** Graph recommends an upload session for anything over 4 MB. */
export const SIMPLE_UPLOAD_LIMIT_BYTES = 4 * 1024 * 1024;
/** Each fragment but the last must be a multiple of 320 KiB. */
export const UPLOAD_FRAGMENT_BYTES = 10 * 320 * 1024;

const itemSchema = z.object({ id: z.string().min(1), size: z.number().int().nonnegative().optional() });
const sessionSchema = z.object({ uploadUrl: z.string().url() });
const sessionStateSchema = z.object({ nextExpectedRanges: z.array(z.string()).optional() });
const inviteSchema = z.object({ value: z.array(z.object({ id: z.string().min(1) })).min(1) });

const seg = (v: string) => encodeURIComponent(v);

export interface GraphReportStoreOptions {
  driveId: string | undefined;
  /** Network repeats of one fragment (GRAPH_MAX_RETRIES). */
  maxRetries: number;
}

export class GraphReportStoreAdapter implements ReportStore {
  constructor(
    private readonly client: Client,
    /** The uploadUrl is not a Graph URL and takes no token: fragments go on the bare transport. */
    private readonly transport: Transport,
    private readonly options: GraphReportStoreOptions,
  ) {}

  private drive(): string {
    if (!this.options.driveId) throw new ReportStoreError('REPORTS.NOT_CONFIGURED', 'REPORTS_DRIVE_ID is not set: reports cannot be stored');
    return `/drives/${seg(this.options.driveId)}`;
  }

  private async ensureFolder(caseReference: string): Promise<void> {
    const drive = this.drive();
    try {
      await this.client
        .api(`${drive}/root/children`)
        .middlewareOptions([new IdempotentRequest()])
        .post({ name: caseReference, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' });
    } catch (err) {
      // 409: the folder is there already (an earlier report, or a repeat after a lost answer).
      if (err instanceof GraphError && err.statusCode === 409) return;
      throw toReportStoreError(err, 'create the conference folder');
    }
  }

  async upload(input: { caseReference: string; fileName: string; content: Buffer }): Promise<StoredReportFile> {
    await this.ensureFolder(input.caseReference);
    const path = `${this.drive()}/root:/${seg(input.caseReference)}/${seg(input.fileName)}:`;
    if (input.content.length <= SIMPLE_UPLOAD_LIMIT_BYTES) {
      const raw = await this.call('upload the report', () =>
        this.client
          .api(`${path}/content`)
          .header('Content-Type', 'application/octet-stream')
          // Replacing the same path with the same bytes is safe to repeat.
          .middlewareOptions([new IdempotentRequest()])
          .put(input.content),
      );
      return stored(raw, input.content.length);
    }
    const session = sessionSchema.parse(
      await this.call('start the upload session', () =>
        this.client.api(`${path}/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'replace', name: input.fileName } }),
      ),
    );
    const sent = await this.sendFragments(session.uploadUrl, input.content);
    if (sent) return sent;
    // The last fragment's answer was lost and the session is gone: it completed, or it expired.
    const found = await this.find(input.caseReference, input.fileName);
    if (found && found.bytes === input.content.length) return found;
    throw new ReportStoreError('REPORTS.STORAGE_UNAVAILABLE', 'upload the report: the upload session ended without a confirmed file');
  }

  /** PUTs the fragments in order; after a network failure asks the session where to go on (null: the session is gone). */
  private async sendFragments(uploadUrl: string, content: Buffer): Promise<StoredReportFile | null> {
    let offset = 0;
    let failures = 0;
    for (;;) {
      const end = Math.min(offset + UPLOAD_FRAGMENT_BYTES, content.length) - 1;
      let res: { status: number; body: string };
      try {
        res = await this.transport.send('PUT', uploadUrl, { 'content-range': `bytes ${offset}-${end}/${content.length}` }, content.subarray(offset, end + 1));
      } catch (err) {
        if (!(err instanceof TransportError) || ++failures > this.options.maxRetries) throw toReportStoreError(err, 'upload a report fragment');
        const next = await this.nextOffset(uploadUrl);
        if (next === null) return null;
        offset = next;
        continue;
      }
      if (res.status === 202) {
        offset = end + 1;
        continue;
      }
      if (res.status === 200 || res.status === 201) return stored(JSON.parse(res.body), content.length);
      if (res.status === 416 && failures++ < this.options.maxRetries) {
        const next = await this.nextOffset(uploadUrl);
        if (next === null) return null;
        offset = next;
        continue;
      }
      throw new ReportStoreError(res.status >= 500 ? 'REPORTS.STORAGE_UNAVAILABLE' : 'REPORTS.STORAGE_REFUSED', `upload a report fragment: Graph answered ${res.status}`, {
        graphStatus: res.status,
      });
    }
  }

  /** Where the session expects the next byte; null when it no longer exists (404). */
  private async nextOffset(uploadUrl: string): Promise<number | null> {
    const res = await this.transport.send('GET', uploadUrl, {}).catch((err: unknown) => {
      throw toReportStoreError(err, 'read the upload session');
    });
    if (res.status === 404) return null;
    if (res.status !== 200) throw new ReportStoreError('REPORTS.STORAGE_REFUSED', `read the upload session: Graph answered ${res.status}`, { graphStatus: res.status });
    const next = sessionStateSchema.parse(JSON.parse(res.body)).nextExpectedRanges?.[0];
    const start = next ? Number(next.split('-')[0]) : Number.NaN;
    if (!Number.isInteger(start) || start < 0) throw new ReportStoreError('REPORTS.STORAGE_REFUSED', 'the upload session gave no next range');
    return start;
  }

  async find(caseReference: string, fileName: string): Promise<StoredReportFile | null> {
    try {
      const raw = await this.client.api(`${this.drive()}/root:/${seg(caseReference)}/${seg(fileName)}`).get();
      const item = itemSchema.parse(raw);
      return { driveItemId: item.id, bytes: item.size ?? 0 };
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 404) return null;
      throw toReportStoreError(err, 'look for the report');
    }
  }

  async share(input: ReportShareInput): Promise<{ permissionId: string }> {
    const raw = await this.call('share the report', () =>
      this.client
        .api(`${this.drive()}/items/${seg(input.driveItemId)}/invite`)
        // SharePoint keeps one permission per person on an item: a repeat returns it.
        .middlewareOptions([new IdempotentRequest()])
        .post({
          recipients: [{ email: input.email }],
          roles: ['read'],
          requireSignIn: true,
          sendInvitation: false,
          expirationDateTime: input.expiresAt,
        }),
    );
    const parsed = inviteSchema.safeParse(raw);
    if (!parsed.success) throw new ReportStoreError('REPORTS.STORAGE_REFUSED', 'share the report: Graph answered without a permission');
    return { permissionId: parsed.data.value[0]!.id };
  }

  async revoke(driveItemId: string, permissionId: string): Promise<'revoked' | 'already-gone'> {
    try {
      await this.client
        .api(`${this.drive()}/items/${seg(driveItemId)}/permissions/${seg(permissionId)}`)
        .middlewareOptions([new IdempotentRequest()])
        .delete();
      return 'revoked';
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 404) return 'already-gone';
      throw toReportStoreError(err, 'revoke access to the report');
    }
  }

  async remove(driveItemId: string): Promise<'deleted' | 'already-gone'> {
    try {
      // SharePoint keeps it in the site's recycle bin (93 days) until an administrator empties it.
      await this.client.api(`${this.drive()}/items/${seg(driveItemId)}`).middlewareOptions([new IdempotentRequest()]).delete();
      return 'deleted';
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 404) return 'already-gone';
      throw toReportStoreError(err, 'delete the report');
    }
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toReportStoreError(err, what);
    }
  }
}

function stored(raw: unknown, bytes: number): StoredReportFile {
  const item = itemSchema.safeParse(raw);
  if (!item.success) throw new ReportStoreError('REPORTS.STORAGE_REFUSED', 'Graph answered the upload without a drive item');
  return { driveItemId: item.data.id, bytes: item.data.size ?? bytes };
}

/** Graph's status in the details, never in the message; 404 on an item means it is gone. */
export function toReportStoreError(err: unknown, what: string): ReportStoreError {
  if (err instanceof ReportStoreError) return err;
  if (err instanceof TransportError || err instanceof GraphAuthError) {
    return new ReportStoreError('REPORTS.STORAGE_UNAVAILABLE', `${what}: no answer from Graph`, { transport: err instanceof TransportError ? err.code : 'GRAPH.AUTH_FAILED' });
  }
  if (err instanceof GraphError) {
    const status = err.statusCode;
    const details = { graphStatus: status, graphCode: err.code ?? null };
    if (status <= 0 || status === 429 || status >= 500) return new ReportStoreError('REPORTS.STORAGE_UNAVAILABLE', `${what}: Graph did not answer in time`, details);
    if (status === 404) return new ReportStoreError('REPORTS.STORAGE_ITEM_MISSING', `${what}: Graph answered 404`, details);
    return new ReportStoreError('REPORTS.STORAGE_REFUSED', `${what}: Graph answered ${status}`, details);
  }
  return new ReportStoreError('REPORTS.STORAGE_UNAVAILABLE', `${what}: ${(err as Error)?.name ?? 'error'}`);
}
