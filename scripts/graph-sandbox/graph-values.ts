// Values shaped like Graph's: ids, join URLs, dateTimeTimeZone conversion, .ics summaries.
import { randomBytes } from 'node:crypto';
import { GraphError } from './graph-errors';
import type { AttachmentSummary } from './sandbox-store';

export const newEventId = () => `AAMkAGSbx${randomBytes(36).toString('base64url')}=`;
export const newMessageId = () => `AAMkAGSbxMsg${randomBytes(24).toString('base64url')}=`;
export const newICalUid = () => `040000008200E00074C5B7101A82E00800000000${randomBytes(24).toString('hex').toUpperCase()}`;
export const newChangeKey = () => randomBytes(16).toString('base64');

/** Graph's onlineMeeting id is base64 of "1*{organizerOid}*0**{threadId}". */
export function newMeeting(tenantId: string, organizerOid: string): { id: string; threadId: string; joinWebUrl: string } {
  const threadId = `19:meeting_${randomBytes(36).toString('base64url').replace(/[-_]/g, 'Q')}@thread.v2`;
  const id = Buffer.from(`1*${organizerOid}*0**${threadId}`).toString('base64').replace(/=+$/, '');
  // Teams writes percent-escapes in lower case (19%3ameeting_…%40thread.v2).
  const esc = (v: string) => encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
  const joinWebUrl = `https://teams.microsoft.com/l/meetup-join/${esc(threadId)}/0?context=${esc(JSON.stringify({ Tid: tenantId, Oid: organizerOid }))}`;
  return { id, threadId, joinWebUrl };
}

/** Join URLs are compared after decoding, as Graph parses the thread id out of them. */
export function normalizeJoinUrl(url: string): string {
  let prev = url;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(prev);
    } catch {
      break;
    }
    if (next === prev) break;
    prev = next;
  }
  return prev.trim();
}

// Outlook takes Windows or IANA zone names; the sandbox knows the IANA ones plus the common Windows names.
const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
};

export function ianaZone(name: string): string {
  const zone = WINDOWS_ZONES[name] ?? name;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    throw new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`);
  }
}

function zoneOffsetMs(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(utcMs / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;

/** dateTimeTimeZone → UTC milliseconds; 400 like Outlook for an unreadable value. */
export function toUtcMs(value: { dateTime?: unknown; timeZone?: unknown }, property: string): number {
  const m = typeof value.dateTime === 'string' ? LOCAL.exec(value.dateTime) : null;
  if (!m || typeof value.timeZone !== 'string') {
    throw new GraphError(400, 'ErrorInvalidRequest', `Your request can't be completed. '${property}' needs a dateTime (yyyy-MM-ddTHH:mm:ss) and a timeZone.`);
  }
  const zone = ianaZone(value.timeZone);
  const local = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  let utc = local - zoneOffsetMs(local, zone);
  utc = local - zoneOffsetMs(utc, zone);
  return utc;
}

/** UTC milliseconds → Graph's dateTimeTimeZone in the given zone (7 fractional digits like Outlook). */
export function fromUtcMs(utcMs: number, zoneName: string): { dateTime: string; timeZone: string } {
  const zone = ianaZone(zoneName);
  const local = new Date(utcMs + zoneOffsetMs(utcMs, zone));
  return { dateTime: `${local.toISOString().slice(0, 19)}.0000000`, timeZone: zoneName };
}

/** Summary of an .ics file for the mailbox viewer: METHOD, SEQUENCE, DTSTART, SUMMARY. */
export function summarizeIcs(text: string): NonNullable<AttachmentSummary['ics']> {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const value = (name: string): string | null => {
    const line = lines.find((l) => l.toUpperCase().startsWith(`${name}:`) || l.toUpperCase().startsWith(`${name};`));
    if (!line) return null;
    const colon = line.indexOf(':');
    const params = line.slice(name.length, colon);
    const tzid = /TZID=([^;:]+)/i.exec(params)?.[1];
    return tzid ? `${line.slice(colon + 1)} (${tzid})` : line.slice(colon + 1);
  };
  return { method: value('METHOD'), sequence: value('SEQUENCE'), dtstart: value('DTSTART'), summary: value('SUMMARY') };
}
