// The repository suite: every store adapter against every back end — embedded PGlite always,
// a real PostgreSQL server when TEST_DATABASE_URL is set (npm test's PostgreSQL leg sets it).
import { BACKENDS } from './backends';
import { auditLogSuite } from './suites/audit-log.suite';
import { auditVerifyCliSuite } from './suites/audit-verify-cli.suite';
import { clerkAlertsSuite } from './suites/clerk-alerts.suite';
import { conferenceStoreSuite } from './suites/conference-store.suite';
import { idempotencySuite } from './suites/idempotency.suite';
import { idempotencyBatchingSuite } from './suites/idempotency-batching.suite';
import { jobQueueSuite } from './suites/job-queue.suite';
import { migrationsSuite, pgliteLockSuite, pglitePersistenceSuite } from './suites/migrations.suite';
import { serviceRoleSuite } from './suites/service-role.suite';
import { staffRolesSuite } from './suites/staff-roles.suite';

describe.each(BACKENDS)('store on $name', (backend) => {
  migrationsSuite(backend);
  conferenceStoreSuite(backend);
  auditLogSuite(backend);
  serviceRoleSuite(backend);
  idempotencySuite(backend);
  idempotencyBatchingSuite(backend);
  clerkAlertsSuite(backend);
  jobQueueSuite(backend);
  staffRolesSuite(backend);
  auditVerifyCliSuite(backend);
  if (backend.name === 'pglite') {
    describe('persistence', pglitePersistenceSuite);
    describe('single process per DATA_DIR', pgliteLockSuite);
  }
});
