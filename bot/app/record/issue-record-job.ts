// The record goes out by itself once the decision is recorded (T12: within one working day): a
// job (kind record.issue) queued in the transaction that records the decision, so a crash after
// the decision never leaves the record unsent. issueRecord is idempotent (it sends only what is
// still due), so a rerun after a crash sends nobody a second copy; redacted copies still wait
// for the chair's approval card.
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import type { JobHandler } from '../jobs/job-kinds';
import type { JobQueue } from '../ports/job-queue.port';
import type { TransactionHandle } from '../ports/unit-of-work.port';
import { issueRecord } from './issue-record.use-case';

export const ISSUE_RECORD_JOB_KIND = 'record.issue';
const idText = z.string().regex(/^[A-Za-z0-9._:-]{1,120}$/);
export const issueRecordPayload = z.object({ conferenceId: idText, chairId: idText }).strict();
export type IssueRecordPayload = z.infer<typeof issueRecordPayload>;

/** Queues the record's first issue (once per conference) inside the decision's transaction. */
export async function scheduleRecordIssue(jobs: JobQueue, clock: AppDeps['clock'], p: IssueRecordPayload, tx: TransactionHandle): Promise<void> {
  await jobs.enqueue({ kind: ISSUE_RECORD_JOB_KIND, payload: p, runAt: clock.now(), dedupKey: p.conferenceId }, tx);
}

export function issueRecordJobHandler(deps: AppDeps): JobHandler<IssueRecordPayload> {
  return async (p, ctx) => {
    // A refusal or a busy lease throws: the worker backs off and retries.
    await issueRecord(deps, p.chairId, p.conferenceId);
    await deps.uow.run((tx) => ctx.complete(tx));
  };
}
