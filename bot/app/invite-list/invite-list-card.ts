// The invite list card in chat ("invite <case reference>"): its view model from the list, and its
// two verbs. Adding checks every rule; a refusal answers with the same card, each error beside its
// field and every value kept. A card showing an old version of the list is answered with the
// current list and the entry kept, never applied over someone else's change.
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { dialogButtonData } from '../../cards/card-dialogs';
import { type Choice, INVITE_FORM_FIELDS, type InviteFormField, render } from '../../cards/invite-list/invite-list.view-model';
import type { Viewer } from '../../domain/access/access-decision';
import { AGENCIES, AGENCY_LABEL, isAgency } from '../../domain/conference/agency';
import type { ChildAgeBand, InviteeRole } from '../../domain/conference/conference';
import { CHILD_AGE_BANDS, type FieldError, INVITEE_ROLES, type InviteeDraft } from '../../domain/invite-list/invitee-rules';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import { type SendInvitationsResult, sendInvitations } from './send-invitations.use-case';
import type { Data } from '../../cards/card-verbs';
import { longDate, timeRange } from '../attendance/conference-when';
import { InviteListVersionStale } from '../meetings/change-booking.use-case';
import type { CardActionHandlers } from '../ports/card-action.port';
import { InvalidInvitee } from './invite-list-errors';
import type { InviteeEntry, InviteListView } from './invite-list-view';
import { addToInviteList, readInviteList, removeFromInviteList } from './invite-list.use-case';

/** Exported for the drift test of the tab's copy (test/tab/form-labels.test.ts). */
export const ROLE_LABEL: Record<InviteeRole, string> = {
  chair: 'Chair', 'social-worker': 'Social worker', clerk: 'Clerk / minute taker', 'team-manager': 'Team manager', professional: 'Agency professional',
  parent: 'Parent or carer', child: 'The child', 'family-other': 'Other family member', advocate: 'Advocate', supporter: 'Supporter (listens only)',
  'legal-representative': 'Legal representative', interpreter: 'Interpreter', observer: 'Observer', 'foster-carer': 'Foster carer',
};
export const AGE_LABEL: Record<ChildAgeBand, string> = { 'under-5': 'Under 5', '5-to-12': '5 to 12', 'over-12': 'Over 12' };

const LABELS: Record<InviteFormField, string> = {
  role: 'Role', audience: 'Audience (professional or family)', agency: 'Agency (professionals)', displayName: 'Name', email: 'E-mail',
  phone: 'Phone (family members)', interpreterLanguage: 'Interpreter needed: language', ageBand: "Child's age band",
  advocateOffered: 'Advocate offered (children over 5)', policeCheckReason: 'Police check: reason (required for a check)',
  slotFrom: 'Own slot from (split attendance)', slotTo: 'Own slot until', exclusionFrom: 'Must not hear: from', exclusionTo: 'Must not hear: until',
  exclusionGrounds: 'Grounds for that exclusion', notInvitedReason: 'Child over 12 not invited: the reason the chair and social worker agreed',
};

const FIELD_OF: Record<string, InviteFormField> = {
  role: 'role', audience: 'audience', agency: 'agency', displayName: 'displayName', email: 'email', directoryId: 'email', phone: 'phone',
  'interpreter.language': 'interpreterLanguage', ageBand: 'ageBand', notInvitedDecision: 'notInvitedReason', advocateOffered: 'advocateOffered', 'policeCheck.reason': 'policeCheckReason',
  slot: 'slotFrom', 'slot.from': 'slotFrom', 'slot.to': 'slotTo', slotFrom: 'slotFrom', slotTo: 'slotTo',
  exclusionFrom: 'exclusionFrom', exclusionTo: 'exclusionTo', exclusionGrounds: 'exclusionGrounds', notInvitedReason: 'notInvitedReason',
  exclusions: 'exclusionFrom', 'exclusions.0': 'exclusionFrom', 'exclusions.0.from': 'exclusionFrom', 'exclusions.0.to': 'exclusionTo', 'exclusions.0.grounds': 'exclusionGrounds',
};

const empty = (): Record<InviteFormField, string> => Object.fromEntries(INVITE_FORM_FIELDS.map((f) => [f, ''])) as Record<InviteFormField, string>;
const choices = <T extends string>(values: readonly T[], label: (v: T) => string): Choice[] => values.map((value) => ({ title: label(value), value }));

function detailOf(e: InviteeEntry): string {
  const parts = [ROLE_LABEL[e.role]];
  if (e.agency && isAgency(e.agency)) parts.push(AGENCY_LABEL[e.agency]);
  if (!e.invited) parts.push(e.notInvitedReason === 'decision' ? 'not invited (decision recorded)' : 'listed, not invited (age)');
  else parts.push(e.status === 'invited' ? 'invited' : 'not sent yet');
  if (e.late) parts.push(`invited late (notice deadline ${e.notice?.deadline})`);
  if (e.attendance) parts.push(e.attendance.answer.replace('-', ' '));
  return parts.join(' · ');
}

