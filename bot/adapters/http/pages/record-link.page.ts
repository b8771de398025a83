// GET /tab/record?t=<token>: the record's PDF for the person the signed link was made for (purpose
// 'record', bound to one invitee of one conference): their own copy, as it was planned for them
// when the record was issued — never another version. The chair's preview of a redacted copy is
// the same link. A forged, expired or no-longer-valid link gets a plain page; every download is
// audited (ids only). The file name carries the case reference, never a name.
import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../../../app/app-deps';
import { LinkError } from '../../../app/ports/link-signer.port';
import { copyFor, recordFileName, recordInput } from '../../../app/record/record-copies';
import { escapeHtml, renderPage, sendLinkPage } from './page-html';

type PageAnswer = { status: number; html: string };

const invalid = (title: string, text: string, status: number): PageAnswer => ({ status, html: renderPage(title, `<p>${escapeHtml(text)}</p>`) });

function sendPage(res: Response, answer: PageAnswer): void {
  sendLinkPage(res, answer.status, answer.html);
}

/** The PDF, or the page to show instead. */
async function recordFor(app: AppDeps, token: string | null): Promise<{ pdf: Uint8Array; fileName: string } | PageAnswer> {
  if (!token) return invalid('Link not valid', 'This link is not complete. Use the link from your message as it is.', 400);
  let claims: ReturnType<AppDeps['links']['verify']>;
  try {
    claims = app.links.verify(token, 'record', app.clock.now());
  } catch (err) {
    if (err instanceof LinkError && err.code === 'LINK.EXPIRED') return invalid('Link expired', 'This link has expired. Ask the conference team for the record.', 410);
    return invalid('Link not valid', 'This link is not valid for the record. Use the link from your message as it is.', 403);
  }
  const conference = await app.store.get(claims.conferenceId);
  const live = await app.live.get(claims.conferenceId);
  const recipient = live?.record?.recipients.find((r) => r.inviteeId === claims.inviteeId);
  if (!conference || !live?.decision || !live.record || !recipient || !app.documents) {
    return invalid('Link not valid', 'This link is no longer valid. Ask the conference team for the record.', 403);
  }
  const input = recordInput(conference, { ...live, decision: live.decision }, live.record.deadline);
  const pdf = await app.documents.recordPdf(copyFor(input, recipient));
  await app.audit.append({ actorId: `link:${claims.inviteeId}`, actorRole: 'link', action: 'record.downloaded', conferenceId: conference.id, detail: { inviteeId: recipient.inviteeId, version: recipient.versionKey } });
  return { pdf, fileName: recordFileName(conference) };
}

export function mountRecordLinkPage(server: Server, app: AppDeps): void {
  server.get('/tab/record', async (req: Request, res: Response) => {
    const params = new URL(req.url ?? '/', 'http://page.invalid').searchParams;
    const answer = await recordFor(app, params.get('t') ?? params.get('token'));
    if ('status' in answer) return sendPage(res, answer);
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(answer.pdf.byteLength),
      'content-disposition': `attachment; filename="${answer.fileName}"`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    res.end(Buffer.from(answer.pdf));
  });
}
