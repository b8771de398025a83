// The alert card for one alert of one conference (bot/cards/meeting-alert): role and agency only,
// and for an unknown joiner the name Teams shows, so the chair can recognise them.
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../../cards/adaptive-card';
import { meetingAlertViewModel, render } from '../../../cards/meeting-alert/meeting-alert.view-model';
import { instantToLondon } from '../../../domain/calendar/london-time';
import type { Conference, InviteeRole } from '../../../domain/conference/conference';
import type { LiveMeeting, MeetingAlert } from '../../../domain/meeting/live-meeting';

const ROLE_LABEL: Record<InviteeRole, string> = {
  chair: 'Chair', 'social-worker': 'Social worker', clerk: 'Clerk', 'team-manager': 'Team manager', professional: 'Professional',
  parent: 'Parent', child: 'Child', 'family-other': 'Family member', advocate: 'Advocate', supporter: 'Supporter',
  'legal-representative': 'Legal representative', interpreter: 'Interpreter', observer: 'Observer', 'foster-carer': 'Foster carer',
};

const hhmm = (iso: string): string => instantToLondon(Date.parse(iso)).slice(11, 16);

export function alertCard(c: Conference, live: Pick<LiveMeeting, 'roster'>, a: MeetingAlert, delivery: number): AdaptiveCardJson {
  const invitee = a.inviteeId ? c.invitees.find((i) => i.id === a.inviteeId) : undefined;
  const entry = a.participantId ? live.roster.find((r) => r.participantId === a.participantId) : undefined;
  const who = invitee ? `${ROLE_LABEL[invitee.role]}${invitee.agency ? ` (${invitee.agency})` : ''}` : undefined;
  return render(
    meetingAlertViewModel({
      conferenceId: c.id,
      alertId: a.id,
      actionId: randomUUID(),
      caseReference: c.caseReference,
      kind: a.kind,
      stage: a.stage,
      ...(who ? { who } : {}),
      ...(a.kind === 'unknown-joiner' && entry?.displayName ? { teamsDisplayName: entry.displayName } : {}),
      raisedAt: hhmm(a.raisedAt),
      delivery,
      ...(a.acknowledgedAt ? { acknowledged: { at: hhmm(a.acknowledgedAt) } } : {}),
      ...(a.clearedAt ? { cleared: true } : {}),
    }),
  );
}
