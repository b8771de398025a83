// GET/POST /tab/report?t=<token>: the report upload page for a professional without the app (the
// e-mailed link). The token is a signed, expiring 'report' link bound to one invitee of one
// conference; the page shows the case reference, date and time — never a name. A forged, expired
// or no-longer-valid link gets a plain page and changes nothing (its body is never read).
import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../../../app/app-deps';
import { LinkError } from '../../../app/ports/link-signer.port';
import { uploadReport } from '../../../app/reports/upload-report.use-case';
import { ACCESS_ROLE_OF_INVITEE } from '../../../domain/access/access-policy';
import { REPORTING_ROLES } from '../../../domain/reports/report-rules';
import type { Conference, Invitee } from '../../../domain/conference/conference';
import { CodedError } from '../../../domain/shared/coded-error';
import { dropUnreadBody } from '../read-json-body';
import { escapeHtml, renderPage, sendLinkPage } from './page-html';

/** Headers and the form's own fields around the file, beyond the file's bytes. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const WHEN = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const whenOf = (c: Conference) => WHEN.format(new Date(`${c.start}:00Z`));

/** Plain words for the codes an upload can end with (no case, child or person named). */
const MESSAGES: Record<string, string> = {
  'REPORT.TYPE_NOT_ALLOWED': 'Reports must be PDF, Word (.docx) or OpenDocument (.odt) files, and the file must be what its name says.',
  'REPORT.TOO_LARGE': 'This report is larger than the council accepts. Reduce its size and send it again.',
  'REPORT.EMPTY': 'The file was empty. Choose the report file and send it again.',
  'REPORT.FILE_NAME_INVALID': 'The file name cannot be used. Rename the file and send it again.',
  'REPORT.CONFERENCE_STOOD_DOWN': 'This conference has been stood down, so no reports are being collected for it.',
  'REPORT.CONFERENCE_OVER': 'This conference has already taken place.',
  'BOOKING.IN_PROGRESS': 'The conference is being updated right now. Wait a moment and send the report again.',
  'REPORTS.STORAGE_UNAVAILABLE': 'The document library could not be reached. Try again in a few minutes.',
};

type PageAnswer = { status: number; html: string };

const invalid = (title: string, text: string, status: number): PageAnswer => ({ status, html: renderPage(title, `<p>${escapeHtml(text)}</p>`) });

/** The link's conference and invitee, or the page to show instead. */
async function resolveLink(app: AppDeps, token: string | null): Promise<{ conference: Conference; invitee: Invitee } | PageAnswer> {
  if (!token) return invalid('Link not valid', 'This link is not complete. Use the link from your e-mail as it is.', 400);
  let claims: ReturnType<AppDeps['links']['verify']>;
  try {
    claims = app.links.verify(token, 'report', app.clock.now());
  } catch (err) {
    if (err instanceof LinkError && err.code === 'LINK.EXPIRED') {
      return invalid('Link expired', 'This link has expired. Ask the conference team for a new one.', 410);
    }
    return invalid('Link not valid', 'This link is not valid for sending a report. Use the link from your e-mail as it is.', 403);
  }
  const conference = await app.store.get(claims.conferenceId);
  const invitee = conference?.invitees.find((i) => i.id === claims.inviteeId && i.status !== 'removed');
  // Only someone who writes a report has a report link (never a family member).
  if (!conference || !invitee || !REPORTING_ROLES.has(invitee.role)) return invalid('Link not valid', 'This link is no longer valid. Ask the conference team if you still need to send a report.', 403);
  return { conference, invitee };
}

function formPage(token: string, c: Conference, invitee: Invitee, notice?: string): string {
  const received = invitee.report
    ? `<p>A report was received on ${escapeHtml(invitee.report.receivedAt.slice(0, 10))}${invitee.report.onTime ? ' (on time)' : ' (after the deadline)'}. Sending another replaces it.</p>`
    : '';
  const closed = c.status === 'stood-down' ? MESSAGES['REPORT.CONFERENCE_STOOD_DOWN'] : c.status === 'held' || c.status === 'closed' ? MESSAGES['REPORT.CONFERENCE_OVER'] : null;
  const form = closed
    ? `<p>${escapeHtml(closed)}</p>`
    : `<form method="post" action="/tab/report?t=${encodeURIComponent(token)}" enctype="multipart/form-data">
  <label class="field" for="report"><span>Your report (PDF, .docx or .odt)</span></label>
  <input id="report" name="report" type="file" accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text" required>
  <button type="submit">Send report</button>
</form>`;
  return renderPage(
    'Send your report',
    `<p class="facts">Conference <strong>${escapeHtml(c.caseReference)}</strong>, ${escapeHtml(whenOf(c))}.</p>
${notice ? `<p class="notice" role="alert">${escapeHtml(notice)}</p>` : ''}${received}${form}`,
  );
}

function send(res: Response, answer: PageAnswer): void {
  // The token is in the URL: never pass it on, never frame the page.
  sendLinkPage(res, answer.status, answer.html);
}

