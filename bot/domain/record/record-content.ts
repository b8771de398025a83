// The decision and recommendations record (DOMAIN-RULES §2 T12, §5): what it says, section by
// section, each section tagged with the part of the meeting it comes from so that a copy can leave
// out what its reader was not allowed to hear. Layout-neutral: HTML, PDF and plain text are
// renderings of this. Names appear only inside the record (it goes to invitees), never elsewhere.
import type { IsoDate } from '../calendar/iso-date';
import { toDayNumber, weekdayOf } from '../calendar/civil-date';
import { type Conference, FAMILY_SIDE_ROLES, type Invitee, type InviteeRole } from '../conference/conference';
import type { ConferenceKind } from '../conference/conference-kind';
import type { Decision, HarmCategory } from '../decision/decision';
import type { LiveMeeting } from '../meeting/live-meeting';
import { type PartWindow, RECORD_PARTS, type RecordPart, type Withheld } from './record-parts';

export interface RecordFact {
  label: string;
  value: string;
}

export interface RecordSection {
  /** 'summary' and 'attendance' go to everyone; the others are parts of the meeting. */
  part: RecordPart | 'summary' | 'attendance';
  heading: string;
  facts: RecordFact[];
  paragraphs: string[];
}

/** Who the copy is for: family copies name no family member (each is invited individually, §4). */
export type RecordAudience = 'professional' | 'family';

export interface RecordDocument {
  title: string;
  caseReference: string;
  /** The version: audience and the parts left out ('professional', 'family-without-confidential', …). */
  versionKey: string;
  audience: RecordAudience;
  withheld: RecordPart[];
  sections: RecordSection[];
  /** Said at the top of a copy that leaves parts out. */
  withheldNote?: string;
}

export interface RecordInput {
  conference: Conference;
  live: Pick<LiveMeeting, 'history' | 'roster'>;
  decision: Decision;
  windows: readonly PartWindow[];
  /** The T12 date: issued within N working days of the conference. */
  deadline: IsoDate;
}

const KIND: Record<ConferenceKind, string> = {
  ICPC: 'Initial child protection conference',
  RCPC: 'Review child protection conference',
  CORE_GROUP: 'Core group meeting',
  TRANSFER_IN: 'Transfer-in child protection conference',
  PRE_BIRTH: 'Pre-birth child protection conference',
};
const ROLE: Record<InviteeRole, string> = {
  chair: 'Chair', 'social-worker': 'Social worker', clerk: 'Minute taker', 'team-manager': 'Team manager', professional: 'Professional',
  parent: 'Parent', child: 'Child', 'family-other': 'Family member', advocate: 'Advocate', supporter: 'Supporter',
  'legal-representative': 'Legal representative', interpreter: 'Interpreter', observer: 'Observer', 'foster-carer': 'Carer',
};
const OUTCOME: Record<Decision['outcome'], string> = {
  'child-protection-plan': 'Child protection plan',
  'child-in-need': 'Child in need plan',
  'no-further-action': 'No further action',
};
const DECIDED_BY: Record<Decision['decidedBy'], string> = {
  majority: 'By the majority of agency views',
  'casting-vote': "Agency views were equally split: settled by the chair's casting vote",
  chair: 'By the chair, having heard every agency',
};
const VIEW = { plan: 'Child protection plan', 'no-plan': 'No child protection plan', abstain: 'Abstained' } as const;
const CATEGORY: Record<HarmCategory, string> = { physical: 'Physical abuse', emotional: 'Emotional abuse', sexual: 'Sexual abuse', neglect: 'Neglect', multiple: 'Multiple' };
const REVIEW = { continue: 'The plan continues', 'change-category': 'The plan continues under a changed category', 'end-plan': 'The plan ends' } as const;
const PART_HEADING: Record<RecordPart, string> = {
  confidential: 'Confidential section (professionals only)',
  family: 'Family section',
  decision: 'Decision and recommendations',
  'looked-after': 'Looked-after review part',
};
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Monday 1 March 2027". */
export function longDate(date: IsoDate): string {
  const d = date.slice(0, 10);
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return `${DAYS[weekdayOf(toDayNumber(d))]} ${day} ${MONTHS[m - 1]} ${y}`;
}

