// The run sheet as the chair's card (bot/cards/run-sheet), and the signed link to the same run
// sheet as a page (/tab/run-sheet), which the targeted in-meeting notification opens.
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../../cards/adaptive-card';
import { type RunSheetCardViewModel, render } from '../../../cards/run-sheet/run-sheet.view-model';
import { instantToLondon } from '../../../domain/calendar/london-time';
import type { Conference } from '../../../domain/conference/conference';
import type { LiveMeeting } from '../../../domain/meeting/live-meeting';
import type { AppDeps } from '../../app-deps';
import { endOfLondonDay } from '../../reports/london-time';
import { chairIdOf } from '../live/chair-of';
import { chairInviteeOf, londonNow } from './chair-context';
import { removalInstructions, type RunSheet, type RunSheetLine, runSheetOf } from './run-sheet';

export const hhmm = (iso: string | null | undefined): string => (iso ? instantToLondon(Date.parse(iso)).slice(11, 16) : '—');

/** The chair's run sheet now (names included: it goes to the chair alone). */
export function chairRunSheet(deps: AppDeps, c: Conference, live: LiveMeeting): RunSheet {
  return runSheetOf(c, live, deps.profileFor(c.profileId), londonNow(deps), { withNames: true, callingBot: deps.calls !== undefined });
}

const lineText = (l: RunSheetLine) => (l.name ? `${l.name} (${l.who})` : l.who);

export function quorumText(s: RunSheet): string {
  const q = s.quorum;
  if (q.quorate) return 'Quorate.';
  const parts = [
    q.socialCare ? "Children's social care present." : "Children's social care is not present.",
    `${q.missing} more agenc${q.missing === 1 ? 'y' : 'ies'} needed (present or reporting: ${[...new Set([...q.agenciesPresent, ...q.agenciesReporting])].length} of ${q.otherAgenciesRequired}).`,
  ];
  if (q.proceeded) parts.push(`Proceeding with a recorded reason (${hhmm(q.proceeded.at)}).`);
  return parts.join(' ');
}

async function safeguardingManagers(deps: AppDeps): Promise<{ title: string; value: string }[]> {
  const ids = (await deps.staffRoles.list().catch(() => [])).filter((e) => e.role === 'safeguarding-manager').map((e) => e.objectId);
  const people = await Promise.all(ids.map((id) => deps.directory.get(id).catch(() => null)));
  return people.filter((p) => p !== null).map((p) => ({ title: p.displayName, value: p.id }));
}

export async function runSheetCard(deps: AppDeps, c: Conference, live: LiveMeeting, notice = '', tone: RunSheetCardViewModel['noticeColor'] = 'Default'): Promise<AdaptiveCardJson> {
  const s = chairRunSheet(deps, c, live);
  const sections = Object.fromEntries(s.sections.map((x) => [x.section, `${x.present} of ${x.expected} present`]));
  const t17 = deps.profileFor(c.profileId).timescales.T17;
  const quorumPending = !s.quorum.decided && (s.stage === 'pre-meeting');
  const vm: RunSheetCardViewModel = {
    title: `Run sheet ${c.caseReference}`,
    notice,
    noticeColor: tone,
    facts: [
      { title: 'Stage', value: s.stageLabel },
      { title: 'Since', value: hhmm(s.stageSince) },
      { title: 'Professionals', value: sections.professionals ?? '—' },
      { title: 'Family', value: sections.family ?? '—' },
      { title: 'Quorum', value: quorumText(s) },
      { title: 'Recording', value: s.recording.recording },
      { title: 'Transcription', value: s.recording.transcription },
    ],
    mustLeave: [
      ...s.mustLeave.flatMap((l) =>
        (l.participantIds.length > 0 ? l.participantIds : ['']).map((participantId) => ({
          text: lineText(l),
          instructions: s.removal === 'teams-instructions' ? removalInstructions(`the ${l.who}`) : '',
          participantId,
          removeVerb: 'meeting.remove' as const,
        })),
      ),
    ],
    alerts: s.alerts.map((a) => ({ id: a.id, text: `${hhmm(a.raisedAt)} ${a.text}${a.acknowledged ? ' (acknowledged)' : ''}`, acknowledged: a.acknowledged, ackVerb: 'meeting.alert-ack' as const })),
    admitNow: s.admitNow.map((l) => ({ text: lineText(l) })),
    mustWait: s.mustWait.map((l) => ({ text: lineText(l) })),
    unknownJoiners: s.unknownJoiners.map((u) => ({ title: `${u.displayName ?? 'No name shown'} (since ${hhmm(u.since)})`, value: u.participantId })),
    matchChoices: c.invitees.filter((i) => i.status !== 'removed').map((i) => ({ title: `${i.displayName} (${i.role})`, value: i.id })),
    quorumPending,
    quorumText: quorumText(s),
    reconveneDays: t17 === null ? 'the council\'s timescale' : `${t17} working days`,
    managers: quorumPending ? await safeguardingManagers(deps) : [],
    nextChange: s.nextChange ? `Next: ${s.nextChange.what} at ${s.nextChange.at.slice(11, 16)}.` : '',
    commands: s.commands.map((x) => ({ ...x, stageVerb: 'meeting.stage' as const })),
    refreshVerb: 'meeting.run-sheet-refresh',
    matchVerb: 'meeting.match',
    removeVerb: 'meeting.remove',
    proceedVerb: 'meeting.proceed',
    standDownVerb: 'stand-down.request',
    userIds: chairIdOf(c) ? [chairIdOf(c)!] : [],
    conferenceId: c.id,
    actionId: randomUUID(),
  };
  return render(vm);
}

/** /tab/run-sheet?conference=<id>&token=<signed>: purpose 'run-sheet', bound to the chair; valid to the end of the conference day. */
export function runSheetLink(deps: Pick<AppDeps, 'links' | 'publicBaseUrl'>, c: Conference): string | null {
  const chair = chairInviteeOf(c);
  if (!chair) return null;
  const token = deps.links.sign({ purpose: 'run-sheet', conferenceId: c.id, inviteeId: chair.id, expiresAt: endOfLondonDay(c.end.slice(0, 10)) });
  return `${deps.publicBaseUrl}/tab/run-sheet?conference=${encodeURIComponent(c.id)}&token=${encodeURIComponent(token)}`;
}