const tokenOf = (req: Request) => new URL(req.url ?? '/', 'http://page.invalid').searchParams.get('t');

export function mountReportLinkPage(server: Server, app: AppDeps, maxReportBytes: () => number): void {
  server.get('/tab/report', async (req: Request, res: Response) => {
    const token = tokenOf(req);
    const link = await resolveLink(app, token);
    if ('status' in link) return send(res, link);
    send(res, { status: 200, html: formPage(token!, link.conference, link.invitee) });
  });

  server.post('/tab/report', async (req: Request, res: Response) => {
    const token = tokenOf(req);
    const link = await resolveLink(app, token);
    if ('status' in link) {
      await discardBody(req, res);
      return send(res, link);
    }
    const { conference, invitee } = link;
    const file = await readMultipartFile(req, 'report', maxReportBytes() + MULTIPART_OVERHEAD_BYTES);
    if (!file.ok) {
      dropUnreadBody(req, res);
      const text = file.reason === 'too-large' ? MESSAGES['REPORT.TOO_LARGE']! : 'The form could not be read. Choose the report file and send it again.';
      return send(res, { status: file.reason === 'too-large' ? 413 : 400, html: formPage(token!, conference, invitee, text) });
    }
    try {
      const done = await uploadReport(app, {
        conferenceId: conference.id,
        inviteeId: invitee.id,
        // The link is the identity: bound to this invitee of this conference, with their role there.
        viewer: { id: `link:${invitee.id}`, role: ACCESS_ROLE_OF_INVITEE[invitee.role], invitation: { conferenceId: conference.id, inviteeId: invitee.id } },
        fileName: file.fileName,
        ...(file.contentType ? { contentType: file.contentType } : {}),
        content: file.bytes,
      });
      send(res, {
        status: 200,
        html: renderPage(
          'Report received',
          `<p class="notice notice-ok" role="status">Thank you. Your report for conference <strong>${escapeHtml(conference.caseReference)}</strong> was received${done.onTime ? ' on time' : ' after the deadline'}.</p>`,
        ),
      });
    } catch (err) {
      const code = err instanceof CodedError || (err as { code?: unknown })?.code ? String((err as { code: unknown }).code) : 'UNKNOWN';
      const text = MESSAGES[code] ?? 'The report could not be received. Try again later, or send it to the conference team another way.';
      const status =
        code === 'REPORT.TOO_LARGE' ? 413 : code === 'REPORT.TYPE_NOT_ALLOWED' ? 415 : code.startsWith('REPORT.') ? 400 : code.startsWith('ACCESS.') ? 403 : 503;
      send(res, { status, html: formPage(token!, (await app.store.get(conference.id)) ?? conference, invitee, text) });
    }
  });
}

/** Refused before reading: a small body is read and dropped (the browser then sees the page); a large one closes the connection. */
async function discardBody(req: IncomingMessage, res: Response): Promise<void> {
  const declared = Number(req.headers['content-length']);
  if (!Number.isFinite(declared) || declared > DISCARD_LIMIT_BYTES) {
    dropUnreadBody(req, res);
    return;
  }
  await new Promise<void>((resolve) => {
    req.on('data', () => undefined);
    req.once('end', resolve);
    req.once('error', () => resolve());
  });
}
const DISCARD_LIMIT_BYTES = 1024 * 1024;

type MultipartFile = { ok: true; fileName: string; contentType?: string; bytes: Buffer } | { ok: false; reason: 'too-large' | 'malformed' };

/** Reads a multipart/form-data body (at most `maxBytes`) and returns the one file field. */
async function readMultipartFile(req: IncomingMessage, field: string, maxBytes: number): Promise<MultipartFile> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(req.headers['content-type'] ?? ''));
  if (!/^multipart\/form-data/i.test(String(req.headers['content-type'] ?? '')) || !boundary) return { ok: false, reason: 'malformed' };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'too-large' };
  const body = await new Promise<Buffer | 'too-large' | 'error'>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        req.pause();
        req.off('data', onData);
        resolve('too-large');
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', () => resolve('error'));
  });
  if (body === 'too-large') return { ok: false, reason: 'too-large' };
  if (body === 'error') return { ok: false, reason: 'malformed' };
  const part = findPart(body, boundary[1] ?? boundary[2]!, field);
  return part ?? { ok: false, reason: 'malformed' };
}

function findPart(body: Buffer, boundary: string, field: string): MultipartFile | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return null;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) return null;
    const headers = body.subarray(start + 2, headerEnd).toString('utf8');
    const end = body.indexOf(next, headerEnd + 4);
    if (end < 0) return null;
    const disposition = /content-disposition:\s*form-data([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === field && fileName !== undefined) {
      const contentType = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim().toLowerCase();
      // Browsers send only the base name; strip any path some older ones add.
      return { ok: true, fileName: fileName.split(/[\\/]/).pop() ?? '', ...(contentType ? { contentType } : {}), bytes: Buffer.from(body.subarray(headerEnd + 4, end)) };
    }
    pos = end + 2;
  }
  return null;
}
