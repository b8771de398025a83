// The minutes as the members receive them (HTML e-mail body): every section of the template,
// each text escaped. The subject carries the case reference only (never a name).
import type { Conference } from '../../domain/conference/conference';
import type { CoreGroupMinutes, PlanItem } from '../../domain/core-group/core-group-minutes';
import { escapeHtml } from '../invitations/family-invitation-email';

const ROLE_LABEL: Record<string, string> = { 'social-worker': 'Social worker', professional: 'Professional', 'team-manager': 'Team manager', chair: 'Chair', clerk: 'Clerk', parent: 'Parent', child: 'Child', 'foster-carer': 'Carer' };
const yesNo = (v: boolean | undefined) => (v === undefined ? 'not recorded' : v ? 'yes' : 'no');

export function minutesSubject(c: Pick<Conference, 'caseReference'>): string {
  return `${c.caseReference}: core group minutes`;
}

export function minutesHtml(c: Conference, m: CoreGroupMinutes, plan: readonly PlanItem[]): string {
  const nameOf = (id: string) => c.invitees.find((i) => i.id === id)?.displayName ?? id;
  const p = (title: string, body: string) => `<h3>${escapeHtml(title)}</h3><p>${escapeHtml(body || '—')}</p>`;
  const rows = m.attendees
    .map((a) => `<tr><td>${escapeHtml(nameOf(a.inviteeId))}</td><td>${escapeHtml(ROLE_LABEL[a.role] ?? a.role)}${a.agency ? ` (${escapeHtml(a.agency)})` : ''}</td><td>${a.consulted ? 'yes' : ''}</td><td>${a.invited ? 'yes' : ''}</td><td>${a.attended ? 'yes' : ''}</td><td>${a.chair ? 'chair' : ''}</td></tr>`)
    .join('');
  const goals = plan
    .filter((i) => i.kind === 'safety-goal')
    .map((g) => {
      const pr = m.progress.find((x) => x.itemId === g.id);
      return `<li><strong>${escapeHtml(g.text)}</strong>: ${escapeHtml(pr?.progress ?? '—')}. Next steps: ${escapeHtml(pr?.nextSteps ?? '—')}</li>`;
    })
    .join('');
  const actions = plan.filter((i) => i.kind === 'action').map((a) => `<li>${escapeHtml(a.text)}${a.owner ? ` (${escapeHtml(a.owner)})` : ''}</li>`).join('');
  const s = m.scaling;
  return [
    `<h2>Core group minutes, ${escapeHtml(c.caseReference)}, ${escapeHtml(m.heldOn)}</h2>`,
    `<table><tr><th>Name</th><th>Role</th><th>Consulted</th><th>Invited</th><th>Attended</th><th></th></tr>${rows}</table>`,
    p("What the child says", m.childsWords),
    p('What the family says', m.familysWords),
    `<p>Child seen within timescales: ${yesNo(m.childSeenInTimescale)}. Advocate offered: ${yesNo(m.advocateOffered)}.</p>`,
    `<h3>Progress against the safety goals</h3><ul>${goals}</ul>`,
    `<h3>Actions</h3><ul>${actions}</ul>`,
    `<p>Scaling now ${s.now ?? '—'}; at the initial conference ${s.initialConference ?? '—'}; at the last meeting ${s.lastMeeting ?? '—'}.</p>`,
    p('What is working well', m.workingWell),
    p('What we are worried about', m.worriedAbout),
    p('What needs to happen', m.needsToHappen),
    ...(m.recommendationsForReview ? [p('Recommendations for the review conference', m.recommendationsForReview)] : []),
    ...(m.disagreements.length > 0 ? [`<h3>Disagreements recorded</h3><ul>${m.disagreements.map((d) => `<li>${escapeHtml(d.by)}: ${escapeHtml(d.text)}</li>`).join('')}</ul>`] : []),
    `<p>Next core group: ${escapeHtml(m.nextCoreGroupDate ?? 'not set (the review conference follows)')}.</p>`,
  ].join('\n');
}
