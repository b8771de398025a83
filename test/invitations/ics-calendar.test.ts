import { buildIcs, escapeText, foldLine, icsUid } from '../../bot/app/invitations/ics-calendar';
import { buildFamilyMail, describeLocal } from '../../bot/app/invitations/family-invitation-email';

const base = {
  method: 'REQUEST' as const, uid: icsUid('conf-1', 'mum'), sequence: 3, stamp: '2026-11-23T10:00:05.123Z',
  start: '2026-03-29T10:30', end: '2026-03-29T12:00', summary: 'Initial child protection conference CP-2026-0042',
  description: 'Join online: https://teams.example/l/meetup-join/abc', joinUrl: 'https://teams.example/l/meetup-join/abc',
  organizer: { email: 'team@council.example', name: 'Conference team' }, attendeeEmail: 'mum@example.org',
};

describe('ics calendar (RFC 5545)', () => {
  it('uses CRLF line ends only, a Europe/London VTIMEZONE and local times with TZID', () => {
    const ics = buildIcs(base);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.slice(0, 6)).toEqual(['BEGIN:VCALENDAR', 'PRODID:-//cp-conference-bot//family invitations//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:REQUEST', 'BEGIN:VTIMEZONE']);
    expect(lines).toContain('TZID:Europe/London');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20260329T103000');
    expect(lines).toContain('DTSTAMP:20261123T100005Z');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('STATUS:CONFIRMED');
  });

  it('folds lines longer than 75 octets, never inside a UTF-8 character', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(60)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(2);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts[1]!.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`DESCRIPTION:${'é'.repeat(60)}`);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('keeps the UID stable per conference and invitee, different between invitees', () => {
    expect(icsUid('conf-1', 'mum')).toBe(icsUid('conf-1', 'mum'));
    expect(icsUid('conf-1', 'mum')).not.toBe(icsUid('conf-1', 'dad'));
    expect(icsUid('conf-1', 'mum')).toMatch(/^[0-9a-f]{32}@cp-conference-bot$/);
  });

  it('a cancellation says METHOD:CANCEL and STATUS:CANCELLED', () => {
    const ics = buildIcs({ ...base, method: 'CANCEL', sequence: 4 });
    expect(ics).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(ics).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(ics).toContain('\r\nSEQUENCE:4\r\n');
  });

  it('describes a local time in words, independent of the process time zone', () => {
    expect(describeLocal('2026-03-29T00:30')).toBe('Sunday 29 March 2026 at 00:30');
    expect(describeLocal('2026-12-10T10:30')).toBe('Thursday 10 December 2026 at 10:30');
  });

  it('the family e-mail escapes HTML and keeps names out of the subject', () => {
    const mail = buildFamilyMail({
      kind: 'invitation', inviteeId: 'mum', to: { address: 'mum@example.org', name: 'Alex <b>Example</b>' }, caseReference: 'CP-2026-0042',
      conferenceKind: 'RCPC', joinAt: '2026-12-10T10:30', end: '2026-12-10T12:00', joinsAfterConfidentialSection: true,
      joinUrl: 'https://teams.example/l/x', uid: 'u@x', sequence: 1, stamp: '2026-11-23T10:00:00Z', sender: { email: 'team@council.example', name: 'Team' },
    });
    expect(mail.subject).toBe('Invitation: review child protection conference CP-2026-0042');
    expect(mail.html).toContain('Dear Alex &lt;b&gt;Example&lt;/b&gt;,');
    expect(mail.html).toContain('The professionals meet on their own first.');
    expect(mail.attachments[0]).toMatchObject({ name: 'invitation.ics', contentType: 'text/calendar; method=REQUEST; charset=UTF-8' });
  });
});
