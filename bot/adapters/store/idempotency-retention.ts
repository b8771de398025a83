// Keeps the idempotency table small and its ids short-lived: once at start and then every
// `intervalMs`, keys older than the retention (IDEMPOTENCY_RETENTION_HOURS) are deleted. The
// timer is unref'd (it never keeps the process alive) and stop() waits for a purge in flight, so
// the database is not closed under it.
import type { Clock } from '../../app/ports/clock.port';

export interface Purgeable {
  purgeExpired(before: Date): Promise<number>;
}

export interface RetentionOptions {
  store: Purgeable;
  clock: Clock;
  retentionMs: number;
  /** Default hourly. */
  intervalMs?: number;
  onPurged?(deleted: number): void;
  onError?(error: unknown): void;
}

export interface RunningRetention {
  /** One purge now (also what the timer runs); resolves to the number of keys deleted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export const DEFAULT_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export function startIdempotencyRetention(options: RetentionOptions): RunningRetention {
  let stopped = false;
  let running: Promise<number> | null = null;
  const runOnce = (): Promise<number> => {
    running ??= (async () => {
      try {
        const deleted = await options.store.purgeExpired(new Date(options.clock.now().getTime() - options.retentionMs));
        if (deleted > 0) options.onPurged?.(deleted);
        return deleted;
      } catch (error) {
        // The next run tries again; a purge never takes the server down.
        options.onError?.(error);
        return 0;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const tick = () => {
    if (!stopped) void runOnce();
  };
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, options.intervalMs ?? DEFAULT_PURGE_INTERVAL_MS);
  first.unref();
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
