// What the local Graph sandbox holds, read from its tables on the product's database (the same
// store its /_sandbox page shows): the calendars' events and the mailboxes' messages. The demo's
// figures for the meeting, the invitations, the record and the follow-ups come from here.
import type { Database } from '../../bot/adapters/store/database';
import { SandboxStore } from '../graph-sandbox/sandbox-store';

export interface CalendarEvent {
  id: string;
  organizer: string;
  subject: string;
  start: string;
  cancelled: boolean;
  joinUrl: string | null;
  attendees: number;
}

export interface MailItem {
  mailbox: string;
  subject: string;
  kind: string;
  receivedAt: string;
  attachments: { name: string; contentType: string | null }[];
}

export class SandboxReads {
  private readonly store: SandboxStore;

  constructor(database: Database) {
    this.store = new SandboxStore(database);
  }

  /** Events whose subject starts with the case reference, oldest first. */
  async calendarEvents(caseReference: string): Promise<CalendarEvent[]> {
    return (await this.store.listEvents())
      .filter((e) => String(e.body.subject ?? '').startsWith(caseReference))
      .map((e) => ({
        id: e.id,
        organizer: e.userKey,
        subject: String(e.body.subject ?? ''),
        start: String((e.body.start as { dateTime?: string } | undefined)?.dateTime ?? ''),
        cancelled: e.cancelled,
        joinUrl: (e.body.onlineMeeting as { joinUrl?: string } | null)?.joinUrl ?? null,
        attendees: Array.isArray(e.body.attendees) ? e.body.attendees.length : 0,
      }));
  }

  /** Inbox messages for these addresses whose subject names the case reference. */
  async inbox(addresses: string[], caseReference: string): Promise<MailItem[]> {
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    return (await this.store.listMessages())
      .filter((m) => m.folder === 'inbox' && wanted.has(m.mailbox.toLowerCase()) && m.subject.includes(caseReference))
      .map((m) => ({ mailbox: m.mailbox, subject: m.subject, kind: m.kind, receivedAt: m.receivedAt, attachments: m.attachments.map((a) => ({ name: a.name, contentType: a.contentType })) }));
  }

  /** Every inbox message naming the case reference. */
  async allMail(caseReference: string): Promise<MailItem[]> {
    return (await this.store.listMessages())
      .filter((m) => m.folder === 'inbox' && m.subject.includes(caseReference))
      .map((m) => ({ mailbox: m.mailbox, subject: m.subject, kind: m.kind, receivedAt: m.receivedAt, attachments: m.attachments.map((a) => ({ name: a.name, contentType: a.contentType })) }));
  }

  /** The Teams meeting behind a join URL: its chat thread (where the meeting events arrive). */
  async meetingByJoinUrl(joinUrl: string): Promise<{ id: string; threadId: string } | null> {
    for (const m of await this.store.listAllMeetings()) {
      if (m.body.joinWebUrl === joinUrl) {
        const threadId = (m.body.chatInfo as { threadId?: string } | undefined)?.threadId;
        if (threadId) return { id: m.id, threadId };
      }
    }
    return null;
  }
}
