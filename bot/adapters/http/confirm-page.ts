// GET and POST /tab/confirm?t=<token>: the server-rendered confirmation page for a professional
// without the app (docs/invite-list.md). It shows the case reference, the kind, the date and the
// time — never a name — and a form for attending / not attending / sending a colleague. Every
// refusal is a plain page with the reason and changes nothing. The token is in the URL, so the
// page is never cached and never sends a Referer.
import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../../app/app-deps';
import { answerByLink, inviteeOfToken, type LinkRefusal, LinkRefused, openConfirmation } from '../../app/attendance/confirm-by-link.use-case';
import type { Logger } from '../logging/logger';
import { errorFields } from '../logging/logger';
import { escapeHtml, renderPage, sendLinkPage } from './pages/page-html';

const MAX_FORM_BYTES = 8 * 1024;

const REFUSAL_TEXT: Record<LinkRefusal | 'ATTENDANCE.CONFERENCE_STOOD_DOWN' | 'ATTENDANCE.CONFERENCE_OVER' | 'FORM.INVALID', { title: string; text: string }> = {
  'LINK.INVALID': { title: 'This link does not work', text: 'The link is not valid. Use the link in the e-mail you were sent, or contact the conference team.' },
  'LINK.EXPIRED': { title: 'This link has expired', text: 'Links work until the end of the conference day. Contact the conference team if you still need to answer.' },
  'LINK.WRONG_PURPOSE': { title: 'This link is for something else', text: 'This link cannot be used to answer attendance. Use the attendance link in your e-mail.' },
  'LINK.NOT_INVITED': { title: 'You are no longer on the invitation list', text: 'The conference team has changed the invitations. Contact them if you think this is wrong.' },
  'LINK.WRONG_INVITEE': { title: 'This link belongs to someone else', text: 'Each link works only for the person it was sent to. Use the link in your own e-mail.' },
  'ATTENDANCE.CONFERENCE_STOOD_DOWN': { title: 'This conference has been stood down', text: 'No answer is needed. The conference team will contact you about what happens next.' },
  'ATTENDANCE.CONFERENCE_OVER': { title: 'This conference has taken place', text: 'Answers are closed.' },
  'FORM.INVALID': { title: 'Please choose an answer', text: 'Choose attending, not attending, or sending a colleague (with their name and role). Go back and try again.' },
};

const page = renderPage;

function send(res: Response, status: number, html: string): void {
  sendLinkPage(res, status, html);
}

const ANSWER_TEXT = { attending: 'attending', 'not-attending': 'not attending', 'sending-colleague': 'sending a colleague' } as const;

function refusal(res: Response, code: keyof typeof REFUSAL_TEXT, status: number): void {
  const r = REFUSAL_TEXT[code];
  send(res, status, page(r.title, `<p>${escapeHtml(r.text)}</p>`));
}

const STATUS: Record<LinkRefusal, number> = { 'LINK.INVALID': 403, 'LINK.EXPIRED': 410, 'LINK.WRONG_PURPOSE': 403, 'LINK.NOT_INVITED': 403, 'LINK.WRONG_INVITEE': 403 };

function tokenOf(req: Request): string {
  return new URL(req.url ?? '/', 'http://tab.invalid').searchParams.get('t') ?? '';
}

