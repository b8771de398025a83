// What a developer sees of the sandbox: mailboxes (who received which invitation and .ics),
// calendars and meeting options — as text (npm run sandbox:mail) and as an HTML page (/_sandbox).
import type { SandboxStore, StoredMessage } from './sandbox-store';

export interface SandboxSnapshot {
  mailboxes: { mailbox: string; messages: Omit<StoredMessage, 'body' | 'mailbox'>[] }[];
  events: { id: string; organizer: string; subject: string; start: unknown; cancelled: boolean; transactionId: unknown; attendees: number; joinUrl: unknown }[];
  /** Each Teams meeting's options as stored (what a PATCH set), for checking the lock-down by eye. */
  meetings: { organizer: string; subject: string; options: Record<string, unknown> }[];
  callParticipants: { callId: string; participantId: string; removedAt: string | null }[];
}

const SHOWN_OPTIONS = [
  'lobbyBypassSettings', 'allowedLobbyAdmitters', 'allowMeetingChat', 'allowedPresenters', 'allowRecording', 'allowTranscription',
  'recordAutomatically', 'isEntryExitAnnounced', 'allowParticipantsToChangeName', 'watermarkProtection',
];

export async function snapshot(store: SandboxStore): Promise<SandboxSnapshot> {
  const byMailbox = new Map<string, Omit<StoredMessage, 'body' | 'mailbox'>[]>();
  for (const { body: _body, mailbox, ...m } of await store.listMessages()) {
    byMailbox.set(mailbox, [...(byMailbox.get(mailbox) ?? []), m]);
  }
  const events = (await store.listEvents()).map((e) => ({
    id: e.id,
    organizer: e.userKey,
    subject: String(e.body.subject ?? ''),
    start: e.body.start,
    cancelled: e.cancelled,
    transactionId: e.body.transactionId ?? null,
    attendees: Array.isArray(e.body.attendees) ? e.body.attendees.length : 0,
    joinUrl: (e.body.onlineMeeting as { joinUrl?: string } | null)?.joinUrl ?? null,
  }));
  const meetings = (await store.listAllMeetings()).map((m) => ({
    organizer: m.userKey,
    subject: String(m.body.subject ?? ''),
    options: Object.fromEntries(SHOWN_OPTIONS.map((k) => [k, m.body[k] ?? null])),
  }));
  return {
    mailboxes: [...byMailbox].map(([mailbox, messages]) => ({ mailbox, messages })),
    events,
    meetings,
    callParticipants: await store.listCallParticipants(),
  };
}

function icsText(ics: { method: string | null; sequence: string | null; dtstart: string | null } | undefined): string {
  return ics ? ` [METHOD ${ics.method ?? '-'} SEQUENCE ${ics.sequence ?? '-'} DTSTART ${ics.dtstart ?? '-'}]` : '';
}

export function renderText(s: SandboxSnapshot): string {
  const lines: string[] = [];
  for (const box of s.mailboxes) {
    lines.push(`${box.mailbox} (${box.messages.length})`);
    for (const m of box.messages) {
      lines.push(`  ${m.receivedAt}  ${m.folder}/${m.kind}  "${m.subject}"  from ${m.sender}`);
      for (const a of m.attachments) lines.push(`      ${a.name}${icsText(a.ics)}`);
    }
  }
  if (s.mailboxes.length === 0) lines.push('(no mail)');
  lines.push('', 'Calendars:');
  for (const e of s.events) {
    const start = e.start as { dateTime?: string; timeZone?: string } | undefined;
    lines.push(`  ${e.organizer}  "${e.subject}"  ${start?.dateTime ?? '?'} ${start?.timeZone ?? ''}  attendees ${e.attendees}${e.cancelled ? '  CANCELLED' : ''}`);
  }
  if (s.events.length === 0) lines.push('  (no events)');
  lines.push('', 'Teams meetings:');
  for (const m of s.meetings) lines.push(`  ${m.organizer}  "${m.subject}"  ${JSON.stringify(m.options)}`);
  if (s.meetings.length === 0) lines.push('  (no meetings)');
  return `${lines.join('\n')}\n`;
}

const escapeHtml = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderHtml(s: SandboxSnapshot): string {
  const rows = s.mailboxes
    .flatMap((box) =>
      box.messages.map(
        (m) =>
          `<tr><td>${escapeHtml(box.mailbox)}</td><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(`${m.folder}/${m.kind}`)}</td><td>${escapeHtml(m.subject)}</td><td>${m.attachments
            .map((a) => escapeHtml(`${a.name}${icsText(a.ics)}`))
            .join('<br>')}</td></tr>`,
      ),
    )
    .join('');
  const events = s.events
    .map((e) => {
      const start = e.start as { dateTime?: string; timeZone?: string } | undefined;
      return `<tr><td>${escapeHtml(e.organizer)}</td><td>${escapeHtml(e.subject)}</td><td>${escapeHtml(`${start?.dateTime ?? ''} ${start?.timeZone ?? ''}`)}</td><td>${e.attendees}</td><td>${e.cancelled ? 'cancelled' : ''}</td><td>${escapeHtml(e.transactionId)}</td></tr>`;
    })
    .join('');
  const meetings = s.meetings
    .map((m) => `<tr><td>${escapeHtml(m.organizer)}</td><td>${escapeHtml(m.subject)}</td><td><code>${escapeHtml(JSON.stringify(m.options, null, 1))}</code></td></tr>`)
    .join('');
  const calls = s.callParticipants
    .map((p) => `<tr><td>${escapeHtml(p.callId)}</td><td>${escapeHtml(p.participantId)}</td><td>${escapeHtml(p.removedAt ?? 'present')}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Graph sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}</style></head><body>
<h1>Graph sandbox</h1>
<h2>Mailboxes</h2><table><tr><th>Mailbox</th><th>Received</th><th>Folder/kind</th><th>Subject</th><th>Attachments</th></tr>${rows}</table>
<h2>Calendars</h2><table><tr><th>Organizer</th><th>Subject</th><th>Start</th><th>Attendees</th><th></th><th>transactionId</th></tr>${events}</table>
<h2>Teams meetings (options)</h2><table><tr><th>Organizer</th><th>Subject</th><th>Options</th></tr>${meetings}</table>
<h2>Call participants</h2><table><tr><th>Call</th><th>Participant</th><th>Removed</th></tr>${calls}</table>
</body></html>`;
}
