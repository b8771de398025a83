// The chair's run sheet: one read of the conference and its live meeting for the card, the page and
// the API alike — the stage and since when, expected vs present by section, who to admit now / who
// must wait / who must leave (admissionGuidance), unknown joiners to match, open alerts, the
// stage buttons (legalCommands), quorum at the start, and what the product knows of recording.
// Names only in the chair's (or clerk's) view: `withNames` false leaves roles and agencies.
import type { LocalDateTime } from '../../../domain/calendar/iso-date';
import { AGENCY_LABEL, isAgency } from '../../../domain/conference/agency';
import { type Conference, FAMILY_SIDE_ROLES, type InviteeRole } from '../../../domain/conference/conference';
import { admissionGuidance, type GuidanceLine } from '../../../domain/meeting/admission-guidance';
import type { AlertKind, LiveMeeting, MeetingStage, StageCommand } from '../../../domain/meeting/live-meeting';
import { type QuorumAtStart, quorumAtStart } from '../../../domain/meeting/quorum-at-start';
import { legalCommands, stageContextOf } from '../../../domain/meeting/stage-machine';
import type { PolicyProfile } from '../../../domain/policy/policy-profile';

export const STAGE_LABEL: Record<MeetingStage, string> = {
  'pre-meeting': 'Pre-meeting (chair and social worker)',
  confidential: 'Confidential section (professionals only)',
  family: 'Family section',
  decision: 'Decision',
  'looked-after': 'Looked-after part (dual process)',
  closed: 'Closed',
};

export const COMMAND_LABEL: Record<StageCommand, string> = {
  'open-confidential': 'Open the confidential section',
  'open-family': 'Open the family section',
  'open-decision': 'Move to the decision',
  'open-looked-after': 'Open the looked-after part',
  close: 'Close the meeting',
  'add-confidential-section': 'Add a confidential section',
};

export const ALERT_TEXT: Record<AlertKind, string> = {
  'family-in-confidential': 'A family member or their representative is in the meeting during the professionals-only part',
  'excluded-in-window': 'Someone is in the meeting during a part they are excluded from',
  'unknown-joiner': 'Someone the product cannot match to the invite list is in the meeting',
  'advocate-in-withheld-part': 'The advocate is in the meeting during a part withheld from the child',
  'not-in-looked-after-part': 'Someone is in the looked-after part who does not attend it',
  'outside-own-slot': 'A family member is in the meeting outside their own slot',
  'recording-started': 'Recording has started',
  'transcription-started': 'Transcription has started',
};

const ROLE_LABEL: Record<InviteeRole, string> = {
  chair: 'chair', 'social-worker': 'social worker', clerk: 'clerk', 'team-manager': 'team manager', professional: 'professional',
  parent: 'parent', child: 'child', 'family-other': 'family member', advocate: 'advocate', supporter: 'supporter',
  'legal-representative': 'legal representative', interpreter: 'interpreter', observer: 'observer', 'foster-carer': 'foster carer',
};

/** "police professional", "parent": how the chair finds the person in Teams' People list, without a name. */
export function roleText(role: InviteeRole, agency?: string): string {
  return agency && isAgency(agency) && role === 'professional' ? `${AGENCY_LABEL[agency]} ${ROLE_LABEL[role]}` : ROLE_LABEL[role];
}

/** Teams' own steps (no API admits or, without the calling bot, removes anyone). */
export function removalInstructions(who: string): string {
  return `In the meeting, open People, find ${who}, select More options (…) › Remove from meeting.`;
}

export interface RunSheetLine {
  inviteeId: string;
  role: InviteeRole;
  agency?: string;
  /** The chair's view only. */
  name?: string;
  who: string;
  present: boolean;
  /** Present: their Teams participant ids (the Remove button). */
  participantIds: string[];
}

export interface RunSheet {
  conferenceId: string;
  caseReference: string;
  kind: Conference['kind'];
  stage: MeetingStage;
  stageLabel: string;
  /** ISO instant the current stage began (the latest change, else the meeting's start). */
  stageSince: string | null;
  startedAt: string | null;
  sections: { section: 'professionals' | 'family'; expected: number; present: number }[];
  admitNow: RunSheetLine[];
  mustWait: RunSheetLine[];
  mustLeave: RunSheetLine[];
  unknownJoiners: { participantId: string; displayName?: string; since: string }[];
  alerts: { id: string; kind: AlertKind; text: string; participantId?: string; inviteeId?: string; raisedAt: string; acknowledged: boolean }[];
  commands: { command: StageCommand; label: string }[];
  quorum: QuorumAtStart & { proceeded: { at: string; by: string } | null; decided: boolean };
  recording: { recording: string; transcription: string };
  nextChange?: { at: LocalDateTime; what: string };
  /** How a removal is done: the calling bot, or the chair in Teams with instructions. */
  removal: 'calling-bot' | 'teams-instructions';
}

