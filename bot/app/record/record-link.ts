// The signed download link in a professional's record card: /tab/record?t=<token>, purpose
// 'record', bound to the invitee and conference; it serves that invitee's own copy only.
import type { AppDeps } from '../app-deps';

/** Long enough to read and file the record; the chair's approval card uses the same link to preview. */
export const RECORD_LINK_DAYS = 28;

export function recordDownloadLink(deps: Pick<AppDeps, 'links' | 'publicBaseUrl'>, conferenceId: string, inviteeId: string, now: Date): string {
  const expiresAt = new Date(now.getTime() + RECORD_LINK_DAYS * 86_400_000).toISOString();
  const token = deps.links.sign({ purpose: 'record', conferenceId, inviteeId, expiresAt });
  return `${deps.publicBaseUrl}/tab/record?t=${encodeURIComponent(token)}`;
}
