// Warnings about the list as a whole (not errors: the list is saved): health and police are always
// invited (002), so the card and the API say when either has nobody on the list.
import { ALWAYS_INVITED, type Agency } from '../conference/agency';
import type { Conference } from '../conference/conference';
import { agencyOfInvitee } from './quoracy';

export type InviteListWarningCode = 'INVITE_LIST.HEALTH_MISSING' | 'INVITE_LIST.POLICE_MISSING';

export interface InviteListWarning {
  code: InviteListWarningCode;
  agency: Agency;
  message: string;
}

const WARNING: Record<'health' | 'police', InviteListWarning> = {
  health: { code: 'INVITE_LIST.HEALTH_MISSING', agency: 'health', message: 'Health is always invited (002): add the GP, health visitor, school nurse or midwife.' },
  police: { code: 'INVITE_LIST.POLICE_MISSING', agency: 'police', message: 'Police are always invited (002): add the police officer.' },
};

export function inviteListWarnings(c: Pick<Conference, 'invitees'>): InviteListWarning[] {
  const present = new Set(c.invitees.filter((i) => i.status !== 'removed').map(agencyOfInvitee));
  return ALWAYS_INVITED.filter((a): a is 'health' | 'police' => !present.has(a)).map((a) => WARNING[a as 'health' | 'police']);
}