export function inviteListCard(list: InviteListView, options: { notice?: string; values?: Record<InviteFormField, string>; errors?: FieldError[] } = {}, actionId: string = randomUUID()): AdaptiveCardJson {
  const errors = empty();
  const unplaced: string[] = [];
  for (const e of options.errors ?? []) {
    const field = FIELD_OF[e.field];
    if (field) errors[field] = errors[field] ? `${errors[field]} ${e.message}` : e.message;
    else unplaced.push(e.message);
  }
  return render({
    title: `Invite list: ${list.caseReference}`,
    when: `${longDate(list.start)}, ${timeRange(list)} · version ${list.version}`,
    notice: [options.notice ?? '', ...unplaced].filter((s) => s !== '').join(' '),
    warnings: list.warnings.map((w) => ({ text: w.message })),
    listHeading: list.invitees.length === 0 ? 'Nobody is on the list yet.' : `On the list (${list.invitees.length})`,
    rows: list.invitees.map((e) => ({ inviteeId: e.id, name: e.displayName || ROLE_LABEL[e.role], detail: detailOf(e), removeTitle: 'Remove', removeVerb: 'invite-list.remove', actionId: `${actionId}.${e.id}` })),
    formHeading: 'Add one person',
    formHint: 'Professionals need an agency; family members an e-mail and a phone. Family members are never looked up in the directory.',
    labels: LABELS,
    values: options.values ?? empty(),
    errors,
    roleChoices: choices(INVITEE_ROLES, (r) => ROLE_LABEL[r]),
    audienceChoices: [{ title: 'Professional', value: 'professional' }, { title: 'Family', value: 'family' }],
    agencyChoices: choices(AGENCIES, (a) => AGENCY_LABEL[a]),
    ageBandChoices: choices(CHILD_AGE_BANDS, (b) => AGE_LABEL[b]),
    advocateChoices: [{ title: 'Offered and accepted', value: 'accepted' }, { title: 'Offered and declined', value: 'declined' }],
    addTitle: 'Add to the list',
    addVerb: 'invite-list.add',
    removeVerb: 'invite-list.remove',
    sendTitle: 'Send invitations',
    sendVerb: 'invitations.send',
    dialogTitle: 'Open the full form',
    dialogData: dialogButtonData('invite-list', list.conferenceId),
    conferenceId: list.conferenceId,
    version: list.version,
    actionId,
  });
}

type AddData = Data<'invite-list.add'>;

/** The card's inputs as a draft, or the field errors of what cannot even be read. */
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function draftOf(data: AddData, now: string, day: string, decidedBy: string): { draft?: InviteeDraft; errors: FieldError[] } {
  const errors: FieldError[] = [];
  // Times are typed on the conference day; the domain checks they fall inside the conference.
  const at = (field: 'slotFrom' | 'slotTo' | 'exclusionFrom' | 'exclusionTo'): string | undefined => {
    const v = data[field];
    if (v === undefined) return undefined;
    if (!HHMM.test(v)) {
      errors.push({ field, code: 'INVITE_LIST.FIELD_REQUIRED', message: 'Give a time as HH:mm.' });
      return undefined;
    }
    return `${day}T${v}`;
  };
  const slot = { from: at('slotFrom'), to: at('slotTo') };
  const exclusion = { from: at('exclusionFrom'), to: at('exclusionTo') };
  if ((slot.from === undefined) !== (slot.to === undefined) && errors.length === 0) errors.push({ field: slot.from ? 'slotTo' : 'slotFrom', code: 'INVITE_LIST.FIELD_REQUIRED', message: 'Give both the start and the end of the slot.' });
  const wantsExclusion = exclusion.from !== undefined || exclusion.to !== undefined || data.exclusionGrounds !== undefined;
  if (wantsExclusion && (exclusion.from === undefined || exclusion.to === undefined || data.exclusionGrounds === undefined) && errors.length === 0) {
    errors.push({ field: exclusion.from === undefined ? 'exclusionFrom' : exclusion.to === undefined ? 'exclusionTo' : 'exclusionGrounds', code: 'INVITE_LIST.FIELD_REQUIRED', message: 'An exclusion needs its start, its end and its grounds.' });
  }
  const role = data.role as InviteeRole | undefined;
  if (!role || !INVITEE_ROLES.includes(role)) errors.push({ field: 'role', code: 'INVITE_LIST.FIELD_REQUIRED', message: 'Choose a role.' });
  if (data.audience && data.audience !== 'professional' && data.audience !== 'family') errors.push({ field: 'audience', code: 'INVITE_LIST.FIELD_REQUIRED', message: 'Choose professional or family.' });
  if (data.ageBand && !CHILD_AGE_BANDS.includes(data.ageBand as ChildAgeBand)) errors.push({ field: 'ageBand', code: 'INVITE_LIST.FIELD_REQUIRED', message: 'Choose an age band.' });
  if (errors.length > 0) return { errors };
  const draft: InviteeDraft = {
    role: role!,
    displayName: data.displayName ?? '',
    email: data.email ?? '',
    ...(data.audience ? { audience: data.audience as 'professional' | 'family' } : {}),
    ...(data.agency ? { agency: data.agency } : {}),
    ...(data.phone ? { phone: data.phone } : {}),
    ...(data.interpreterLanguage ? { interpreter: { language: data.interpreterLanguage, arrangement: 'To be arranged by the conference team' } } : {}),
    ...(data.ageBand ? { ageBand: data.ageBand as ChildAgeBand } : {}),
    ...(data.advocateOffered === 'accepted' || data.advocateOffered === 'declined' ? { advocateOffered: { at: now, accepted: data.advocateOffered === 'accepted' } } : {}),
    ...(data.policeCheckReason ? { policeCheck: { reason: data.policeCheckReason } } : {}),
    ...(slot.from && slot.to ? { slot: { from: slot.from, to: slot.to } } : {}),
    ...(wantsExclusion && exclusion.from && exclusion.to && data.exclusionGrounds ? { exclusions: [{ from: exclusion.from, to: exclusion.to, grounds: data.exclusionGrounds }] } : {}),
    ...(data.notInvitedReason ? { notInvitedDecision: { decidedBy, reason: data.notInvitedReason, at: now } } : {}),
  };
  return { draft, errors };
}

