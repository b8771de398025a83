// BookingDeps for the Graph fault tests: the real Graph adapter against the sandbox, and the real
// SQL store with its audit guard (SqlConferenceStore, SqlAuditLog, SqlClerkAlerts, SqlUnitOfWork,
// SqlConferenceLease) on the database the sandbox shares, as in local mode.
import { ManualClock } from '../../bot/adapters/clock/manual-clock';
import type { Database } from '../../bot/adapters/store/database';
import { SqlAuditLog } from '../../bot/adapters/store/sql-audit-log';
import { SqlClerkAlerts } from '../../bot/adapters/store/sql-clerk-alerts';
import { SqlConferenceLease } from '../../bot/adapters/store/sql-conference-lease';
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlUnitOfWork } from '../../bot/adapters/store/sql-unit-of-work';
import type { BookingDeps } from '../../bot/app/meetings/booking-deps';
import { resolveProfile } from '../../bot/domain/policy/resolve-profile';
import type { Harness } from './sandbox-harness';
import { TEST_AUDIT_KEY } from '../store/fixtures';

export type SqlBookingDeps = BookingDeps & { store: SqlConferenceStore; audit: SqlAuditLog; alerts: SqlClerkAlerts; clock: ManualClock };

export function sqlBookingDeps(h: Harness, db: Database): SqlBookingDeps {
  const clock = new ManualClock('2026-11-23T10:00:00.000Z');
  const audit = new SqlAuditLog(db, clock, TEST_AUDIT_KEY);
  return {
    store: new SqlConferenceStore(db),
    uow: new SqlUnitOfWork(db),
    lease: new SqlConferenceLease(db, clock),
    audit,
    alerts: new SqlClerkAlerts(db, audit, clock),
    clock,
    meetings: h.graph.meetings,
    mailer: h.graph.mailer,
    profileFor: (id) => resolveProfile(id),
    mailSender: h.config.mailSender,
  };
}

export const alertCodes = async (deps: SqlBookingDeps, conferenceId: string) => (await deps.alerts.open(conferenceId)).map((a) => a.code);
export const auditActions = async (deps: SqlBookingDeps, conferenceId: string) => (await deps.audit.forConference(conferenceId)).map((a) => a.action);
