// Conferences by date (GET /api/v1/conferences?from&to): a chosen range (by default the server's
// today and the next eight weeks), one group per day, each
// conference with its kind, time, status, approvals waiting and every deadline's status chip.
import { Button, Field, Input, Link, makeStyles, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { ConferenceList, ConferenceListing } from '../shell/api-types';
import { DeadlineChip } from './deadline-chip';
import { conferenceHref } from './links';
import { Section } from './section';
import { useApiData } from './use-api-data';
import { APPROVAL_LABEL, DEADLINE_LABEL, formatLongDate, KIND_LABEL, STATUS_LABEL, timeOf } from './words';

const useStyles = makeStyles({
  range: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: '16px' },
  chips: { display: 'flex', gap: '4px', flexWrap: 'wrap', paddingTop: '4px', paddingBottom: '4px' },
  // The chips need the room: the other columns are short.
  narrow: { width: '14%' },
  time: { width: '10%' },
  wide: { width: '48%' },
  day: { display: 'block', marginTop: '16px', marginBottom: '4px' },
  waiting: { color: tokens.colorNeutralForeground2 },
});

/** 'Deadlines across these 3 conferences: 1 missed, 2 due soon, 9 due, 4 done.' */
export function totalsText(list: ConferenceListing[]): string {
  const count = (s: string) => list.reduce((n, l) => n + l.deadlines.filter((d) => d.status === s).length, 0);
  const parts = (['missed', 'due-soon', 'due', 'done'] as const).map((s) => `${count(s)} ${DEADLINE_LABEL[s].toLowerCase()}`);
  return `Deadlines across ${list.length === 1 ? 'this conference' : `these ${list.length} conferences`}: ${parts.join(', ')}.`;
}

function byDay(list: ConferenceListing[]): [string, ConferenceListing[]][] {
  const days = new Map<string, ConferenceListing[]>();
  for (const l of list) {
    const day = l.conference.start.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), l]);
  }
  return [...days.entries()];
}

export function ConferenceListView({ api, initialFrom, initialTo }: { api: ApiClient; initialFrom?: string; initialTo?: string }) {
  const styles = useStyles();
  const [from, setFrom] = useState(initialFrom ?? '');
  const [to, setTo] = useState(initialTo ?? '');
  const [asked, setAsked] = useState({ from, to });
  const query = new URLSearchParams({ ...(asked.from && { from: asked.from }), ...(asked.to && { to: asked.to }) }).toString();
  const { data, error, loading } = useApiData<ConferenceList>(api, `/conferences${query ? `?${query}` : ''}`);
  // Without a range the server picks today (its own clock) and the next eight weeks: show them.
  useEffect(() => {
    if (!data) return;
    setFrom((f) => f || data.from);
    setTo((t) => t || data.to);
  }, [data]);

  return (
    <Section id="conferences" title="Conferences by date" testId="conference-list" error={error}>
      <form
        className={styles.range}
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ from, to });
        }}
      >
        <Field label="From">
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} data-testid="range-from" />
        </Field>
        <Field label="To">
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} data-testid="range-to" />
        </Field>
        <Button type="submit" data-testid="range-show">
          Show
        </Button>
      </form>
      {loading && !data && <Spinner label="Loading conferences" size="small" />}
      {data && data.conferences.length > 0 && (
        <Text as="p" data-testid="deadline-totals">
          {totalsText(data.conferences)}
        </Text>
      )}
      {data && data.conferences.length === 0 && <Text as="p">No conferences from {formatLongDate(data.from)} to {formatLongDate(data.to)}.</Text>}
      {data &&
        byDay(data.conferences).map(([day, list]) => (
          <div key={day} data-testid="conference-day" data-day={day}>
            <Subtitle2 as="h3" className={styles.day}>
              {formatLongDate(day)}
            </Subtitle2>
            <Table aria-label={`Conferences on ${formatLongDate(day)}`} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.narrow}>Case reference</TableHeaderCell>
                  <TableHeaderCell className={styles.narrow}>Kind</TableHeaderCell>
                  <TableHeaderCell className={styles.time}>Time</TableHeaderCell>
                  <TableHeaderCell className={styles.narrow}>Status</TableHeaderCell>
                  <TableHeaderCell className={styles.wide}>Deadlines</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((l) => (
                  <TableRow key={l.conference.id} data-testid="conference-row" data-conference={l.conference.id}>
                    <TableCell>
                      <Link href={conferenceHref(l.conference.id)}>{l.conference.caseReference}</Link>
                    </TableCell>
                    <TableCell>{KIND_LABEL[l.conference.kind] ?? l.conference.kind}</TableCell>
                    <TableCell>
                      {timeOf(l.conference.start)}–{timeOf(l.conference.end)}
                    </TableCell>
                    <TableCell>
                      {STATUS_LABEL[l.conference.status] ?? l.conference.status}
                      {l.pendingApprovals.map((a) => (
                        <div key={a.id} className={styles.waiting}>
                          Waiting for approval: {APPROVAL_LABEL[a.kind] ?? a.kind}
                        </div>
                      ))}
                    </TableCell>
                    <TableCell>
                      <div className={styles.chips}>
                        {l.deadlines.length === 0 ? <Text>None</Text> : l.deadlines.map((d) => <DeadlineChip key={`${d.rule}-${d.date}-${d.name}`} deadline={d} />)}
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
    </Section>
  );
}