function valuesOf(data: AddData): Record<InviteFormField, string> {
  const v = empty();
  for (const f of INVITE_FORM_FIELDS) v[f] = (data as unknown as Record<string, string | undefined>)[f] ?? '';
  return v;
}

async function added(deps: AppDeps, viewer: Viewer, data: AddData): Promise<AdaptiveCardJson> {
  const values = valuesOf(data);
  const conference = await deps.store.get(data.conferenceId);
  const { draft, errors } = draftOf(data, deps.clock.now().toISOString(), conference?.start.slice(0, 10) ?? '', viewer.id);
  if (!draft) return inviteListCard(await readInviteList(deps, viewer, data.conferenceId), { values, errors, notice: 'Nothing was added: check the fields marked.' });
  try {
    const r = await addToInviteList(deps, viewer, data.conferenceId, data.version, draft);
    return inviteListCard(r.list, { notice: 'Added. It goes out when you send the invitations.' });
  } catch (err) {
    if (err instanceof InvalidInvitee) return inviteListCard(await readInviteList(deps, viewer, data.conferenceId), { values, errors: err.fields, notice: 'Nothing was added: check the fields marked.' });
    if (err instanceof InviteListVersionStale) return inviteListCard(await readInviteList(deps, viewer, data.conferenceId), { values, notice: 'Someone changed the list since this card was shown. Here it is again with your entry kept: check it and add again.' });
    throw err;
  }
}

/** What a send did, in one line for the card (ids and counts only: names stay on the list). */
function sentNotice(r: SendInvitationsResult): string {
  const parts = [`Invitations sent: ${r.invited.length}.`];
  if (r.late.length > 0) parts.push(`${r.late.length} sent after the notice deadline (the clerk is alerted).`);
  if (r.family.failed.length + r.family.unknown.length > 0) parts.push(`${r.family.failed.length + r.family.unknown.length} family e-mail(s) need checking.`);
  return parts.join(' ');
}

export function inviteListCardHandlers(deps: AppDeps): Pick<CardActionHandlers, 'invite-list.add' | 'invite-list.remove' | 'invitations.send'> {
  return {
    'invitations.send': async (request) => {
      const viewer = await requireViewer(deps, request.actorId, request.verb);
      const sent = await sendInvitations(deps, viewer, request.data.conferenceId);
      return { kind: 'card', card: inviteListCard(sent.list, { notice: sentNotice(sent) }) };
    },
    'invite-list.add': async (request) => {
      const viewer = await requireViewer(deps, request.actorId, request.verb);
      return { kind: 'card', card: await added(deps, viewer, request.data) };
    },
    'invite-list.remove': async (request) => {
      const viewer = await requireViewer(deps, request.actorId, request.verb);
      try {
        const list = await removeFromInviteList(deps, viewer, request.data.conferenceId, request.data.inviteeId, request.data.version);
        return { kind: 'card', card: inviteListCard(list, { notice: 'Removed from the list.' }) };
      } catch (err) {
        if (err instanceof InviteListVersionStale) return { kind: 'card', card: inviteListCard(await readInviteList(deps, viewer, request.data.conferenceId), { notice: 'Someone changed the list since this card was shown: nothing was removed. Here is the current list.' }) };
        throw err;
      }
    },
  };
}
