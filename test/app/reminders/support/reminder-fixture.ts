// A conference for the reminder tests: booked through bookMeeting, with the chair, the social
// worker and two professionals picked from the directory (Entra ids), and a family. Invented data.
import type { Conference, Invitee } from '../../../../bot/domain/conference/conference';
import { sampleConference } from '../../../invitations/booking-fakes';

export const IDS = { chair: 'dir-chair', sw: 'dir-sw', police: 'dir-police', school: 'dir-school', clerk: 'dir-clerk' } as const;

const DIRECTORY_ID: Record<string, string> = { chair: IDS.chair, sw: IDS.sw, 'p-police': IDS.police, 'p-school': IDS.school };

export function reminderConference(id = 'conf-1', extra: Partial<Conference> = {}): Omit<Conference, 'version'> {
  const base = sampleConference({ id, ...extra });
  return {
    ...base,
    booking: { chairId: IDS.chair, socialWorkerId: IDS.sw, requestedBy: IDS.clerk, durationMinutes: 120, confidentialMinutes: 30 },
    invitees: base.invitees.map((i): Invitee => (DIRECTORY_ID[i.id] ? { ...i, directoryId: DIRECTORY_ID[i.id] } : i)),
  };
}
