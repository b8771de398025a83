import { CodedError } from '../shared/coded-error';

export type ProfileErrorCode =
  | 'PROFILE.UNKNOWN'
  /** An override with an unknown key, a wrong type or a negative number; the message names the key path. */
  | 'PROFILE.INVALID_OVERRIDE';

export class ProfileError extends CodedError<ProfileErrorCode> {
  constructor(
    code: ProfileErrorCode,
    message: string,
    /** Dotted key path of the offending override (e.g. 'timescales.T7.RCPC'), when there is one. */
    readonly path?: string,
  ) {
    super(code, message);
  }
}