async function readForm(req: Request): Promise<URLSearchParams | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(String(req.headers['content-type'] ?? ''))) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function mountConfirmPage(server: Server, options: { app: AppDeps; logOf(req: Request): Logger; setLogFields(res: Response, fields: Record<string, unknown>): void }): void {
  const { app } = options;

  server.get('/tab/confirm', async (req: Request, res: Response) => {
    const token = tokenOf(req);
    try {
      const view = await openConfirmation(app, token);
      options.setLogFields(res, { outcome: 'OK' });
      if (view.stoodDown) return refusal(res, 'ATTENDANCE.CONFERENCE_STOOD_DOWN', 409);
      const current = view.latest ? `<p>Your answer so far: <strong>${escapeHtml(ANSWER_TEXT[view.latest])}</strong>. You can change it below.</p>` : '';
      const inviteeId = inviteeOfToken(app, token) ?? '';
      send(
        res,
        200,
        page(
          'Child protection conference: will you attend?',
          `<p class="facts">Case reference <strong>${escapeHtml(view.caseReference)}</strong><br>${escapeHtml(view.kind)}<br>${escapeHtml(view.date)}, ${escapeHtml(view.time)}</p>${current}
<form method="post" action="/tab/confirm?t=${encodeURIComponent(token)}">
<input type="hidden" name="i" value="${escapeHtml(inviteeId)}">
<fieldset><legend>Your answer</legend>
<label class="choice"><input type="radio" name="answer" value="attending" required> <span>I will attend</span></label>
<label class="choice"><input type="radio" name="answer" value="not-attending"> <span>I cannot attend (my agency will send a written report)</span></label>
<label class="choice"><input type="radio" name="answer" value="sending-colleague"> <span>I am sending a colleague</span></label>
</fieldset>
<fieldset><legend>Only if you are sending a colleague</legend>
<label class="field" for="colleague-name"><span>Colleague's name</span><input id="colleague-name" name="colleagueName" maxlength="200" autocomplete="off"></label>
<label class="field" for="colleague-role"><span>Colleague's role</span><input id="colleague-role" name="colleagueRole" maxlength="100" autocomplete="off"></label>
</fieldset>
<button type="submit">Send my answer</button></form>
<p class="note">Only the conference team sees your answer. This link works until the end of the conference day and only for you.</p>`,
        ),
      );
    } catch (err) {
      if (err instanceof LinkRefused) {
        options.setLogFields(res, { outcome: err.code });
        return refusal(res, err.code, STATUS[err.code]);
      }
      options.logOf(req).error(errorFields(err), 'confirmation page failed');
      send(res, 500, page('Something went wrong', '<p>Nothing was changed. Try again in a few minutes.</p>'));
    }
  });

  server.post('/tab/confirm', async (req: Request, res: Response) => {
    const token = tokenOf(req);
    const form = await readForm(req);
    const answer = form?.get('answer');
    const colleagueName = form?.get('colleagueName')?.trim() ?? '';
    const colleagueRole = form?.get('colleagueRole')?.trim() ?? '';
    if (!form || (answer !== 'attending' && answer !== 'not-attending' && answer !== 'sending-colleague') || (answer === 'sending-colleague' && (!colleagueName || !colleagueRole))) {
      options.setLogFields(res, { outcome: 'FORM.INVALID' });
      return refusal(res, 'FORM.INVALID', 400);
    }
    try {
      const r = await answerByLink(app, token, {
        inviteeId: form.get('i') ?? undefined,
        answer,
        ...(answer === 'sending-colleague' ? { colleague: { displayName: colleagueName.slice(0, 200), role: colleagueRole.slice(0, 100) } } : {}),
      });
      options.setLogFields(res, { outcome: 'OK' });
      const due = r.answer.reportDueBy ? `<p>Your agency's written report is needed by ${escapeHtml(r.answer.reportDueBy)}.</p>` : '';
      // Same server: the path alone, so the link works whatever address the page was opened at.
      const reportPath = r.reportUrl ? (({ pathname, search }) => `${pathname}${search}`)(new URL(r.reportUrl)) : null;
      const report = reportPath ? `${due}<p><a href="${escapeHtml(reportPath)}">Send your written report</a> (this link works only for you).</p>` : due;
      send(res, 200, page('Thank you', `<p class="notice notice-ok" role="status">Your answer is recorded: <strong>${escapeHtml(ANSWER_TEXT[r.answer.answer])}</strong>.</p>${report}<p>You can open the link again to change it.</p>`));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (err instanceof LinkRefused) {
        options.setLogFields(res, { outcome: err.code });
        return refusal(res, err.code, STATUS[err.code]);
      }
      if (code === 'ATTENDANCE.CONFERENCE_STOOD_DOWN' || code === 'ATTENDANCE.CONFERENCE_OVER') {
        options.setLogFields(res, { outcome: code });
        return refusal(res, code, 409);
      }
      if (code === 'ACCESS.NOT_PART_OF_CONFERENCE' || code === 'ACCESS.NOT_OWN_INVITATION' || code === 'ACCESS.ROLE_NOT_ALLOWED' || code === 'INVITEE.NOT_FOUND') {
        options.setLogFields(res, { outcome: code });
        return refusal(res, 'LINK.NOT_INVITED', 403);
      }
      options.logOf(req).error(errorFields(err), 'confirmation answer failed');
      send(res, 500, page('Something went wrong', '<p>Nothing was changed. Try again in a few minutes.</p>'));
    }
  });
}