const sectionOf = (role: InviteeRole): 'professionals' | 'family' => (FAMILY_SIDE_ROLES.includes(role) || role === 'interpreter' ? 'family' : 'professionals');

function recordingText(state: 'unknown' | 'started' | 'stopped' | undefined, what: string): string {
  if (state === 'started') return `${what} has started`;
  if (state === 'stopped') return `${what} has stopped`;
  // The product only knows what Teams tells the bot: say so rather than imply it watches.
  return 'not known to the product';
}

export function runSheetOf(
  c: Conference,
  live: LiveMeeting,
  profile: PolicyProfile,
  now: LocalDateTime,
  options: { withNames: boolean; callingBot: boolean },
): RunSheet {
  const guidance = admissionGuidance(c, live, now);
  const byId = new Map(c.invitees.map((i) => [i.id, i]));
  const line = (g: GuidanceLine): RunSheetLine => ({
    inviteeId: g.inviteeId,
    role: g.role,
    ...(g.agency !== undefined && { agency: g.agency }),
    ...(options.withNames && byId.get(g.inviteeId) ? { name: byId.get(g.inviteeId)!.displayName } : {}),
    who: roleText(g.role, g.agency),
    present: g.present,
    participantIds: live.roster.filter((r) => r.inMeeting && r.inviteeId === g.inviteeId).map((r) => r.participantId),
  });
  const current = c.invitees.filter((i) => i.status !== 'removed');
  const presentIds = new Set(live.roster.filter((r) => r.inMeeting && r.inviteeId).map((r) => r.inviteeId));
  const expectedOf = (section: 'professionals' | 'family') =>
    current.filter((i) => sectionOf(i.role) === section && i.attendance?.at(-1)?.answer !== 'not-attending');
  const sections = (['professionals', 'family'] as const).map((section) => {
    const expected = expectedOf(section);
    return { section, expected: expected.length, present: current.filter((i) => sectionOf(i.role) === section && presentIds.has(i.id)).length };
  });
  const q = quorumAtStart(c, live, profile.quoracy);
  const proceeded = live.quorum?.proceeded;
  return {
    conferenceId: c.id,
    caseReference: c.caseReference,
    kind: c.kind,
    stage: live.stage,
    stageLabel: STAGE_LABEL[live.stage],
    stageSince: live.history.at(-1)?.at ?? live.startedAt ?? null,
    startedAt: live.startedAt ?? null,
    sections,
    admitNow: guidance.admitNow.map(line),
    mustWait: guidance.mustWait.map(line),
    mustLeave: guidance.mustLeave.map(line),
    unknownJoiners: live.roster
      .filter((r) => r.inMeeting && !r.inviteeId)
      .map((r) => ({ participantId: r.participantId, ...(options.withNames && r.displayName ? { displayName: r.displayName } : {}), since: r.firstJoinedAt })),
    alerts: live.alerts
      .filter((a) => !a.clearedAt)
      .map((a) => ({
        id: a.id, kind: a.kind, text: ALERT_TEXT[a.kind],
        ...(a.participantId !== undefined && { participantId: a.participantId }),
        ...(a.inviteeId !== undefined && { inviteeId: a.inviteeId }),
        raisedAt: a.raisedAt, acknowledged: a.acknowledgedAt !== undefined,
      })),
    commands: legalCommands(live, stageContextOf(c)).map((command) => ({ command, label: COMMAND_LABEL[command] })),
    quorum: { ...q, proceeded: proceeded ? { at: proceeded.at, by: proceeded.by } : null, decided: q.quorate || proceeded !== undefined },
    recording: { recording: recordingText(live.recording?.recording, 'Recording'), transcription: recordingText(live.recording?.transcription, 'Transcription') },
    ...(guidance.nextChange && { nextChange: guidance.nextChange }),
    removal: options.callingBot ? 'calling-bot' : 'teams-instructions',
  };
}
