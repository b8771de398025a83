// What the chair is told at each stage change (issue 9): who to admit now, who must wait in the
// lobby, who is present and must leave, and when the next time-based change is due (a slot or an
// exclusion window starting or ending, the family section's planned start). Ids and roles only:
// the card adds names for the chair.
import type { LocalDateTime } from '../calendar/iso-date';
import type { Conference, InviteeRole } from '../conference/conference';
import type { LiveMeeting, MeetingStage } from './live-meeting';
import { presenceOf } from './presence-rules';

export interface GuidanceLine { inviteeId: string; role: InviteeRole; agency?: string; present: boolean }
export interface AdmissionGuidance { stage: MeetingStage; admitNow: GuidanceLine[]; mustWait: GuidanceLine[]; mustLeave: GuidanceLine[]; nextChange?: { at: LocalDateTime; what: string } }

export function admissionGuidance(c: Conference, live: Pick<LiveMeeting, 'stage' | 'roster'>, now: LocalDateTime): AdmissionGuidance {
  const g: AdmissionGuidance = { stage: live.stage, admitNow: [], mustWait: [], mustLeave: [] };
  if (live.stage === 'closed') return g;
  const present = new Set(live.roster.filter((r) => r.inMeeting && r.inviteeId !== undefined).map((r) => r.inviteeId));
  for (const i of c.invitees) {
    if (i.status === 'removed') continue;
    const line: GuidanceLine = { inviteeId: i.id, role: i.role, ...(i.agency !== undefined && { agency: i.agency }), present: present.has(i.id) };
    const allowed = presenceOf(c, i, live.stage, now).allowed;
    if (line.present && !allowed) g.mustLeave.push(line);
    else if (!line.present) (allowed ? g.admitNow : g.mustWait).push(line);
  }
  const next = nextChange(c, live.stage, now);
  if (next) g.nextChange = next;
  return g;
}

function nextChange(c: Conference, stage: MeetingStage, now: LocalDateTime): { at: LocalDateTime; what: string } | undefined {
  const changes: { at: LocalDateTime; what: string }[] = [];
  if ((stage === 'pre-meeting' || stage === 'confidential') && c.familySectionStart) changes.push({ at: c.familySectionStart, what: 'family section due to start' });
  for (const i of c.invitees) {
    if (i.status === 'removed') continue;
    for (const w of i.exclusions ?? []) {
      changes.push({ at: w.from, what: `exclusion window starts (${i.role} ${i.id})` });
      changes.push({ at: w.to, what: `exclusion window ends (${i.role} ${i.id})` });
    }
    if (stage === 'family' && i.slot) {
      changes.push({ at: i.slot.from, what: `slot starts (${i.role} ${i.id})` });
      changes.push({ at: i.slot.to, what: `slot ends (${i.role} ${i.id})` });
    }
  }
  return changes.filter((x) => x.at > now).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))[0];
}
