// What the composition root needs from the store adapter, in one import.
export { DataDirInUse, type OpenDatabaseOptions, openDatabase } from './open-database';
export type { Database, SqlExecutor } from './database';
export { loadMigrations, MigrationError, migrate, migrateAsOwner, pendingMigrations } from './migrate';
export { ConferenceExists, DuplicateInviteeId, SqlConferenceStore } from './sql-conference.store';
export { SqlAuditLog, verifyAuditChain } from './sql-audit-log';
export { AuditDetailRejected, assertAuditEntryAllowed } from './audit-detail-guard';
export { auditKeyId, type ChainVerdict, canonicalJson, entryHash, type ExpectedHead } from './audit-chain';
export { IdempotencyError, type SqlIdempotencyOptions, SqlIdempotencyStore } from './sql-idempotency.store';
export { executorOf, SqlUnitOfWork, TransactionHandleError } from './sql-unit-of-work';
export { SqlClerkAlerts, type StoredClerkAlert } from './sql-clerk-alerts';
export { SqlConferenceLease } from './sql-conference-lease';
export { SqlJobQueue, type SqlJobQueueOptions } from './sql-job-queue';
export { SqlStaffRoles } from './sql-staff-roles';
export { SqlLiveMeetingStore } from './sql-live-meeting.store';
export { SqlCoreGroupStore } from './sql-core-group.store';
export { SqlRetentionStore } from './sql-retention.store';
