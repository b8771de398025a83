// The rule wording of DOMAIN-RULES §2 with the profile's value put in for N, computed once
// per timescales object (profiles are immutable once resolved).
import type { RuleId, Timescales } from '../policy/policy-profile';

export type VariantKind = 'ICPC' | 'RCPC';

export interface RuleTexts {
  single: Partial<Record<RuleId, string>>;
  variant: { T7: Record<VariantKind, string>; T10: Record<VariantKind, string> };
  /** Deadline names that carry a value (T24's minutes). */
  t24Name: string;
}

const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

const v = (n: number | null): string => (n === null ? '—' : String(n));
const mo = (n: number | null): string => `${v(n)} ${n === 1 ? 'month' : 'months'}`;
/** 'N working days', singular for 1. */
const wd = (n: number | null): string => `${v(n)} working ${n === 1 ? 'day' : 'days'}`;

function build(t: Timescales): RuleTexts {
  const t5 = t.T5 === null ? '—' : `${t.T5.n} ${t.T5.unit === 'weeks' ? (t.T5.n === 1 ? 'week' : 'weeks') : t.T5.n === 1 ? 'month' : 'months'}`;
  return {
    single: {
      T1: `ICPC held within ${wd(t.T1)} of the strategy discussion that started the s47 enquiry`,
      T2: `first RCPC within ${mo(t.T2)} of the ICPC`,
      T3: `later RCPCs at most ${mo(t.T3)} apart`,
      T4: `first core group within ${wd(t.T4)} of the ICPC`,
      T5: `later core groups at least every ${t5}`,
      T6: `final core group before an RCPC held no earlier than ${wd(t.T6)} before it`,
      T8: `police checks requested by 16:00 on the ${t.T8 === null ? 'Nth' : ordinal(t.T8)} working day after the strategy discussion`,
      T9: `agency reports reach the convening team at least ${wd(t.T9)} before`,
      T10b: `social work report to the chair and clerk at least ${wd(t.T10b)} before`,
      T11: `request to exclude someone, or not to share a report, made to the chair at least ${wd(t.T11)} before`,
      T12: `decision and recommendations issued within ${wd(t.T12)} of the conference`,
      T13: `CP plan signed off by the chair within ${wd(t.T13)}`,
      T14: `conference record / minutes circulated within ${wd(t.T14)}`,
      T15: `minute amendments completed within ${wd(t.T15)}`,
      T16: `core group minutes circulated within ${wd(t.T16)} of the meeting`,
      T17: `not quorate and not enough information: reconvene within ${wd(t.T17)} of the original date`,
      T18: t.T18 === null
        ? 'pre-birth ICPC between weeks A and B of gestation (no national rule)'
        : `pre-birth ICPC between weeks ${t.T18.fromWeek} and ${t.T18.toWeek} of gestation (no national rule)`,
      T19: `transfer-in (receiving-in) conference within ${wd(t.T19)} of the decision to hold it`,
      T20: `child seen by the lead social worker at least every ${wd(t.T20)}`,
      T21: `child seen by a core group professional at least every ${wd(t.T21)}`,
      T22: `lead social worker reports a significant change to the chair within ${wd(t.T22)} of the change`,
      T23: `ICPC booked by day ${v(t.T23)} after the strategy discussion (manager alerted by day ${t.T23 === null ? '—' : t.T23 - 1})`,
      T24: `social worker joins ${v(t.T24)} minutes before the start to brief the chair`,
    },
    variant: {
      T7: {
        ICPC: `invitations sent at least ${wd(t.T7.ICPC)} before an ICPC`,
        RCPC: `invitations sent at least ${wd(t.T7.RCPC)} before an RCPC`,
      },
      T10: {
        ICPC: `social work and agency reports shared with the family at least ${wd(t.T10.ICPC)} before an ICPC`,
        RCPC: `social work and agency reports shared with the family at least ${wd(t.T10.RCPC)} before an RCPC`,
      },
    },
    t24Name: `social worker joins ${v(t.T24)} minutes before the start to brief the chair`,
  };
}

const cache = new WeakMap<Timescales, RuleTexts>();

export function ruleTexts(t: Timescales): RuleTexts {
  let texts = cache.get(t);
  if (!texts) {
    texts = build(t);
    cache.set(t, texts);
  }
  return texts;
}
