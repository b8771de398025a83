// The invite list, invitations, attendance and board resources of /api/v1 (docs/api.md): request
// bodies parsed strictly (an unknown field is a 400), answers checked against these schemas.
import { z } from 'zod';
import { AGENCIES } from '../../domain/conference/agency';
import { CHILD_AGE_BANDS, INVITEE_ROLES } from '../../domain/invite-list/invitee-rules';
import { entraIdSchema } from './caller.schema';

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected an id');
export const conferenceParamsSchema = z.object({ conferenceId: idSchema });
export const inviteeParamsSchema = z.object({ conferenceId: idSchema, inviteeId: idSchema });

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:mm (Europe/London)');
const text = (max: number) => z.string().max(max);
const window = z.strictObject({ from: localDateTime, to: localDateTime });
const roleSchema = z.enum(INVITEE_ROLES as [string, ...string[]]).meta({ description: 'The invitee\'s role; family-side roles are parent, child, family-other, advocate, supporter, legal-representative, foster-carer.' });

const draftFields = {
  role: roleSchema,
  audience: z.enum(['professional', 'family']).optional().meta({ description: 'When given it must agree with the role (a family member is never given a professional role).' }),
  agency: text(40).optional().meta({ description: `Required for role professional: one of ${AGENCIES.join(', ')}.` }),
  displayName: text(200),
  email: text(254),
  phone: text(30).optional().meta({ description: 'Required for family members (except the child).' }),
  directoryId: entraIdSchema.optional().meta({ description: 'Professionals picked from the directory; never for family members.' }),
  interpreter: z.strictObject({ language: text(60), arrangement: text(200) }).optional(),
  ageBand: z.enum(CHILD_AGE_BANDS as [string, ...string[]]).optional().meta({ description: 'The child only: over-12 is invited unless notInvitedDecision; younger children are listed, not invited.' }),
  notInvitedDecision: z.strictObject({ decidedBy: text(100), reason: text(500) }).optional(),
  advocateOffered: z.strictObject({ accepted: z.boolean() }).optional().meta({ description: 'Required for a child over 5 (001).' }),
  exclusions: z.array(z.strictObject({ from: localDateTime, to: localDateTime, grounds: text(500) })).max(10).optional(),
  slot: window.optional().meta({ description: 'Split attendance (001): this family member\'s own slot within the conference.' }),
  policeCheck: z.strictObject({ reason: text(500) }).optional().meta({ description: 'A police check request; its reason is required (003).' }),
};

export const inviteeDraftSchema = z.strictObject(draftFields).meta({ id: 'InviteeDraft' });
export const inviteePatchSchema = z.strictObject(draftFields).partial().meta({ id: 'InviteePatch' });
export type InviteeDraftBody = z.infer<typeof inviteeDraftSchema>;
export type InviteePatchBody = z.infer<typeof inviteePatchSchema>;

const warningSchema = z.object({ code: z.string(), agency: z.string(), message: z.string() });

export const inviteeEntrySchema = z
  .object({
    id: z.string(),
    role: z.string(),
    audience: z.enum(['professional', 'family']),
    agency: z.string().optional(),
    displayName: z.string(),
    email: z.string(),
    phone: z.string().optional(),
    directoryId: z.string().optional(),
    status: z.enum(['pending', 'invited', 'removed']),
    invited: z.boolean(),
    notInvitedReason: z.enum(['age-band', 'decision']).optional(),
    interpreter: z.object({ language: z.string(), arrangement: z.string() }).optional(),
    ageBand: z.string().optional(),
    advocateOffered: z.object({ at: z.string(), accepted: z.boolean() }).optional(),
    policeCheck: z.object({ reason: z.string(), requestedAt: z.string().optional() }).optional(),
    exclusions: z.array(z.object({ from: z.string(), to: z.string(), grounds: z.string() })).optional(),
    slot: z.object({ from: z.string(), to: z.string() }).optional(),
    invitedAt: z.string().optional(),
    notice: z.object({ deadline: z.string(), met: z.boolean() }).optional(),
    late: z.boolean().meta({ description: 'Invited after the T7 notice deadline.' }),
    attendance: z
      .object({
        answer: z.enum(['attending', 'not-attending', 'sending-colleague']),
        at: z.string(),
        via: z.enum(['card', 'link', 'api']),
        reportDueBy: z.string().optional(),
        colleague: z.object({ displayName: z.string(), role: z.string() }).optional(),
      })
      .optional(),
    report: z.object({ receivedAt: z.string(), onTime: z.boolean() }).optional(),
  })
  .meta({ id: 'InviteeEntry' });

