// The child's plan drawn as SVG: a date axis (month ticks, today marked), meetings on the top
// lane, decisions in the middle, deadlines below. Shapes carry the meaning as well as colour
// (a filled circle: held; a ring: booked; a triangle: a deadline, filled when done; a cross:
// missed), each with a <title>; the ordered list beside it (PlanTimeline) says it all in words.
import { makeStyles, tokens } from '@fluentui/react-components';
import { type ReactElement, useId } from 'react';
import type { PlanTimeline } from '../shell/api-types';

type Item = PlanTimeline['items'][number];

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: '900px', height: 'auto', display: 'block' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: '1px' },
  today: { stroke: tokens.colorNeutralForeground1, strokeWidth: '1.5px', strokeDasharray: '4 3' },
  text: { fill: tokens.colorNeutralForeground1, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  lane: { fill: tokens.colorNeutralForeground2, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  filled: { fill: tokens.colorBrandBackground, stroke: tokens.colorBrandStroke1, strokeWidth: '2px' },
  hollow: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorBrandStroke1, strokeWidth: '2px' },
  missed: { fill: 'none', stroke: tokens.colorPaletteRedForeground1, strokeWidth: '3px' },
});

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const LEFT = 90;
const WIDTH = 780;
const LANES: Readonly<Record<Item['type'], number>> = { 'strategy-discussion': 56, meeting: 56, decision: 106, deadline: 156 };
const AXIS = 185;

function short(i: Item): string {
  if (i.type === 'strategy-discussion') return 'SD';
  if (i.type === 'decision') return 'Decision';
  if (i.type === 'meeting') return i.kind === 'CORE_GROUP' ? 'CG' : i.kind === 'RCPC' ? 'RCPC' : i.kind === 'ICPC' ? 'ICPC' : (i.kind ?? '');
  return i.rule ?? '';
}

export function TimelineChart({ timeline }: { timeline: PlanTimeline }) {
  const today = timeline.today;
  const s = useStyles();
  const titleId = useId();
  const descId = useId();
  const days = [...timeline.items.map((i) => dayOf(i.date)), dayOf(today)];
  const first = Math.min(...days) - 7;
  const last = Math.max(...days) + 7;
  const x = (iso: string) => LEFT + ((dayOf(iso) - first) / (last - first)) * WIDTH;
  const ticks: string[] = [];
  const start = new Date(first * DAY);
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); d.getTime() / DAY <= last; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    ticks.push(d.toISOString().slice(0, 10));
  }
  const labelEvery = Math.max(1, Math.ceil(ticks.length / 12));
  const meetings = timeline.items.filter((i) => i.type === 'meeting').length;
  const deadlines = timeline.items.filter((i) => i.type === 'deadline');
  const missed = deadlines.filter((i) => i.status === 'missed').length + timeline.items.filter((i) => i.timeliness === 'missed').length;
  // Labels alternate between two places per lane so that close dates stay readable: meetings
  // above their marker (two heights), decisions below, deadlines below and above.
  const places: Readonly<Record<'meeting' | 'decision' | 'deadline', readonly [number, number]>> = { meeting: [-14, -26], decision: [22, 22], deadline: [24, -12] };
  const offsets = new Map<Item, number>();
  for (const lane of ['meeting', 'decision', 'deadline'] as const) {
    timeline.items.filter((i) => (i.type === 'strategy-discussion' ? 'meeting' : i.type) === lane).forEach((i, n) => {
      offsets.set(i, places[lane][n % 2]!);
    });
  }
  return (
    <svg className={s.svg} viewBox={`0 0 ${LEFT + WIDTH + 20} 210`} role="img" aria-labelledby={`${titleId} ${descId}`} data-testid="timeline-chart">
      <title id={titleId}>{`Plan timeline, case ${timeline.caseReference}`}</title>
      <desc id={descId}>{`${meetings} meetings and ${deadlines.length} deadlines from ${timeline.items[0]?.date ?? today} to ${timeline.items.at(-1)?.date ?? today}; ${missed} late or missed. The list below gives each one.`}</desc>
      <text className={s.lane} x={0} y={LANES.meeting + 4}>Meetings</text>
      <text className={s.lane} x={0} y={LANES.decision + 4}>Decisions</text>
      <text className={s.lane} x={0} y={LANES.deadline + 4}>Deadlines</text>
      <line className={s.axis} x1={LEFT} x2={LEFT + WIDTH} y1={AXIS} y2={AXIS} />
      {ticks.map((t, n) => (
        <g key={t}>
          <line className={s.axis} x1={x(t)} x2={x(t)} y1={AXIS - 4} y2={AXIS + 4} />
          {/* A long plan: every k-th month named, so that the names never overlap. */}
          {n % labelEvery === 0 && <text className={s.text} x={x(t)} y={AXIS + 19} textAnchor="middle">{`${MONTHS[Number(t.slice(5, 7)) - 1]} ${t.slice(0, 4)}`}</text>}
        </g>
      ))}
      <line className={s.today} x1={x(today)} x2={x(today)} y1={16} y2={AXIS} data-testid="timeline-today" />
      <text className={s.text} x={x(today) + 4} y={12}>Today</text>
      {timeline.items.map((i, n) => {
        const cx = x(i.date);
        const cy = LANES[i.type];
        const late = i.status === 'missed' || i.timeliness === 'missed';
        const title = `${i.date}: ${i.label} (${i.status}${i.timeliness === 'missed' ? ', late' : ''})`;
        let mark: ReactElement;
        if (i.type === 'deadline') {
          mark = late
            ? <path className={s.missed} d={`M${cx - 6},${cy - 6} L${cx + 6},${cy + 6} M${cx + 6},${cy - 6} L${cx - 6},${cy + 6}`} />
            : <path className={i.status === 'done' ? s.filled : s.hollow} d={`M${cx},${cy - 7} L${cx + 7},${cy + 6} L${cx - 7},${cy + 6} Z`} />;
        } else if (i.type === 'decision') {
          mark = <path className={s.filled} d={`M${cx},${cy - 7} L${cx + 7},${cy} L${cx},${cy + 7} L${cx - 7},${cy} Z`} />;
        } else {
          mark = (
            <>
              <circle className={i.status === 'held' ? s.filled : s.hollow} cx={cx} cy={cy} r={i.type === 'strategy-discussion' ? 4 : 7} />
              {late && <circle className={s.missed} cx={cx} cy={cy} r={11} />}
            </>
          );
        }
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no id of their own; their order is fixed by date
          <g key={n} data-type={i.type} data-status={i.status}>
            <title>{title}</title>
            {mark}
            <text className={s.text} x={cx} y={cy + (offsets.get(i) ?? -14)} textAnchor="middle">{short(i)}</text>
          </g>
        );
      })}
    </svg>
  );
}
