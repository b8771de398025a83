// The conference page's plan timeline (the page gives its h2 heading): the child's plan this conference belongs to (GET
// /conferences/:id/timeline) drawn as SVG, and the same items as an ordered list in words.
import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../shell/api-client';
import type { PlanTimeline as Timeline } from '../shell/api-types';
import { TimelineChart } from './timeline-chart';

type Item = Timeline['items'][number];

const STATUS_WORDS: Readonly<Record<Item['status'], string>> = {
  held: 'held',
  booked: 'booked',
  'stood-down': 'stood down',
  draft: 'not yet booked',
  recorded: 'recorded',
  done: 'done',
  due: 'due',
  missed: 'missed',
};

const useStyles = makeStyles({
  list: { paddingInlineStart: '20px', marginBlock: '8px' },
  late: { fontWeight: tokens.fontWeightSemibold },
});

/** The item in words: date, what it is, its status, and for a meeting how it did against its timescale. */
export function itemText(i: Item): string {
  const parts = [`${i.date}: ${i.label}`, STATUS_WORDS[i.status]];
  if (i.type === 'meeting' && i.due) {
    const against = i.timeliness === 'missed' ? 'late' : i.timeliness === 'met' ? 'on time' : i.timeliness === 'pending' ? 'on track' : 'not measured';
    parts.push(`due by ${i.due} (${i.rule}): ${against}`);
  }
  if (i.type === 'deadline') parts.push(i.rule ? `rule ${i.rule}` : '', i.doneOn ? `done on ${i.doneOn}` : '');
  return parts.filter(Boolean).join(', ');
}

export function PlanTimeline({ api, conferenceId }: { api: ApiClient; conferenceId: string }) {
  const s = useStyles();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setTimeline(null);
    setError(null);
    api
      .get<Timeline>(`/conferences/${encodeURIComponent(conferenceId)}/timeline`, { signal: abort.signal })
      .then(setTimeline)
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e.message : 'The plan timeline could not be loaded.');
      });
    return () => abort.abort();
  }, [api, conferenceId]);

  return (
    <div data-testid="plan-timeline-panel">
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!timeline && !error && <Spinner size="tiny" label="Loading the plan" />}
      {timeline && (
        <div data-testid="plan-timeline-ready">
          <Text as="p">
            Case {timeline.caseReference}. {timeline.open ? 'The plan is running.' : 'No plan is running.'} Dates as of {timeline.today}.
          </Text>
          <TimelineChart timeline={timeline} />
          <ol className={s.list} aria-label="The plan in date order" data-testid="plan-timeline-list">
            {timeline.items.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no id of their own; their order is fixed by date
              <li key={n} data-type={i.type} data-status={i.status} className={i.status === 'missed' || i.timeliness === 'missed' ? s.late : undefined}>
                {itemText(i)}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