export const inviteListSchema = z
  .object({
    conferenceId: z.string(),
    caseReference: z.string(),
    status: z.string(),
    start: z.string(),
    end: z.string(),
    version: z.number().int().meta({ description: 'The list version (also the ETag); send it as If-Match to change the list.' }),
    invitees: z.array(inviteeEntrySchema),
    warnings: z.array(warningSchema).meta({ description: 'Health or police missing (002): the list is saved, the clerk is told.' }),
    noticeToday: z.object({ deadline: z.string(), met: z.boolean() }).nullable(),
  })
  .meta({ id: 'InviteList' });

export const addedInviteeSchema = z.object({ inviteeId: z.string(), inviteList: inviteListSchema }).meta({ id: 'AddedInvitee' });

export const sendInvitationsSchema = z
  .object({
    inviteList: inviteListSchema,
    invited: z.array(z.string()),
    late: z.array(z.string()),
    family: z.object({ sent: z.array(z.string()), failed: z.array(z.string()), unknown: z.array(z.string()) }),
    attendance: z.object({ card: z.array(z.string()), email: z.array(z.string()), failed: z.array(z.object({ inviteeId: z.string(), code: z.string() })) }),
  })
  .meta({ id: 'InvitationsSent' });

export const attendanceBodySchema = z
  .strictObject({
    answer: z.enum(['attending', 'not-attending', 'sending-colleague']),
    colleague: z.union([z.strictObject({ directoryId: entraIdSchema }), z.strictObject({ displayName: text(200).min(1), role: text(100).min(1) })]).optional(),
  })
  .meta({ id: 'AttendanceAnswerInput' });

export const attendanceAnswerSchema = z
  .object({
    conferenceId: z.string(),
    inviteeId: z.string(),
    answer: z.enum(['attending', 'not-attending', 'sending-colleague']),
    at: z.string(),
    via: z.enum(['card', 'link', 'api']),
    colleague: z.object({ displayName: z.string(), role: z.string() }).optional(),
    reportDueBy: z.string().optional().meta({ description: 'Not attending: the agency report is due by this T9 date.' }),
    changed: z.boolean().meta({ description: 'false: the same answer as before; nothing new was recorded.' }),
    answers: z.number().int().meta({ description: 'How many answers this invitee has given (a change of mind is a new one).' }),
  })
  .meta({ id: 'AttendanceAnswer' });

const agencyRowSchema = z.object({
  agency: z.string(),
  invited: z.number().int(),
  answer: z.enum(['attending', 'sending-colleague', 'not-attending', 'no-answer']),
  answered: z.number().int(),
  reportDue: z.string().nullable(),
  reportReceived: z.boolean(),
  reportOnTime: z.boolean().nullable(),
  counts: z.boolean(),
});

export const boardSchema = z
  .object({
    conferenceId: z.string(),
    caseReference: z.string(),
    status: z.string(),
    start: z.string(),
    end: z.string(),
    reportDue: z.string().nullable(),
    quoracy: z.object({
      quorate: z.boolean(),
      socialCare: z.boolean(),
      otherAgenciesRequired: z.number().int(),
      otherAgenciesCounted: z.array(z.string()),
      missing: z.object({ socialCare: z.boolean(), otherAgencies: z.number().int(), toChase: z.array(z.string()), notInvited: z.array(z.string()) }),
      agencies: z.array(agencyRowSchema),
    }),
    warnings: z.array(warningSchema),
  })
  .meta({ id: 'Board' });
