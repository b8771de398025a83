// The record API's shapes (docs/meeting/record.md): the delivery status per invitee (ids, roles,
// versions and outcomes — never a name), the issue request and the approval's path.
import { z } from 'zod';
import { RECORD_PARTS } from '../../domain/record/record-parts';

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const recordParamsSchema = z.object({ conferenceId: idSchema });
export const recordRecipientParamsSchema = z.object({ conferenceId: idSchema, inviteeId: idSchema });

export const issueRecordBodySchema = z
  .object({
    resend: z.array(idSchema).max(100).optional().meta({ description: "Invitees whose outcome is 'unknown' (a crash or lost answer) to send again, once you have checked they did not get it." }),
  })
  .strict();

const recipientSchema = z.object({
  inviteeId: z.string(),
  role: z.string().nullable(),
  audience: z.enum(['professional', 'family']),
  versionKey: z.string().meta({ description: "The copy: 'professional', 'family-without-confidential', … (the parts it leaves out)." }),
  withheld: z.array(z.enum(RECORD_PARTS)),
  approvalRequired: z.boolean().meta({ description: "Leaves out a part for the person's own exclusion or slot: goes only once the chair approves." }),
  approvedAt: z.string().nullable(),
  state: z.enum(['awaiting-approval', 'due', 'sending', 'sent', 'failed', 'unknown']),
  channel: z.enum(['card', 'email']).nullable(),
  at: z.string().nullable(),
  attempts: z.number().int(),
  code: z.string().nullable(),
});

export const recordStatusSchema = z
  .object({
    conferenceId: z.string(),
    decisionRecorded: z.boolean(),
    issued: z.boolean(),
    deadline: z.string().nullable().meta({ description: 'The T12 date: issued within N working days of the conference.' }),
    issuedAt: z.string().nullable(),
    complete: z.boolean(),
    late: z.boolean(),
    recipients: z.array(recipientSchema),
  })
  .meta({ id: 'RecordStatus' });
