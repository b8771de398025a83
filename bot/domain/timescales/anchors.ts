import type { IsoDate } from '../calendar/iso-date';

/**
 * The dates deadlines are measured from (the CLI's `--anchor <kind>=<date>`), in the order the
 * deadlines are listed. `significant-change`: the day a significant change in the child's
 * circumstances happened (T22 runs from it).
 */
export const ANCHOR_KINDS = [
  'strategy-discussion', 'icpc', 'rcpc', 'transfer-decision', 'due-date', 'core-group', 'conference', 'significant-change',
] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];

export type Anchors = Partial<Record<AnchorKind, IsoDate>>;

const KNOWN: ReadonlySet<string> = new Set(ANCHOR_KINDS);

export function isAnchorKind(value: unknown): value is AnchorKind {
  return typeof value === 'string' && KNOWN.has(value);
}
