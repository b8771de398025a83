// Removing someone from the meeting (TEAMS-PLATFORM "The lobby"): possible only for a calling bot
// that has joined the call, with application Calls.JoinGroupCall.All and the tenant's
// AllowRemoveParticipantAppIds. Where the deployment has not enabled it, the port is absent and
// the chair gets exact instructions to remove the person in Teams.
import { CodedError } from '../../domain/shared/coded-error';

export interface CallParticipant {
  /** Graph's participant id within the call. */
  id: string;
  /** Entra object id when the participant is a tenant user. */
  aadObjectId?: string;
  isInLobby?: boolean;
}

export type CallControlErrorCode = 'CALL.NOT_JOINED' | 'CALL.PARTICIPANT_NOT_FOUND' | 'CALL.NOT_ALLOWED' | 'GRAPH.THROTTLED' | 'GRAPH.UNAVAILABLE' | 'GRAPH.REJECTED' | 'GRAPH.AUTH_FAILED';
export class CallControlError extends CodedError<CallControlErrorCode> {}

export interface CallControl {
  /** Joins the meeting's call as the calling bot (POST /communications/calls); returns the call id. */
  joinMeeting(input: { joinUrl: string; chatThreadId: string; organizerId: string; tenantId: string }): Promise<string>;
  /** GET /communications/calls/{id}/participants. */
  listParticipants(callId: string): Promise<CallParticipant[]>;
  /** DELETE /communications/calls/{id}/participants/{participantId}. */
  removeParticipant(callId: string, participantId: string): Promise<void>;
}
