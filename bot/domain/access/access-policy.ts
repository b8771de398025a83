// Who may do what: the one table the API and the bot both read (docs/access.md). Pure data; the
// rule that applies it is access-decision.ts. A role missing from an action's list is refused.
import type { InviteeRole } from '../conference/conference';

/** The product's roles (PRODUCT.md). A person's role comes from the directory or their link. */
export const ACCESS_ROLES = [
  'clerk',
  'chair',
  'social-worker',
  'team-manager',
  'professional',
  'family-member',
  'safeguarding-manager',
  'service-manager',
] as const;

export type AccessRole = (typeof ACCESS_ROLES)[number];

/**
 * What an invitee's role on one conference means for access there. Family-side roles (parent,
 * child, family-other, advocate, supporter, legal representative, foster carer; FAMILY_SIDE_ROLES)
 * are family members. Interpreters and observers hear only part of the meeting, so they are given
 * no more than a family member: their own invitation.
 */
export const ACCESS_ROLE_OF_INVITEE: { readonly [R in InviteeRole]: AccessRole } = {
  chair: 'chair',
  'social-worker': 'social-worker',
  clerk: 'clerk',
  'team-manager': 'team-manager',
  professional: 'professional',
  parent: 'family-member',
  child: 'family-member',
  'family-other': 'family-member',
  advocate: 'family-member',
  supporter: 'family-member',
  'legal-representative': 'family-member',
  'foster-carer': 'family-member',
  interpreter: 'family-member',
  observer: 'family-member',
};

/**
 * - council: not about one conference (a directory search, a new booking, deadlines across the council).
 * - conference: about one conference; only people who are part of it, unless their role is in
 *   `councilWide` (managers who oversee every conference for that action).
 * - own-invitation: about the viewer's own invitation to one conference (their answer, their report).
 */
export type AccessScope = 'council' | 'conference' | 'own-invitation';

export interface AccessRule {
  scope: AccessScope;
  roles: readonly AccessRole[];
  /** Roles allowed on any conference of the council for this action without being part of it. */
  councilWide?: readonly AccessRole[];
}

const STAFF = ['clerk', 'chair', 'social-worker', 'team-manager'] as const;
const MANAGERS = ['safeguarding-manager', 'service-manager'] as const;

export const ACCESS_POLICY = {
  // People and booking (PRODUCT.md step 1; issue 8 "People", "Booking")
  'people.search': { scope: 'council', roles: [...STAFF, 'professional', ...MANAGERS] },
  'conference.create': { scope: 'council', roles: ['clerk', 'social-worker'] },
  'deadlines.list': { scope: 'council', roles: [...STAFF, ...MANAGERS] },
  'booking.approve-late': { scope: 'conference', roles: ['team-manager', ...MANAGERS], councilWide: MANAGERS },
  'repeat-plan.record-oversight': { scope: 'conference', roles: ['service-manager'], councilWide: ['service-manager'] },
  // Reading one conference (the projection narrows what each role sees: view-of-conference.ts)
  'conference.read': { scope: 'conference', roles: ACCESS_ROLES, councilWide: MANAGERS },
  'invite-list.read': { scope: 'conference', roles: [...STAFF, ...MANAGERS], councilWide: MANAGERS },
  'board.read': { scope: 'conference', roles: [...STAFF, ...MANAGERS], councilWide: MANAGERS },
  'deadlines.read': { scope: 'conference', roles: [...STAFF, ...MANAGERS], councilWide: MANAGERS },
  'reports.read': { scope: 'conference', roles: [...STAFF, 'professional'] },
  'audit.read': { scope: 'conference', roles: ['clerk', 'chair', ...MANAGERS], councilWide: MANAGERS },
  // Changing one conference before the call (steps 1–4)
  'conference.reschedule': { scope: 'conference', roles: ['clerk', 'chair', 'social-worker'] },
  'conference.stand-down': { scope: 'conference', roles: ['clerk', 'chair', 'social-worker', 'team-manager'] },
  'stand-down.approve': { scope: 'conference', roles: ['safeguarding-manager'], councilWide: ['safeguarding-manager'] },
  'rebooking.approve-past-last-date': { scope: 'conference', roles: ['service-manager'], councilWide: ['service-manager'] },
  'invite-list.edit': { scope: 'conference', roles: ['clerk', 'chair', 'social-worker'] },
  'invitations.send': { scope: 'conference', roles: ['clerk', 'social-worker'] },
  'attendance.answer-own': { scope: 'own-invitation', roles: ['professional', 'team-manager'] },
  'report.upload-own': { scope: 'own-invitation', roles: ['professional', 'social-worker', 'team-manager'] },
  // T10 / T10b: the social worker records sharing their report with the family and with the chair and clerk.
  'social-work-report.record-sharing': { scope: 'conference', roles: ['social-worker'] },
  // The call (steps 5–6): the chair runs it; the clerk sees the run sheet to minute it.
  'run-sheet.read': { scope: 'conference', roles: ['chair', 'clerk'] },
  'stage.move': { scope: 'conference', roles: ['chair'] },
  'meeting.admit-or-eject': { scope: 'conference', roles: ['chair'] },
  'exclusion.decide': { scope: 'conference', roles: ['chair'] },
  'decision.record': { scope: 'conference', roles: ['chair'] },
  // After the decision (issue 9): follow-ups booked by the chair or clerk; core groups minuted by
  // their chair (usually the lead social worker), the clerk or the conference chair.
  'follow-ups.book': { scope: 'conference', roles: ['clerk', 'chair'] },
  'follow-ups.complete': { scope: 'conference', roles: ['clerk', 'chair', 'social-worker'] },
  'core-group.read': { scope: 'conference', roles: [...STAFF, ...MANAGERS], councilWide: MANAGERS },
  'core-group.minute': { scope: 'conference', roles: ['clerk', 'chair', 'social-worker'] },
} as const satisfies Record<string, AccessRule>;

export type AccessAction = keyof typeof ACCESS_POLICY;

export const ACCESS_ACTIONS = Object.keys(ACCESS_POLICY) as AccessAction[];
