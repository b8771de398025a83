// The dashboard's timeliness section (the page gives its h2 heading): a period, the four measures (GET /reports/timeliness) as a
// chart and as a table, the conferences behind them, and a CSV download of that table.
import {
  Button, Field, Input, Link, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Subtitle2, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../shell/api-client';
import type { TimelinessReport } from '../shell/api-types';
import { ENGLAND_ICPC_SHARE, figureText, percent, SHORT_LABELS, TimelinessChart } from './timeliness-chart';
import { timelinessCsv } from './timeliness-csv';

const STATUS_WORDS: Readonly<Record<TimelinessReport['rows'][number]['status'], string>> = {
  met: 'On time',
  missed: 'Late',
  pending: 'Not due yet',
  unmeasured: 'Not measured',
};

const KIND_WORDS: Readonly<Record<TimelinessReport['rows'][number]['kind'], string>> = {
  ICPC: 'ICPC',
  RCPC: 'Review (RCPC)',
  CORE_GROUP: 'Core group',
  TRANSFER_IN: 'Transfer-in',
  PRE_BIRTH: 'Pre-birth',
};

const useStyles = makeStyles({
  form: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap', marginBlock: '12px' },
  block: { marginBlock: '16px' },
  context: { color: tokens.colorNeutralForeground2 },
});

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function TimelinessPanel({ api }: { api: ApiClient }) {
  const s = useStyles();
  // Filled from the first answer: the server's year up to its today (Europe/London).
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<TimelinessReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (period?: { from: string; to: string }) => {
    setLoading(true);
    setError(null);
    try {
      const answer = await api.get<TimelinessReport>(period ? `/reports/timeliness?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}` : '/reports/timeliness');
      setReport(answer);
      setFrom(answer.from);
      setTo(answer.to);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The figures could not be loaded.');
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load({ from, to });
  };

  const labels = Object.fromEntries((report?.measures ?? []).map((m) => [m.measure, m.label]));
  return (
    <div data-testid="timeliness-panel">
      <form className={s.form} onSubmit={submit} aria-label="Period">
        <Field label="From">
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} data-testid="timeliness-from" required />
        </Field>
        <Field label="To">
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} data-testid="timeliness-to" required />
        </Field>
        <Button type="submit" appearance="primary" data-testid="timeliness-show" disabled={loading}>Show</Button>
        {loading && <Spinner size="tiny" label="Loading" />}
      </form>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <div data-testid="timeliness-ready" data-from={report.from} data-to={report.to}>
          <div className={s.block}>
            <TimelinessChart measures={report.measures} />
            <Text as="p" className={s.context}>
              For context: in England in 2024–25 about {percent(ENGLAND_ICPC_SHARE)} of initial conferences were held within 15 working days of the strategy
              discussion.
            </Text>
          </div>
          <Table aria-label="Timeliness by measure" data-testid="timeliness-summary" className={s.block}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Measure</TableHeaderCell>
                <TableHeaderCell>On time</TableHeaderCell>
                <TableHeaderCell>Counted</TableHeaderCell>
                <TableHeaderCell>Share</TableHeaderCell>
                <TableHeaderCell>Not due yet</TableHeaderCell>
                <TableHeaderCell>Not measured</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.measures.map((m) => (
                <TableRow key={m.measure} data-measure={m.measure}>
                  <TableCell>{m.label}</TableCell>
                  <TableCell>{m.met}</TableCell>
                  <TableCell>{m.total}</TableCell>
                  <TableCell aria-label={`${SHORT_LABELS[m.measure]}: ${figureText(m)}`}>{percent(m.share)}</TableCell>
                  <TableCell>{m.pending}</TableCell>
                  <TableCell>{m.unmeasured}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={s.form}>
            <Subtitle2 as="h3">Conferences in the period</Subtitle2>
            <Button
              data-testid="timeliness-download"
              disabled={report.rows.length === 0}
              onClick={() => download(`timeliness-${report.from}-to-${report.to}.csv`, timelinessCsv(report.rows, labels))}
            >
              Download CSV
            </Button>
          </div>
          {report.rows.length === 0 ? (
            <Text as="p">No conferences in this period.</Text>
          ) : (
            <Table aria-label="Timeliness by conference" data-testid="timeliness-rows" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Case reference</TableHeaderCell>
                  <TableHeaderCell>Kind</TableHeaderCell>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell>Measure</TableHeaderCell>
                  <TableHeaderCell>Rule</TableHeaderCell>
                  <TableHeaderCell>Due by</TableHeaderCell>
                  <TableHeaderCell>Done on</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.rows.map((r) => (
                  <TableRow key={`${r.conferenceId}-${r.measure}`} data-status={r.status}>
                    <TableCell>
                      <Link href={`/tab/conferences/${encodeURIComponent(r.conferenceId)}${location.search}`}>{r.caseReference}</Link>
                    </TableCell>
                    <TableCell>{KIND_WORDS[r.kind]}</TableCell>
                    <TableCell>{r.heldOn}</TableCell>
                    <TableCell>{SHORT_LABELS[r.measure]}</TableCell>
                    <TableCell>{r.rule}</TableCell>
                    <TableCell>{r.due ?? '—'}</TableCell>
                    <TableCell>{r.doneOn ?? '—'}</TableCell>
                    <TableCell>{STATUS_WORDS[r.status]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      )}
    </div>
  );
}
