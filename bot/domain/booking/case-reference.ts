// A case reference is the only identifier that may appear in subjects, logs and URLs, so it must
// be the council's id (a Mosaic or LCS number) and nothing that could be a person or a place.
import type { CaseReferenceRule } from '../policy/policy-profile';
import type { FieldError } from './booking-rule-codes';

/** A full or outward-plus-inward UK postcode anywhere in the text (LE1 6ZG, sw1a1aa). */
const UK_POSTCODE = /(^|[^A-Z0-9])[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}($|[^A-Z0-9])/i;
/** "12 High Street", "Flat 3": a number and a word with a space between. */
const HOUSE_NUMBER_AND_WORDS = /(^|\s)\d+[A-Z]?\s+[A-Z]{2,}|[A-Z]{2,}\s+\d+[A-Z]?(\s|$)/i;
/** A word of letters only (with name punctuation): Smith, O'Neil, Anne-Marie. */
const LETTERS_ONLY_WORD = /^[\p{L}'’-]+$/u;

export function checkCaseReference(rule: CaseReferenceRule, raw: string | undefined): FieldError | null {
  const value = (raw ?? '').trim();
  if (value === '') return { code: 'BOOKING.CASE_REFERENCE_REQUIRED', message: 'Enter the case reference.' };
  if (UK_POSTCODE.test(value) || HOUSE_NUMBER_AND_WORDS.test(value)) {
    return { code: 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS', message: `This looks like an address. Enter the case reference only (${rule.description}).` };
  }
  const words = value.split(/\s+/);
  if (words.length > 1 || words.every((w) => LETTERS_ONLY_WORD.test(w))) {
    return { code: 'BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME', message: `This looks like a name. Enter the case reference only (${rule.description}); never a name.` };
  }
  if (!new RegExp(`^(?:${rule.pattern})$`, 'u').test(value)) {
    return { code: 'BOOKING.CASE_REFERENCE_PATTERN', message: `Not a case reference: expected ${rule.description}.` };
  }
  return null;
}
