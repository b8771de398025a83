// What the chat commands say when a conference cannot be shown (the same words as the card answers).
export const INVOKE_MESSAGES = {
  notFound: 'This conference could not be found. It may have been closed or removed.',
  unknownPerson: 'Your account is not in the council directory this app uses. Ask the clerk or your IT team to add you.',
  roleNotAllowed: 'Your role does not allow this for this conference. Ask the clerk if you think it should.',
};
