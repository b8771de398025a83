// An invented ICPC on Monday 1 March 2027 (GMT: London wall-clock = UTC) with a confidential
// section, a family section, the decision, a father excluded from 11:20 to 11:40 (the decision)
// and a second father on his own slot. Names are invented.
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import type { Decision } from '../../../bot/domain/decision/decision';
import type { LiveMeeting } from '../../../bot/domain/meeting/live-meeting';

const invitee = (id: string, role: Invitee['role'], displayName: string, extra: Partial<Invitee> = {}): Invitee => ({
  id, role, displayName, email: `${id}@example.org`, status: 'invited', ...extra,
});

export const invitees: Invitee[] = [
  invitee('inv-chair', 'chair', 'Orla Quenby', { directoryId: 'aad-chair' }),
  invitee('inv-sw', 'social-worker', 'Tamsin Brightwell', { directoryId: 'aad-sw' }),
  invitee('inv-police', 'professional', 'Idris Fairweather', { agency: 'police', directoryId: 'aad-police' }),
  invitee('inv-gp', 'professional', 'Ngozi Hartley', { agency: 'health' }),
  invitee('inv-mother', 'parent', 'Perdita Loxley'),
  invitee('inv-father', 'parent', 'Caspian Loxley', { exclusions: [{ from: '2027-03-01T11:20', to: '2027-03-01T11:40', grounds: 'risk to the mother' }] }),
  invitee('inv-father2', 'parent', 'Rufus Ambrose', { slot: { from: '2027-03-01T10:45', to: '2027-03-01T11:05' } }),
  invitee('inv-advocate', 'advocate', 'Wren Oakhurst'),
  invitee('inv-gone', 'professional', 'Removed Person', { agency: 'education', status: 'removed' }),
];

export const conference: Conference = {
  id: 'conf-rec',
  caseReference: 'CP-2027-0420',
  kind: 'ICPC',
  profileId: 'staffordshire',
  start: '2027-03-01T10:00',
  end: '2027-03-01T12:00',
  familySectionStart: '2027-03-01T10:45',
  organizerId: 'aad-clerk',
  status: 'booked',
  bookingVersion: 1,
  invitees,
  booking: { chairId: 'aad-chair', socialWorkerId: 'aad-sw', requestedBy: 'aad-clerk', durationMinutes: 120, confidentialMinutes: 45 },
  version: 3,
};

export const decision: Decision = {
  outcome: 'child-protection-plan',
  decidedBy: 'casting-vote',
  views: [
    { agency: 'police', view: 'plan', scaling: 3 },
    { agency: 'health', view: 'no-plan' },
  ],
  chairView: 'plan',
  category: 'neglect',
  dissent: [{ agency: 'health', reason: 'Improvement since the referral' }],
  leadSocialWorkerInviteeId: 'inv-sw',
  coreGroupInviteeIds: ['inv-sw', 'inv-police', 'inv-mother'],
  firstCoreGroupDate: '2027-03-12',
  reviewDate: '2027-05-24',
  chairId: 'aad-chair',
  at: '2027-03-01T11:45:00.000Z',
};

export const live: LiveMeeting = {
  conferenceId: 'conf-rec',
  teamsMeetingId: 'mtg-1',
  stage: 'closed',
  history: [
    { from: 'pre-meeting', to: 'confidential', at: '2027-03-01T10:02:00.000Z', by: 'aad-chair' },
    { from: 'confidential', to: 'family', at: '2027-03-01T10:47:00.000Z', by: 'aad-chair' },
    { from: 'family', to: 'decision', at: '2027-03-01T11:25:00.000Z', by: 'aad-chair' },
    { from: 'decision', to: 'closed', at: '2027-03-01T11:50:00.000Z', by: 'aad-chair' },
  ],
  roster: [
    { participantId: '29:a', inviteeId: 'inv-chair', matchedBy: 'entra-id', inMeeting: false, firstJoinedAt: '2027-03-01T09:58:00.000Z', lastEventAt: '2027-03-01T11:51:00.000Z' },
    { participantId: '29:b', inviteeId: 'inv-police', matchedBy: 'entra-id', inMeeting: false, firstJoinedAt: '2027-03-01T10:00:00.000Z', lastEventAt: '2027-03-01T11:51:00.000Z' },
    { participantId: '29:c', inviteeId: 'inv-father', matchedBy: 'email', inMeeting: false, firstJoinedAt: '2027-03-01T10:50:00.000Z', lastEventAt: '2027-03-01T11:19:00.000Z' },
  ],
  alerts: [],
  decision,
  version: 7,
};

export const inviteeById = (id: string): Invitee => invitees.find((i) => i.id === id)!;
