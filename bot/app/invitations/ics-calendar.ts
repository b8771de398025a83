import { createHash } from 'node:crypto';
import type { LocalDateTime } from '../../domain/calendar/iso-date';

/**
 * RFC 5545 calendar objects for a family member's own join time. Pure: the caller passes the
 * stamp instant. Times are Europe/London wall-clock with a VTIMEZONE, so no UTC arithmetic here.
 */
export interface IcsEventInput {
  method: 'REQUEST' | 'CANCEL';
  /** Stable per conference + invitee (see icsUid). */
  uid: string;
  /** Increases with every change the invitee is told about. */
  sequence: number;
  /** ISO instant the object is produced (DTSTAMP, in UTC). */
  stamp: string;
  start: LocalDateTime;
  end: LocalDateTime;
  /** No names: case reference and purpose only. */
  summary: string;
  description: string;
  joinUrl: string;
  organizer: { email: string; name: string };
  attendeeEmail: string;
}

export const ICS_PRODID = '-//cp-conference-bot//family invitations//EN';

/** The Europe/London rules (EU since 1996: last Sunday of March 01:00 UTC, last Sunday of October). */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** UID stable per conference and invitee, opaque (a hash, so no id leaks into calendars). */
export function icsUid(conferenceId: string, inviteeId: string): string {
  const digest = createHash('sha256').update(`${conferenceId}\u0000${inviteeId}`).digest('hex').slice(0, 32);
  return `${digest}@cp-conference-bot`;
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with one space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function localStamp(value: LocalDateTime): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`ICS.BAD_LOCAL_TIME: expected YYYY-MM-DDTHH:mm, got ${value}`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}00`;
}

function utcStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error('ICS.BAD_STAMP');
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function buildIcs(input: IcsEventInput): string {
  const cancelled = input.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${ICS_PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    ...LONDON_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${utcStamp(input.stamp)}`,
    `DTSTART;TZID=Europe/London:${localStamp(input.start)}`,
    `DTEND;TZID=Europe/London:${localStamp(input.end)}`,
    `SUMMARY:${escapeText(input.summary)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    'LOCATION:Microsoft Teams meeting',
    `URL:${input.joinUrl}`,
    `ORGANIZER;CN=${paramValue(input.organizer.name)}:mailto:${input.organizer.email}`,
    `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${input.attendeeEmail}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** A parameter value: quoted, with characters a quoted value cannot hold removed (§3.2). */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}
