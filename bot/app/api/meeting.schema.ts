// The live meeting resources of /api/v1 (docs/meeting/stages.md): the run sheet (the chair's and
// clerk's view, with names) or a neutral view for anyone else part of the conference, and the
// chair's controls. Bodies are strict (an unknown field is a 400).
import { z } from 'zod';
import { ALERT_KINDS, MEETING_STAGES, STAGE_COMMANDS } from '../../domain/meeting/live-meeting';

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected an id');
/** Teams participant ids look like 29:1AbC…; kept to id characters. */
const participantIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:|=+/-]{0,199}$/, 'expected a participant id');
export const meetingParamsSchema = z.object({ conferenceId: idSchema });
export const participantParamsSchema = z.object({ conferenceId: idSchema, participantId: participantIdSchema });

export const stageBodySchema = z.strictObject({
  command: z.enum(STAGE_COMMANDS),
  quorumReason: z.string().trim().min(1).max(1000).optional().meta({ description: 'Not quorate at the start: the reason to proceed, recorded with the first stage change.' }),
});
export const quorumBodySchema = z.strictObject({ reason: z.string().max(1000) });
export const matchBodySchema = z.strictObject({ inviteeId: idSchema });

const line = z.object({
  inviteeId: z.string(), role: z.string(), agency: z.string().optional(), name: z.string().optional(), who: z.string(), present: z.boolean(), participantIds: z.array(z.string()),
});
const quorum = z.object({
  quorate: z.boolean(), socialCare: z.boolean(), agenciesPresent: z.array(z.string()), agenciesReporting: z.array(z.string()),
  otherAgenciesRequired: z.number().int(), missing: z.number().int(), proceeded: z.object({ at: z.string(), by: z.string() }).nullable(), decided: z.boolean(),
});

export const runSheetSchema = z.object({
  conferenceId: z.string(),
  caseReference: z.string(),
  kind: z.string(),
  stage: z.enum(MEETING_STAGES),
  stageLabel: z.string(),
  stageSince: z.string().nullable(),
  startedAt: z.string().nullable(),
  sections: z.array(z.object({ section: z.enum(['professionals', 'family']), expected: z.number().int(), present: z.number().int() })),
  admitNow: z.array(line),
  mustWait: z.array(line),
  mustLeave: z.array(line),
  unknownJoiners: z.array(z.object({ participantId: z.string(), displayName: z.string().optional(), since: z.string() })),
  alerts: z.array(z.object({ id: z.string(), kind: z.enum(ALERT_KINDS), text: z.string(), participantId: z.string().optional(), inviteeId: z.string().optional(), raisedAt: z.string(), acknowledged: z.boolean() })),
  commands: z.array(z.object({ command: z.enum(STAGE_COMMANDS), label: z.string() })),
  quorum,
  recording: z.object({ recording: z.string(), transcription: z.string() }),
  nextChange: z.object({ at: z.string(), what: z.string() }).optional(),
  removal: z.enum(['calling-bot', 'teams-instructions']),
});

export const meetingViewSchema = z.object({
  conferenceId: z.string(),
  stage: z.enum(MEETING_STAGES),
  stageLabel: z.string(),
  stageSince: z.string().nullable(),
  /** 'run-sheet' for the chair and the clerk; 'neutral' (stage only: no roster, no names) for anyone else. */
  view: z.enum(['run-sheet', 'neutral']),
  runSheet: runSheetSchema.optional(),
});

const delivery = z.string().meta({ description: "'sent', 'not-available' or 'failed:<code>'" });
export const stageAnswerSchema = z.object({
  outcome: z.enum(['changed', 'unchanged']),
  stage: z.enum(MEETING_STAGES),
  notified: z.object({ chat: delivery, meeting: delivery }).optional(),
  lobby: z.object({ scope: z.string(), verified: z.boolean().optional(), mismatches: z.array(z.string()).optional(), failed: z.string().optional() }).nullable().optional(),
});
export const quorumAnswerSchema = z.object({ outcome: z.enum(['proceeding', 'already-proceeding', 'quorate']), quorum: quorum });
export const matchAnswerSchema = z.object({ participantId: z.string(), inviteeId: z.string(), openAlerts: z.number().int() });
export const removeAnswerSchema = z.object({
  outcome: z.enum(['removed', 'already-gone', 'instructions']),
  /** 'instructions': Teams' own steps for the chair, and why the product could not do it itself. */
  instructions: z.string().optional(),
  reason: z.string().optional(),
});
