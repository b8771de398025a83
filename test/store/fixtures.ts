// Invented test data only (no real names, addresses or case references).
import type { Conference } from '../../bot/domain/conference/conference';

/** The audit HMAC key of the tests (32 bytes, not secret). */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 0x5a);
export const TEST_AUDIT_KEY_HEX = TEST_AUDIT_KEY.toString('hex');

export function sampleConference(id: string): Omit<Conference, 'version'> {
  return {
    id,
    caseReference: 'CP-2026-0042',
    kind: 'ICPC',
    profileId: 'england',
    start: '2026-06-01T10:00',
    end: '2026-06-01T12:00',
    familySectionStart: '2026-06-01T10:45',
    organizerId: '00000000-0000-4000-8000-000000000001',
    status: 'booked',
    bookingVersion: 1,
    invitees: [
      { id: 'inv-chair', role: 'chair', displayName: 'Casey Chair', email: 'casey.chair@example.org', status: 'invited', invitedAt: '2026-05-20T09:00:00.000Z' },
      {
        id: 'inv-parent',
        role: 'parent',
        displayName: 'Alex Example',
        email: 'alex.example@example.org',
        joinAt: '2026-06-01T10:45',
        interpreter: { language: 'Polish', arrangement: 'Interpreter joins by phone' },
        status: 'pending',
        notice: { deadline: '2026-05-21', met: true },
      },
      { id: 'inv-police', role: 'professional', agency: 'police', displayName: 'Pat Officer', email: 'pat.officer@example.org', status: 'invited' },
    ],
    meeting: {
      eventId: 'AAMkAGI2TGuLAAA=',
      transactionId: 'conf-1-v1',
      joinUrl: 'https://teams.example.org/l/meetup-join/abc',
      onlineMeetingId: 'MSo1N2Y5ZGFj',
      optionsVerified: false,
      optionMismatches: ['lobbyBypassSettings'],
    },
  };
}
