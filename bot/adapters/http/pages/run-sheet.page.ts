// GET /tab/run-sheet?conference=<id>&token=<signed>: the chair's run sheet as a page, which the
// targeted in-meeting notification opens in a dialog over the meeting. The token is a signed,
// expiring 'run-sheet' link bound to the chair's invitee entry of that conference (the URL carries
// ids only, never a name). Read-only: the chair acts from the run sheet card or the API. A forged,
// expired or other conference's link gets a plain page and shows nothing.
import type { Request, Response, Server } from 'restify';
import type { AppDeps } from '../../../app/app-deps';
import { chairInviteeOf, londonNow } from '../../../app/meeting/stage/chair-context';
import { hhmm, quorumText } from '../../../app/meeting/stage/run-sheet-card';
import { removalInstructions, type RunSheet, type RunSheetLine, runSheetOf } from '../../../app/meeting/stage/run-sheet';
import { LinkError } from '../../../app/ports/link-signer.port';
import type { TabSecurityOptions } from '../tab/tab-security';
import { escapeHtml, renderPage, sendLinkPage } from './page-html';

type PageAnswer = { status: number; html: string };

const plain = (title: string, text: string, status: number): PageAnswer => ({ status, html: renderPage(title, `<p>${escapeHtml(text)}</p>`) });

const lineHtml = (l: RunSheetLine, instructions: boolean) =>
  `<li>${escapeHtml(l.name ? `${l.name} (${l.who})` : l.who)}${instructions ? `<br><small>${escapeHtml(removalInstructions(`the ${l.who}`))}</small>` : ''}</li>`;

const list = (title: string, lines: string[]) => (lines.length === 0 ? '' : `<h2>${escapeHtml(title)}</h2>\n<ul>${lines.join('')}</ul>`);

export function runSheetHtml(s: RunSheet): string {
  const facts = [
    ['Stage', s.stageLabel],
    ['Since', hhmm(s.stageSince)],
    ...s.sections.map((x) => [x.section === 'family' ? 'Family' : 'Professionals', `${x.present} of ${x.expected} present`]),
    ['Quorum', quorumText(s)],
    ['Recording', s.recording.recording],
    ['Transcription', s.recording.transcription],
  ];
  return [
    `<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k!)}</dt><dd>${escapeHtml(v!)}</dd>`).join('')}</dl>`,
    list('Must leave now', s.mustLeave.map((l) => lineHtml(l, s.removal === 'teams-instructions'))),
    list('Alerts', s.alerts.map((a) => `<li class="notice" role="alert">${escapeHtml(`${hhmm(a.raisedAt)} ${a.text}${a.acknowledged ? ' (acknowledged)' : ''}`)}</li>`)),
    list('Admit now from the lobby', s.admitNow.map((l) => lineHtml(l, false))),
    list('Must wait (do not admit yet)', s.mustWait.map((l) => lineHtml(l, false))),
    list('Not matched to the invite list', s.unknownJoiners.map((u) => `<li>${escapeHtml(`${u.displayName ?? 'No name shown'} (since ${hhmm(u.since)})`)}</li>`)),
    s.nextChange ? `<p>${escapeHtml(`Next: ${s.nextChange.what} at ${s.nextChange.at.slice(11, 16)}.`)}</p>` : '',
    '<p><small>Teams lets no app admit anyone from the lobby: admit each person yourself. Move the stage, match or remove someone from the run sheet card in your chat with the bot.</small></p>',
  ].filter(Boolean).join('\n');
}

async function answer(app: AppDeps, url: URL): Promise<PageAnswer> {
  const conferenceId = url.searchParams.get('conference');
  const token = url.searchParams.get('token');
  if (!conferenceId || !token) return plain('Link not valid', 'This link is not complete. Open the run sheet from the meeting notification or your chat with the bot.', 400);
  let claims: ReturnType<AppDeps['links']['verify']>;
  try {
    claims = app.links.verify(token, 'run-sheet', app.clock.now());
  } catch (err) {
    if (err instanceof LinkError && err.code === 'LINK.EXPIRED') return plain('Link expired', 'This run sheet link has expired. Type "meeting" and the case reference in your chat with the bot.', 410);
    return plain('Link not valid', 'This link is not valid for the run sheet.', 403);
  }
  const c = claims.conferenceId === conferenceId ? await app.store.get(conferenceId) : null;
  // Bound to the chair: a link for anyone else (or a chair since replaced) shows nothing.
  if (!c || chairInviteeOf(c)?.id !== claims.inviteeId) return plain('Link not valid', 'This link is not valid for the run sheet.', 403);
  const live = await app.live.get(c.id);
  if (!live) return plain(`Run sheet ${c.caseReference}`, 'The meeting has not started yet.', 200);
  const sheet = runSheetOf(c, live, app.profileFor(c.profileId), londonNow(app), { withNames: true, callingBot: app.calls !== undefined });
  return { status: 200, html: renderPage(`Run sheet ${c.caseReference}`, runSheetHtml(sheet)) };
}

export function mountRunSheetPage(server: Server, app: AppDeps, security?: TabSecurityOptions): void {
  server.get('/tab/run-sheet', async (req: Request, res: Response) => {
    const page = await answer(app, new URL(req.url ?? '/', 'http://page.invalid'));
    // Opened inside Teams (a dialog over the meeting): only Teams may frame it.
    sendLinkPage(res, page.status, page.html, 'teams', security);
  });
}
