// What the chat commands say when a conference cannot be shown (the same words as the card answers).
export const INVOKE_MESSAGES = {
  notFound: 'This conference could not be found. It may have been closed or removed.',
  unknownPerson: 'Your account is not in the council directory this app uses. Ask the clerk or your IT team to add you.',
  roleNotAllowed: 'Your role does not allow this for this conference. Ask the clerk if you think it should.',
};

/** A case reference as a chat command's argument (the profile's own pattern is checked at booking). */
export const CASE_REFERENCE_ARG = /^[A-Za-z0-9][A-Za-z0-9/_-]{1,39}$/;

/** The answer to a command without a usable case reference. */
export const usageText = (word: string): string => `Say "${word}" and the case reference, for example "${word} CP-2026-0042".`;

/** An access refusal in words: someone who may not read a conference is told it was not found. */
export function accessRefusalText(err: { code: string }): string {
  return err.code === 'ACCESS.UNKNOWN_PERSON' ? INVOKE_MESSAGES.unknownPerson : err.code === 'ACCESS.ROLE_NOT_ALLOWED' ? INVOKE_MESSAGES.roleNotAllowed : INVOKE_MESSAGES.notFound;
}