const hhmm = (local?: string) => (local ? local.slice(11, 16) : 'time not recorded');
const held = (windows: readonly PartWindow[], part: RecordPart) => windows.filter((w) => w.part === part);
const familySide = (i: Invitee) => FAMILY_SIDE_ROLES.includes(i.role);

/** How a person is written in this audience's copy: family members by role only in family copies. */
function personOf(i: Invitee, audience: RecordAudience): string {
  const role = i.agency ? `${ROLE[i.role]}, ${i.agency}` : ROLE[i.role];
  return audience === 'family' && familySide(i) ? role : `${i.displayName} (${role})`;
}

export function versionKeyOf(audience: RecordAudience, withheld: readonly RecordPart[]): string {
  return withheld.length === 0 ? audience : `${audience}-without-${withheld.join('-')}`;
}

/** Every section of the record, as the full professional copy has them. */
function sectionsOf(input: RecordInput, audience: RecordAudience): RecordSection[] {
  const { conference: c, decision: d, windows, live } = input;
  const listed = c.invitees.filter((i) => i.status !== 'removed');
  const byId = new Map(listed.map((i) => [i.id, i]));
  const present = new Set(live.roster.flatMap((r) => (r.inviteeId ? [r.inviteeId] : [])));
  const sections: RecordSection[] = [];

  sections.push({
    part: 'summary',
    heading: 'Conference',
    facts: [
      { label: 'Case reference', value: c.caseReference },
      { label: 'Meeting', value: KIND[c.kind] },
      { label: 'Date', value: longDate(c.start) },
      { label: 'Time', value: `${hhmm(c.start)} to ${hhmm(c.end)}` },
      { label: 'Decision recorded', value: d.at.slice(0, 10) },
      { label: 'Record due by (T12)', value: longDate(input.deadline) },
    ],
    paragraphs: [],
  });

  sections.push({
    part: 'attendance',
    heading: 'Invited and attended',
    facts: listed.map((i) => ({
      label: personOf(i, audience),
      value: present.has(i.id) ? 'Attended' : i.report ? 'Did not attend; sent a report' : 'Did not attend',
    })),
    paragraphs: live.roster.length === 0 ? ['Attendance was not recorded by the product for this meeting.'] : [],
  });

  for (const w of held(windows, 'confidential')) {
    sections.push({
      part: 'confidential',
      heading: PART_HEADING.confidential,
      facts: [{ label: 'Held', value: `${hhmm(w.from)} to ${hhmm(w.to)}` }],
      paragraphs: ['Professionals shared information that is not shared with the family (third-party information, investigations, legal advice).'],
    });
  }
  for (const w of held(windows, 'family')) {
    const slots = audience === 'professional' ? listed.filter((i) => i.slot).map((i) => ({ label: `Own slot: ${personOf(i, audience)}`, value: `${hhmm(i.slot!.from)} to ${hhmm(i.slot!.to)}` })) : [];
    sections.push({ part: 'family', heading: PART_HEADING.family, facts: [{ label: 'Held', value: `${hhmm(w.from)} to ${hhmm(w.to)}` }, ...slots], paragraphs: [] });
  }

  const name = (id?: string) => {
    const i = id ? byId.get(id) : undefined;
    return i ? personOf(i, audience) : 'Not recorded';
  };
  const facts: RecordFact[] = [
    { label: 'Outcome', value: OUTCOME[d.outcome] },
    { label: 'How it was decided', value: DECIDED_BY[d.decidedBy] },
    ...d.views.map((v) => ({ label: `View: ${v.agency}`, value: `${VIEW[v.view]}${v.scaling !== undefined ? ` (scaling ${v.scaling}/10)` : ''}` })),
  ];
  if (d.chairView) facts.push({ label: "Chair's view", value: VIEW[d.chairView] });
  if (d.category) facts.push({ label: 'Category', value: CATEGORY[d.category] });
  if (d.review) {
    facts.push({ label: 'Review outcome', value: REVIEW[d.review.outcome] });
    if (d.review.newCategory) facts.push({ label: 'New category', value: CATEGORY[d.review.newCategory] });
    if (d.review.allActionsComplete !== undefined) facts.push({ label: 'All actions complete', value: d.review.allActionsComplete ? 'Yes' : 'No' });
  }
  if (d.leadSocialWorkerInviteeId) facts.push({ label: 'Lead social worker', value: name(d.leadSocialWorkerInviteeId) });
  if (d.coreGroupInviteeIds.length > 0) facts.push({ label: 'Core group', value: d.coreGroupInviteeIds.map(name).join('; ') });
  if (d.firstCoreGroupDate) facts.push({ label: 'First core group', value: longDate(d.firstCoreGroupDate) });
  if (d.reviewDate) facts.push({ label: 'Review conference', value: longDate(d.reviewDate) });
  const paragraphs: string[] = [];
  if (d.chairConcerns) paragraphs.push(`The chair's concerns: ${d.chairConcerns}`);
  for (const x of d.dissent) paragraphs.push(`Dissent (${x.agency}): ${x.reason}`);
  if (d.review?.endRationale) paragraphs.push(`Rationale: ${d.review.endRationale}`);
  const decisionWindows = held(windows, 'decision');
  for (const w of decisionWindows.length > 0 ? decisionWindows : [{ part: 'decision' as const, source: 'planned' as const }]) {
    sections.push({ part: 'decision', heading: PART_HEADING.decision, facts: [...(w.from ? [{ label: 'Held', value: `${hhmm(w.from)} to ${hhmm(w.to)}` }] : []), ...facts], paragraphs });
  }

  for (const w of held(windows, 'looked-after')) {
    sections.push({
      part: 'looked-after',
      heading: PART_HEADING['looked-after'],
      facts: [{ label: 'Held', value: `${hhmm(w.from)} to ${hhmm(w.to)}` }],
      paragraphs: ['Attended by the chair, the child, the social worker, the carer and the parents only (dual process, 001). Its decisions are recorded with the looked-after review.'],
    });
  }
  return sections;
}

