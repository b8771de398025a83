// Everything the product's use cases need, as the composition root (bot/main.ts) builds it:
// the booking ports plus the directory and the job queue. Ports and settings only.
import type { BookingDeps } from './meetings/booking-deps';
import type { Directory } from './ports/directory.port';
import type { JobQueue } from './ports/job-queue.port';

export interface AppDeps extends BookingDeps {
  directory: Directory;
  /** Enqueue inside a step's transaction, so a job commits with the change that makes it due. */
  jobs: JobQueue;
}
