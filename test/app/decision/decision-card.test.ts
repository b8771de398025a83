// The decision card's inputs and the agencies it lists: what the chair entered comes back exactly
// (a review's fields too), each error beside its field; agencies count when someone of theirs was
// matched in this meeting at any time or their report arrived — never an unmatched joiner.
import type { Data } from '../../../bot/cards/card-verbs';
import { decisionCard, draftFromCard } from '../../../bot/app/decision/decision-card';
import { eligibleAgencies, type LoadedDecision } from '../../../bot/app/decision/decision-context';
import type { DecisionView } from '../../../bot/app/decision/decision.use-case';
import { createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import { computeOutcome } from '../../../bot/domain/decision/decision-outcome';
import { validateDecision } from '../../../bot/domain/decision/validate-decision';
import type { LiveMeeting, RosterEntry } from '../../../bot/domain/meeting/live-meeting';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

const inv = (id: string, role: Invitee['role'], extra: Partial<Invitee> = {}): Invitee => ({ id, role, displayName: `Invented ${id}`, email: `${id}@example.test`, status: 'invited', ...extra });
const conference: Conference = {
  id: 'c-9', caseReference: 'MOS9', kind: 'RCPC', profileId: 'staffordshire', start: '2027-03-01T10:00', end: '2027-03-01T12:00', organizerId: 'clerk', status: 'booked',
  bookingVersion: 1, version: 1, anchors: { rcpc: '2026-09-01' },
  booking: { chairId: 'chair-id', socialWorkerId: 'sw-id', requestedBy: 'clerk', durationMinutes: 120, confidentialMinutes: 30 },
  invitees: [
    inv('inv-chair', 'chair', { directoryId: 'chair-id' }), inv('inv-sw', 'social-worker'), inv('inv-police', 'professional', { agency: 'police' }),
    inv('inv-gp', 'professional', { agency: 'health', status: 'removed' }), inv('inv-housing', 'professional', { agency: 'housing' }),
    inv('inv-school', 'professional', { agency: 'education', report: { driveItemId: 'd', fileName: 'r.pdf', contentType: 'application/pdf', bytes: 1, receivedAt: 't', receivedBy: 'x', onTime: true } }),
    inv('inv-mum', 'parent'), inv('inv-dad', 'parent'),
  ],
};
const entry = (participantId: string, inviteeId: string | undefined, inMeeting: boolean): RosterEntry => ({ participantId, ...(inviteeId && { inviteeId, matchedBy: 'email' as const }), inMeeting, firstJoinedAt: 't', lastEventAt: 't' });
const roster = [entry('29:sw', 'inv-sw', true), entry('29:po', 'inv-police', false), entry('29:gp', 'inv-gp', true), entry('29:guest', undefined, true)];
const profile = resolveProfile('staffordshire');

test('agencies: attended at any time (the police officer has left) or reporting; not removed invitees, not unmatched joiners', () => {
  expect(eligibleAgencies(conference, { roster }, profile)).toEqual({ eligible: ['childrens-social-care', 'police', 'education'], reportingOnly: ['education'] });
});

function viewFor(data: Data<'decision.save'>): DecisionView {
  const live: LiveMeeting = { conferenceId: 'c-9', teamsMeetingId: 'm', stage: 'decision', history: [], roster, alerts: [], version: 1, decisionDraft: draftFromCard(data) };
  const { eligible, reportingOnly } = eligibleAgencies(conference, live, profile);
  const loaded: LoadedDecision = { conference, live, profile, calendar: createWorkingCalendar('england-and-wales'), eligibleAgencies: eligible, reportingOnly };
  const check = validateDecision(live.decisionDraft!, { profile, calendar: loaded.calendar, conference, eligibleAgencies: eligible });
  return { loaded, draft: live.decisionDraft!, outcome: computeOutcome(profile.decisionRule, live.decisionDraft!.views, live.decisionDraft!.chairView), ranges: check.ranges, errors: check.ok ? {} : check.errors, problems: [] };
}

type Node = Record<string, unknown>;
function inputsAndErrors(card: unknown): { inputs: Record<string, unknown>; errors: Record<string, string> } {
  const inputs: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const walk = (n: unknown) => {
    if (Array.isArray(n)) {
      n.forEach((x, i) => {
        const o = x as Node;
        if (typeof o?.type === 'string' && o.type.startsWith('Input.')) {
          inputs[String(o.id)] = o.value;
          const next = n[i + 1] as Node | undefined;
          if (next?.type === 'TextBlock' && next.color === 'Attention') errors[String(o.id)] = String(next.text);
        }
        walk(x);
      });
    } else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) if (k !== 'fallback') walk(v);
  };
  walk(card);
  return { inputs, errors };
}

test('a review card: every value entered comes back, the errors beside their fields', () => {
  const data = {
    conferenceId: 'c-9', 'view_childrens-social-care': 'plan', view_police: 'plan', scaling_police: '7', view_education: 'no-plan', dissent_education: 'Invented reason',
    chairView: 'plan', category: 'neglect', leadSocialWorker: 'inv-sw', coreGroup: 'inv-police,inv-mum', firstCoreGroupDate: '2027-03-12', reviewDate: '2027-09-02',
    reviewOutcome: 'change-category', newCategory: 'neglect', allActionsComplete: 'false', endRationale: 'Invented rationale',
  } as Data<'decision.save'>;
  const card = decisionCard(viewFor(data), 'Not recorded yet.');
  const { inputs, errors } = inputsAndErrors(card);
  const { conferenceId: _id, ...entered } = data;
  expect(inputs).toMatchObject(entered);
  expect(errors).toEqual({
    reviewDate: 'Outside the allowed range: 2027-03-02 to 2027-09-01 (T3: within 6 months of the conference).',
    newCategory: 'The new category is the same as the current one: choose continue instead.',
  });
  const shown = JSON.stringify(card);
  expect(shown).toContain('Review conference date: 2027-03-02 to 2027-09-01 (T3');
  // Family by role only; the two parents told apart by number.
  expect(shown).toContain('Parent or carer 1');
  expect(shown).not.toContain('Invented inv-mum');
  expect(card.refresh).toMatchObject({ userIds: ['chair-id'] });
});
