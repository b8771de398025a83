// One invitee as the form holds it (strings, times as HH:mm on the conference day) and as the API
// takes it (InviteeDraft: conference-day date-times, nested interpreter, slot and exclusions).
// Pure: no React, so the conversion can be read (and is used) on its own.
import type { InviteeDraftInput, InviteeEntry, InviteePatchInput } from '../shell/api-types';
import { FAMILY_ROLES } from './form-labels';

export interface ExclusionValues {
  from: string;
  to: string;
  grounds: string;
}

export interface InviteeValues {
  role: string;
  agency: string;
  displayName: string;
  email: string;
  phone: string;
  /** Set when a professional was picked from the directory (never for the family). */
  directoryId: string;
  interpreterLanguage: string;
  interpreterArrangement: string;
  ageBand: string;
  advocate: '' | 'accepted' | 'declined';
  notInvitedDecidedBy: string;
  notInvitedReason: string;
  policeCheckReason: string;
  slotFrom: string;
  slotTo: string;
  exclusions: ExclusionValues[];
}

export const EMPTY_INVITEE: InviteeValues = {
  role: 'professional', agency: '', displayName: '', email: '', phone: '', directoryId: '', interpreterLanguage: '', interpreterArrangement: '',
  ageBand: '', advocate: '', notInvitedDecidedBy: '', notInvitedReason: '', policeCheckReason: '', slotFrom: '', slotTo: '', exclusions: [],
};

export const isFamilyRole = (role: string) => FAMILY_ROLES.includes(role);

const t = (s: string) => s.trim();
/** HH:mm on the conference day; "1045" and "9:05" are read as 10:45 and 09:05. */
const at = (day: string, hhmm: string) => {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(t(hhmm));
  return `${day}T${m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t(hhmm)}`;
};
const hhmmOf = (localDateTime: string | undefined) => (localDateTime ? localDateTime.slice(11, 16) : '');

/** The body for POST …/invitees. `day` is the conference's date (YYYY-MM-DD). Empty fields are left out. */
export function draftOf(v: InviteeValues, day: string): InviteeDraftInput {
  const family = isFamilyRole(v.role);
  const exclusions = v.exclusions.filter((e) => t(e.from) || t(e.to) || t(e.grounds)).map((e) => ({ from: at(day, e.from), to: at(day, e.to), grounds: t(e.grounds) }));
  return {
    role: v.role,
    displayName: t(v.displayName),
    email: t(v.email),
    ...(t(v.agency) && !family ? { agency: t(v.agency) } : {}),
    ...(t(v.phone) ? { phone: t(v.phone) } : {}),
    ...(t(v.directoryId) && !family ? { directoryId: t(v.directoryId) } : {}),
    ...(t(v.interpreterLanguage) ? { interpreter: { language: t(v.interpreterLanguage), arrangement: t(v.interpreterArrangement) || 'To be arranged by the clerk' } } : {}),
    ...(v.role === 'child' && t(v.ageBand) ? { ageBand: t(v.ageBand) } : {}),
    ...(v.role === 'child' && v.advocate ? { advocateOffered: { accepted: v.advocate === 'accepted' } } : {}),
    ...(v.role === 'child' && t(v.notInvitedReason) ? { notInvitedDecision: { decidedBy: t(v.notInvitedDecidedBy) || 'chair and social worker', reason: t(v.notInvitedReason) } } : {}),
    ...(t(v.policeCheckReason) ? { policeCheck: { reason: t(v.policeCheckReason) } } : {}),
    ...(family && (t(v.slotFrom) || t(v.slotTo)) ? { slot: { from: at(day, v.slotFrom), to: at(day, v.slotTo) } } : {}),
    ...(exclusions.length > 0 ? { exclusions } : {}),
  };
}

/** An entry on the list back into the form (to edit it). */
export function valuesOf(e: InviteeEntry): InviteeValues {
  return {
    role: e.role,
    agency: e.agency ?? '',
    displayName: e.displayName,
    email: e.email,
    phone: e.phone ?? '',
    directoryId: e.directoryId ?? '',
    interpreterLanguage: e.interpreter?.language ?? '',
    interpreterArrangement: e.interpreter?.arrangement ?? '',
    ageBand: e.ageBand ?? '',
    advocate: e.advocateOffered ? (e.advocateOffered.accepted ? 'accepted' : 'declined') : '',
    notInvitedDecidedBy: '',
    notInvitedReason: '',
    policeCheckReason: e.policeCheck?.reason ?? '',
    slotFrom: hhmmOf(e.slot?.from),
    slotTo: hhmmOf(e.slot?.to),
    exclusions: (e.exclusions ?? []).map((x) => ({ from: hhmmOf(x.from), to: hhmmOf(x.to), grounds: x.grounds })),
  };
}

/** The body for PATCH …/invitees/:id: only what changed (the server keeps every field not sent). */
export function patchOf(before: InviteeValues, after: InviteeValues, day: string): InviteePatchInput {
  const a = draftOf(before, day) as Record<string, unknown>;
  const b = draftOf(after, day) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) if (JSON.stringify(a[k]) !== JSON.stringify(v)) patch[k] = v;
  return patch as InviteePatchInput;
}

/** The server's field paths (INVITE_LIST.INVALID_INVITEE details.fields[].field) for one form field, most specific first. */
export const SERVER_FIELDS: Record<string, string[]> = {
  role: ['role', 'audience'],
  agency: ['agency'],
  displayName: ['displayName', 'directoryId'],
  email: ['email'],
  phone: ['phone'],
  interpreterLanguage: ['interpreter.language', 'interpreter'],
  interpreterArrangement: ['interpreter.arrangement'],
  ageBand: ['ageBand'],
  advocate: ['advocateOffered'],
  notInvitedReason: ['notInvitedDecision', 'notInvitedDecision.reason'],
  policeCheckReason: ['policeCheck.reason', 'policeCheck'],
  slotFrom: ['slot.from', 'slot'],
  slotTo: ['slot.to'],
};

export function errorFor(errors: Record<string, string>, field: string): string {
  const keys = SERVER_FIELDS[field] ?? [field];
  return keys.map((k) => errors[k]).filter(Boolean).join(' ');
}

/** Errors the form has no field for (shown above the form so none is lost). */
export function unplacedErrors(errors: Record<string, string>): string[] {
  const placed = new Set(Object.values(SERVER_FIELDS).flat());
  return Object.entries(errors)
    .filter(([k]) => !placed.has(k) && !/^exclusions(\.|$)/.test(k))
    .map(([, m]) => m);
}
