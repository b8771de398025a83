// Reports: upload one's own (the raw file as the body), list what the caller may read, and the
// social worker's record of sharing their report (T10 / T10b). docs/api.md "Reports".
import {
  inviteeReportParamsSchema, conferenceIdParamsSchema, reportListSchema, reportUploadQuerySchema, socialWorkSharingBodySchema,
  socialWorkSharingSchema, uploadedReportSchema,
} from '../../../app/api/reports.schema';
import { requireViewer } from '../../../app/access/viewer-of';
import { listReports } from '../../../app/reports/list-reports.use-case';
import { ReportError } from '../../../app/reports/report-errors';
import { recordSocialWorkReportShared } from '../../../app/reports/social-work-report.use-case';
import { uploadReport } from '../../../app/reports/upload-report.use-case';
import { REPORT_CONTENT_TYPES } from '../../../domain/reports/report-rules';
import { defineRoute } from './api-route';

const ACCESS = ['ACCESS.NOT_PART_OF_CONFERENCE', 'ACCESS.ROLE_NOT_ALLOWED', 'ACCESS.UNKNOWN_PERSON', 'CONFERENCE.NOT_FOUND', 'BOOKING.IN_PROGRESS'] as const;

export const uploadReportRoute = defineRoute({
  method: 'PUT',
  path: '/api/v1/conferences/:conferenceId/invitees/:inviteeId/report',
  operationId: 'putInviteeReport',
  summary: "Upload the caller's own report (PDF, DOCX or ODT) as the raw body; the file name in ?filename= or Content-Disposition.",
  auth: 'bearer',
  params: inviteeReportParamsSchema,
  query: reportUploadQuerySchema,
  rawBody: { contentTypes: Object.values(REPORT_CONTENT_TYPES), maxBytes: ({ profile }) => profile.reports.maxReportBytes },
  response: uploadedReportSchema,
  errors: [
    ...ACCESS, 'ACCESS.NOT_OWN_INVITATION', 'INVITEE.NOT_FOUND', 'REPORT.TYPE_NOT_ALLOWED', 'REPORT.TOO_LARGE', 'REPORT.EMPTY', 'REPORT.FILE_NAME_INVALID',
    'REPORT.CONFERENCE_STOOD_DOWN', 'REPORT.CONFERENCE_OVER', 'REPORT.NOT_A_REPORTER', 'REPORTS.NOT_CONFIGURED', 'REPORTS.STORAGE_UNAVAILABLE',
    'REPORTS.STORAGE_REFUSED', 'REPORTS.STORAGE_ITEM_MISSING',
  ],
  handle: async ({ params, query, raw, caller }, { app }) => {
    const viewer = await requireViewer(app, caller.objectId, 'report.upload-own');
    const fileName = query.filename ?? raw?.fileName;
    if (!raw || !fileName) throw new ReportError('REPORT.FILE_NAME_INVALID', 'give the file name as ?filename= or in Content-Disposition');
    return uploadReport(app, { conferenceId: params.conferenceId, inviteeId: params.inviteeId, viewer, fileName, contentType: raw.contentType, content: raw.bytes });
  },
});

export const listReportsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/conferences/:conferenceId/reports',
  operationId: 'listConferenceReports',
  summary: 'The reports the caller may read (file name, agency, received, on time — never the content) and the social work report deadlines.',
  auth: 'bearer',
  params: conferenceIdParamsSchema,
  response: reportListSchema,
  errors: [...ACCESS],
  handle: async ({ params, caller }, { app }) => listReports(app, params.conferenceId, await requireViewer(app, caller.objectId, 'reports.read')),
});

export const socialWorkSharingRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/conferences/:conferenceId/social-work-report/sharing',
  operationId: 'recordSocialWorkReportSharing',
  summary: 'The social worker records sharing their report with the family (T10) or with the chair and clerk (T10b).',
  auth: 'bearer',
  params: conferenceIdParamsSchema,
  body: socialWorkSharingBodySchema,
  response: socialWorkSharingSchema,
  errors: [...ACCESS, 'REPORT.CONFERENCE_STOOD_DOWN', 'REPORT.CONFERENCE_OVER'],
  handle: async ({ params, body, caller }, { app }) =>
    recordSocialWorkReportShared(app, params.conferenceId, await requireViewer(app, caller.objectId, 'social-work-report.record-sharing'), body.with),
});

export const reportRoutes = [uploadReportRoute, listReportsRoute, socialWorkSharingRoute];
