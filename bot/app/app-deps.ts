// Everything the product's use cases need, as the composition root (bot/main.ts) builds it:
// the booking ports plus the directory and the job queue. Ports and settings only.
import type { ProfileId } from '../domain/policy/policy-profile';
import type { BookingDeps } from './meetings/booking-deps';
import type { ChatNotifier } from './ports/chat-notifier.port';
import type { ConferenceLookup } from './ports/conference-lookup.port';
import type { CoreGroupStore } from './ports/core-group-store.port';
import type { Directory } from './ports/directory.port';
import type { LiveMeetingStore } from './ports/live-meeting-store.port';
import type { MeetingNotifier } from './ports/meeting-notifier.port';
import type { JobQueue } from './ports/job-queue.port';
import type { CallControl } from './ports/call-control.port';
import type { DocumentRenderer } from './ports/document-renderer.port';
import type { LinkSigner } from './ports/link-signer.port';
import type { RemindersSent } from './ports/reminders-sent.port';
import type { ReportStore } from './ports/report-store.port';
import type { StaffRoles } from './ports/staff-roles.port';
import type { RetentionStore } from './ports/retention-store.port';
import type { RetentionSchedule } from './retention/retention-job';
import type { Telemetry } from './ports/telemetry.port';

export interface AppDeps extends BookingDeps {
  /** The deployment's policy profile: new bookings are made under it (profileFor gives it). */
  profileId: ProfileId;
  directory: Directory;
  /** Enqueue inside a step's transaction, so a job commits with the change that makes it due. */
  jobs: JobQueue;
  /** The staff roster (product roles), for pickers that list people of a role. */
  staffRoles: StaffRoles;
  /** Cards to one person's 1:1 chat (attendance, approvals, reminders). */
  notifier: ChatNotifier;
  /** Reminders sent, recorded with their job's completion (docs/reminders.md). */
  remindersSent: RemindersSent;
  /** Signed, expiring single-purpose links for people without the app. */
  links: LinkSigner;
  /** Where the bot is reached from outside (links in e-mails): https://host, no trailing slash. */
  publicBaseUrl: string;
  /** The council's document library for reports (bot/app/reports). */
  reports: ReportStore;
  /** A conference by its case reference (the chat commands "board" and "invite"). */
  lookup: ConferenceLookup;
  /** The meeting while it runs: stage, roster, alerts, the decision being entered (bot/app/meeting). */
  live: LiveMeetingStore;
  /** Targeted in-meeting notifications to the chair (Teams); absent, the chair's 1:1 chat carries them alone. */
  meetingNotifier?: MeetingNotifier;
  /** Removing someone through the calling bot, where the tenant has enabled it; absent, the chair gets instructions. */
  calls?: CallControl;
  /** How often an unacknowledged meeting alert is repeated to the chair, ms (MEETING_ALERT_REPEAT_MS; default 30 s). */
  meetingAlertRepeatMs?: number;
  /** The record's PDF (bot/adapters/documents); main.ts always sets it, a test set-up that issues no record may leave it out. */
  documents?: DocumentRenderer;
  /** The child's plans and the core groups' minutes (bot/app/core-group, migration 014). */
  coreGroups: CoreGroupStore;
  /** The daily retention job's store and settings (docs/operations.md#retention); main.ts always sets it. */
  retention?: { store: RetentionStore; schedule: RetentionSchedule };
  /** Metrics and spans to Application Insights (docs/telemetry.md); absent: off (telemetryOf). */
  telemetry?: Telemetry;
}
