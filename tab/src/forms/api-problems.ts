// How the forms read the API's refusals: field errors to show beside their fields, and whether a
// refusal means "someone else changed this first" (reload, keep what was typed, try again).
import { ApiError } from '../shell/api-client';

/** A refusal of the API as a sentence for a MessageBar (the server's own words when it gave some). */
export function problemText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong. Try again in a moment.';
}

/**
 * 412 API.VERSION_STALE (the If-Match version is old), 409 STORE.VERSION_CONFLICT or
 * BOOKING.IN_PROGRESS (another change is being made right now): reload and let the clerk retry.
 */
export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 412 || (err.status === 409 && (err.code === 'STORE.VERSION_CONFLICT' || err.code === 'BOOKING.IN_PROGRESS')));
}

export const CONFLICT_TEXT = 'Someone else changed this a moment ago. The latest version is shown now and what you typed is kept: check it and save again.';

/** The invite list's 422 INVITE_LIST.INVALID_INVITEE: `details.fields` [{field, code, message}] → field → message. */
export function inviteeFieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.status !== 422) return {};
  const fields = (err.details as { fields?: unknown } | undefined)?.fields;
  const out: Record<string, string> = {};
  if (Array.isArray(fields)) {
    for (const f of fields as { field?: unknown; message?: unknown }[]) {
      if (typeof f.field !== 'string' || typeof f.message !== 'string') continue;
      out[f.field] = out[f.field] ? `${out[f.field]} ${f.message}` : f.message;
    }
  }
  return out;
}

/** The booking's 422 on create: `details.fields` and `details.codes` (same order), no messages. */
export function bookingFieldCodes(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.status !== 422) return {};
  const d = err.details as { fields?: unknown; codes?: unknown } | undefined;
  const out: Record<string, string> = {};
  const fields: unknown[] = Array.isArray(d?.fields) ? d.fields : [];
  const codes: unknown[] = Array.isArray(d?.codes) ? d.codes : [];
  fields.forEach((f, i) => {
    if (typeof f === 'string') out[f] = String(codes[i] ?? err.code);
  });
  return out;
}
