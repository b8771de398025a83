// Signed links for people without the app (a professional outside the tenant): single-purpose,
// expiring, bound to one invitee of one conference. The URL carries the token only: never a name.
import { CodedError } from '../../domain/shared/coded-error';

export type LinkPurpose = 'attendance' | 'report' | 'record' | 'run-sheet' | 'family-view' | 'stage-view';

export interface LinkClaims {
  purpose: LinkPurpose;
  conferenceId: string;
  inviteeId: string;
  /** ISO instant after which the link is refused. */
  expiresAt: string;
}

export type LinkErrorCode = 'LINK.INVALID' | 'LINK.EXPIRED' | 'LINK.WRONG_PURPOSE';

export class LinkError extends CodedError<LinkErrorCode> {}

export interface LinkSigner {
  sign(claims: LinkClaims): string;
  /** The claims, or LinkError: forged or altered (INVALID), past expiresAt (EXPIRED), another purpose. */
  verify(token: string, purpose: LinkPurpose, now: Date): LinkClaims;
}
