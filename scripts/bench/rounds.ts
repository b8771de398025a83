// How bench:bot interleaves its bots over rounds, and how it reads the per-round figures. On a
// shared machine a burst of other work lands in one phase; alternating the bots and taking the
// median of per-round ratios (each product phase beside the echo phase of its own round) keeps
// one burst from deciding the figure, and the spread shows how much the machine moved.

export type BotName = 'local' | 'production' | 'echo';

/** Round 0: local, echo, production; round 1: production, echo, local; and so on. */
export function roundOrder(round: number, bots: readonly BotName[] = ['local', 'echo', 'production']): BotName[] {
  return round % 2 === 0 ? [...bots] : [...bots].reverse();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: readonly number[]): [number, number] {
  return values.length === 0 ? [Number.NaN, Number.NaN] : [Math.min(...values), Math.max(...values)];
}
