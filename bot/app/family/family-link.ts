// The family's personal link in their invitation e-mail: /tab/family?t=<token>, purpose
// 'family-view', bound to that family member and conference, working until the end of the
// conference day (Europe/London). The page behind it says "what happens now" — the stage and
// their own join time, nothing else (read-family-view.use-case.ts).
import type { Conference } from '../../domain/conference/conference';
import { endOfConferenceDay } from '../attendance/conference-when';
import type { LinkSigner } from '../ports/link-signer.port';

export interface FamilyLinkDeps {
  links: LinkSigner;
  publicBaseUrl: string;
}

export function familyViewLink(deps: FamilyLinkDeps, c: Pick<Conference, 'id' | 'start'>, inviteeId: string): string {
  const token = deps.links.sign({ purpose: 'family-view', conferenceId: c.id, inviteeId, expiresAt: endOfConferenceDay(c).toISOString() });
  return `${deps.publicBaseUrl}/tab/family?t=${encodeURIComponent(token)}`;
}
