// The e-mailed upload link for a professional without the app: /tab/report with a signed,
// single-purpose ('report') token bound to the invitee and conference; the URL carries no name.
import type { AppDeps } from '../app-deps';

/** Valid until the end of the conference day by default (reports are due before it). */
export function reportUploadLink(deps: Pick<AppDeps, 'links' | 'publicBaseUrl'>, conferenceId: string, inviteeId: string, expiresAt: string): string {
  const token = deps.links.sign({ purpose: 'report', conferenceId, inviteeId, expiresAt });
  return `${deps.publicBaseUrl}/tab/report?t=${encodeURIComponent(token)}`;
}
