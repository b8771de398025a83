// The reports API's shapes (docs/api.md "Reports"): what a caller sees of the reports they are
// entitled to (never the content), the upload's answer, and the social work report's sharing.
import { z } from 'zod';

export const conferenceIdParamsSchema = z.object({ conferenceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export const inviteeReportParamsSchema = z.object({
  conferenceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  inviteeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

export const reportUploadQuerySchema = z
  .object({
    filename: z.string().min(1).max(180).optional().meta({ description: 'The file name (or send Content-Disposition: attachment; filename="…").' }),
  })
  .strict();

const sharingSchema = z.object({
  granted: z.number().int(),
  revoked: z.number().int(),
  incomplete: z.boolean().meta({ description: 'The library failed part-way; the rest is done by the next upload, removal or stand-down.' }),
});

export const uploadedReportSchema = z
  .object({
    inviteeId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    bytes: z.number().int(),
    receivedAt: z.string(),
    onTime: z.boolean().meta({ description: 'Received on or before the T9 day.' }),
    deadline: z.string().nullable().meta({ description: 'The T9 day (Europe/London), null when the profile has none.' }),
    sharing: sharingSchema,
  })
  .meta({ id: 'UploadedReport' });

const deadlineStatusSchema = z.enum(['met', 'missed', 'due', 'not-applicable']);

const sharingDeadlineSchema = z.object({
  date: z.string().nullable(),
  sharedAt: z.string().nullable(),
  status: deadlineStatusSchema,
});

export const reportListSchema = z
  .object({
    conferenceId: z.string(),
    caseReference: z.string(),
    /** The T9 day reports are due by. */
    reportsDue: z.string().nullable(),
    reports: z.array(
      z.object({
        inviteeId: z.string(),
        role: z.string(),
        agency: z.string().nullable(),
        fileName: z.string(),
        contentType: z.string(),
        bytes: z.number().int(),
        receivedAt: z.string(),
        onTime: z.boolean(),
        own: z.boolean(),
      }),
    ),
    socialWorkReport: z.object({ family: sharingDeadlineSchema.meta({ description: 'T10' }), chairAndClerk: sharingDeadlineSchema.meta({ description: 'T10b' }) }),
  })
  .meta({ id: 'ReportList' });
export type ReportList = z.infer<typeof reportListSchema>;

export const socialWorkSharingBodySchema = z.object({ with: z.enum(['family', 'chair-and-clerk']) }).strict();

export const socialWorkSharingSchema = z
  .object({
    conferenceId: z.string(),
    with: z.enum(['family', 'chair-and-clerk']),
    sharedAt: z.string(),
    deadline: z.string().nullable(),
    status: deadlineStatusSchema,
    alreadyRecorded: z.boolean(),
  })
  .meta({ id: 'SocialWorkReportSharing' });
export type SocialWorkSharing = z.infer<typeof socialWorkSharingSchema>;