/** The copy for one audience leaving out `withheld` parts: those sections are not in it at all. */
export function buildRecord(input: RecordInput, audience: RecordAudience, withheld: readonly Withheld[]): RecordDocument {
  const parts = RECORD_PARTS.filter((p) => withheld.some((w) => w.part === p));
  const sections = sectionsOf(input, audience).filter((s) => !(parts as readonly string[]).includes(s.part));
  const personal = withheld.some((w) => w.reason === 'exclusion' || w.reason === 'slot');
  const note = parts.length === 0
    ? undefined
    : personal
      ? 'This copy leaves out the parts of the meeting you were not part of, as the chair decided. The chair approved this copy.'
      : 'This copy leaves out the parts of the meeting for professionals only.';
  return {
    title: `Decision and recommendations: ${input.conference.caseReference}`,
    caseReference: input.conference.caseReference,
    versionKey: versionKeyOf(audience, parts),
    audience,
    withheld: parts,
    sections,
    ...(note ? { withheldNote: note } : {}),
  };
}

export const audienceOf = (i: Invitee): RecordAudience => (familySide(i) ? 'family' : 'professional');

/** The copy's plain text, line by line: the PDF's lines and what tests search. */
export function recordLines(doc: RecordDocument): { style: 'title' | 'heading' | 'text'; text: string }[] {
  const out: { style: 'title' | 'heading' | 'text'; text: string }[] = [{ style: 'title', text: doc.title }];
  if (doc.withheldNote) out.push({ style: 'text', text: doc.withheldNote });
  for (const s of doc.sections) {
    out.push({ style: 'heading', text: s.heading });
    for (const f of s.facts) out.push({ style: 'text', text: `${f.label}: ${f.value}` });
    for (const p of s.paragraphs) out.push({ style: 'text', text: p });
  }
  return out;
}
