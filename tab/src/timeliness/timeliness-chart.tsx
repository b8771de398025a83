// The timeliness measures as a bar chart (SVG). Accessible: role="img" with a <title> and a <desc>
// that says every figure in words; the table beside it (TimelinessPanel) is the full alternative.
// Each bar carries its figure as text ("3 of 4, 75%"), so nothing depends on colour alone; the
// ICPC bar shows England's 2024–25 figure (about 81%) as a dashed mark for context.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { TimelinessReport } from '../shell/api-types';

type Measure = TimelinessReport['measures'][number];

/** England 2024–25: about 81% of ICPCs were held within 15 working days of the strategy discussion. */
export const ENGLAND_ICPC_SHARE = 0.81;

export const SHORT_LABELS: Readonly<Record<Measure['measure'], string>> = {
  'icpc-within-t1': 'ICPCs on time (T1)',
  'reviews-on-time': 'Reviews on time',
  'core-groups-on-time': 'Core groups on time',
  'records-within-t12': 'Records within T12',
};

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: '760px', height: 'auto', display: 'block' },
  track: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke1, strokeWidth: '1px' },
  bar: { fill: tokens.colorBrandBackground },
  text: { fill: tokens.colorNeutralForeground1, fontSize: '14px', fontFamily: tokens.fontFamilyBase },
  small: { fill: tokens.colorNeutralForeground2, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  mark: { stroke: tokens.colorNeutralForeground1, strokeWidth: '2px', strokeDasharray: '4 3' },
});

export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export function figureText(m: Measure): string {
  return m.total === 0 ? 'nothing to count yet' : `${m.met} of ${m.total}, ${percent(m.share)}`;
}

const LABEL_W = 190;
const BAR_W = 380;
const ROW_H = 48;

export function TimelinessChart({ measures }: { measures: readonly Measure[] }) {
  const s = useStyles();
  const titleId = useId();
  const descId = useId();
  const height = measures.length * ROW_H + 28;
  const description = `${measures.map((m) => `${SHORT_LABELS[m.measure]}: ${figureText(m)}.`).join(' ')} England 2024–25, ICPCs within 15 working days: about ${percent(ENGLAND_ICPC_SHARE)}.`;
  return (
    <svg className={s.svg} viewBox={`0 0 ${LABEL_W + BAR_W + 190} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} data-testid="timeliness-chart">
      <title id={titleId}>Timeliness over the period</title>
      <desc id={descId}>{description}</desc>
      {measures.map((m, n) => {
        const y = n * ROW_H + 10;
        const width = m.share === null ? 0 : Math.max(m.share * BAR_W, m.share > 0 ? 2 : 0);
        return (
          <g key={m.measure} data-measure={m.measure}>
            <text className={s.text} x={0} y={y + 20}>{SHORT_LABELS[m.measure]}</text>
            <rect className={s.track} x={LABEL_W} y={y + 4} width={BAR_W} height={22} rx={2} />
            <rect className={s.bar} x={LABEL_W} y={y + 4} width={width} height={22} rx={2} />
            <text className={s.text} x={LABEL_W + BAR_W + 10} y={y + 20}>{figureText(m)}</text>
            {m.measure === 'icpc-within-t1' && (
              <g data-testid="england-mark">
                <line className={s.mark} x1={LABEL_W + ENGLAND_ICPC_SHARE * BAR_W} x2={LABEL_W + ENGLAND_ICPC_SHARE * BAR_W} y1={y} y2={y + 30} />
                <text className={s.small} x={LABEL_W + ENGLAND_ICPC_SHARE * BAR_W} y={y + 42} textAnchor="middle">England 2024–25 about 81%</text>
              </g>
            )}
          </g>
        );
      })}
      <text className={s.small} x={LABEL_W} y={height - 4}>0%</text>
      <text className={s.small} x={LABEL_W + BAR_W} y={height - 4} textAnchor="end">100%</text>
    </svg>
  );
}
