// Latency of one request, repeated: a warm-up, then `iterations` sequential runs (or until the
// time budget is spent, so a very slow query cannot stall the bench); p50/p99 by nearest rank.

export interface Measured {
  name: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function measure(name: string, run: (i: number) => Promise<void>, options: { warmup: number; iterations: number; budgetMs: number }): Promise<Measured> {
  // The warm-up gets a tenth of the budget at most, so a query of seconds still gets measured runs.
  const warmUntil = performance.now() + options.budgetMs / 10;
  let warmed = 0;
  while (warmed < options.warmup && (warmed === 0 || performance.now() < warmUntil)) await run(warmed++);
  const times: number[] = [];
  const until = performance.now() + options.budgetMs;
  for (let i = 0; i < options.iterations && (times.length < 5 || performance.now() < until); i++) {
    const t = performance.now();
    await run(warmed + i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { name, runs: times.length, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), maxMs: round(times.at(-1)!) };
}
