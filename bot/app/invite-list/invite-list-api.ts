// The API's calls into the invite list and attendance use cases: the caller resolved from the
// directory (requireViewer), request bodies turned into drafts, answers shaped as the schemas say.
import type { InviteeDraft } from '../../domain/invite-list/invitee-rules';
import type { InviteeDraftBody, InviteePatchBody } from '../api/invite-list.schema';
import type { AppDeps } from '../app-deps';
import { requireViewer } from '../access/viewer-of';
import { answerAttendance, type ColleagueInput } from '../attendance/answer-attendance.use-case';
import { readBoard } from '../attendance/board.use-case';
import { addToInviteList, editInviteeOnList, readInviteList, removeFromInviteList } from './invite-list.use-case';
import { sendInvitations } from './send-invitations.use-case';

function draftFields(body: InviteePatchBody, now: string): Partial<InviteeDraft> {
  const { notInvitedDecision, advocateOffered, ...rest } = body;
  return {
    ...(rest as Partial<InviteeDraft>),
    ...(notInvitedDecision ? { notInvitedDecision: { ...notInvitedDecision, at: now } } : {}),
    ...(advocateOffered ? { advocateOffered: { accepted: advocateOffered.accepted, at: now } } : {}),
  };
}

export const inviteListApi = {
  read: async (deps: AppDeps, callerId: string, conferenceId: string) => readInviteList(deps, await requireViewer(deps, callerId, 'invite-list.read'), conferenceId),
  add: async (deps: AppDeps, callerId: string, conferenceId: string, ifMatch: number, body: InviteeDraftBody) => {
    const viewer = await requireViewer(deps, callerId, 'invite-list.edit');
    const r = await addToInviteList(deps, viewer, conferenceId, ifMatch, draftFields(body, deps.clock.now().toISOString()) as InviteeDraft);
    return { inviteeId: r.inviteeId, inviteList: r.list };
  },
  edit: async (deps: AppDeps, callerId: string, conferenceId: string, inviteeId: string, ifMatch: number, body: InviteePatchBody) =>
    editInviteeOnList(deps, await requireViewer(deps, callerId, 'invite-list.edit'), conferenceId, inviteeId, ifMatch, draftFields(body, deps.clock.now().toISOString())),
  remove: async (deps: AppDeps, callerId: string, conferenceId: string, inviteeId: string, ifMatch: number) =>
    removeFromInviteList(deps, await requireViewer(deps, callerId, 'invite-list.edit'), conferenceId, inviteeId, ifMatch),
  send: async (deps: AppDeps, callerId: string, conferenceId: string) => {
    const r = await sendInvitations(deps, await requireViewer(deps, callerId, 'invitations.send'), conferenceId);
    return { inviteList: r.list, invited: r.invited, late: r.late, family: r.family, attendance: r.attendance };
  },
  answer: async (deps: AppDeps, callerId: string, conferenceId: string, inviteeId: string, body: { answer: 'attending' | 'not-attending' | 'sending-colleague'; colleague?: ColleagueInput }) => {
    const viewer = await requireViewer(deps, callerId, 'attendance.answer-own');
    const r = await answerAttendance(deps, viewer, { conferenceId, inviteeId, answer: body.answer, ...(body.colleague ? { colleague: body.colleague } : {}), via: 'api' });
    return {
      conferenceId,
      inviteeId,
      answer: r.answer.answer,
      at: r.answer.at,
      via: r.answer.via,
      ...(r.answer.colleague ? { colleague: { displayName: r.answer.colleague.displayName, role: r.answer.colleague.role } } : {}),
      ...(r.answer.reportDueBy ? { reportDueBy: r.answer.reportDueBy } : {}),
      changed: r.changed,
      answers: r.invitee.attendance?.length ?? 0,
    };
  },
  board: async (deps: AppDeps, callerId: string, conferenceId: string) => readBoard(deps, await requireViewer(deps, callerId, 'board.read'), conferenceId),
};
