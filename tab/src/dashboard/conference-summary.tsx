// One conference's summary (GET /api/v1/conferences/:id, the caller's view) and its deadlines with
// their status (GET …/deadlines, staff and managers).
import { Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';
import type { ConferenceListing, ConferenceReading } from '../shell/api-types';
import { DeadlineChip } from './deadline-chip';
import { Section } from './section';
import { useApiData } from './use-api-data';
import { APPROVAL_LABEL, formatInstant, formatLongDate, KIND_LABEL, STATUS_LABEL, timeOf } from './words';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '16px', rowGap: '4px', margin: 0 },
  term: { fontWeight: 600 },
  detail: { margin: 0 },
});

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function ConferenceSummary({ api, conferenceId, reading }: { api: ApiClient; conferenceId: string; reading: ConferenceReading }) {
  const styles = useStyles();
  const c = reading.conference;
  const start = str(c.start);
  const end = str(c.end);
  const familyStart = str(c.familySectionStart);
  const joinUrl = str(c.joinUrl);
  const facts: [string, React.ReactNode][] = [
    ['Case reference', c.caseReference],
    ['Kind', KIND_LABEL[str(c.kind) ?? ''] ?? str(c.kind) ?? '—'],
    ['Status', STATUS_LABEL[str(c.status) ?? ''] ?? str(c.status) ?? '—'],
    ['Date', start ? formatLongDate(start) : str(c.date) ? formatLongDate(str(c.date)!) : '—'],
  ];
  if (start && end) facts.push(['Time', `${timeOf(start)} to ${timeOf(end)}`]);
  if (familyStart) facts.push(['Family joins', timeOf(familyStart)]);
  if (joinUrl) facts.push(['Teams meeting', <Link key="join" href={joinUrl} target="_blank" rel="noreferrer">Join the meeting</Link>]);
  for (const a of reading.approvals ?? []) {
    facts.push([APPROVAL_LABEL[a.kind] ?? a.kind, `${a.status === 'pending' ? 'Waiting' : a.status === 'approved' ? 'Approved' : 'Refused'} (asked ${formatInstant(a.requestedAt)})`]);
  }
  if (reading.standDown) facts.push(['Stand-down', `Asked ${formatInstant(reading.standDown.requestedAt)}${reading.standDown.reconveneBy ? `; reconvene by ${formatLongDate(reading.standDown.reconveneBy)}` : ''}`]);
  return (
    <>
      <Section id="summary" title="Summary" testId="conference-summary">
        <dl className={styles.facts}>
          {facts.map(([term, detail]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.detail}>{detail}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <ConferenceDeadlines api={api} conferenceId={conferenceId} />
    </>
  );
}

function ConferenceDeadlines({ api, conferenceId }: { api: ApiClient; conferenceId: string }) {
  const { data, error } = useApiData<ConferenceListing>(api, `/conferences/${encodeURIComponent(conferenceId)}/deadlines`);
  return (
    <Section id="deadlines" title="Deadlines" testId="conference-deadlines" error={error}>
      {data && data.deadlines.length === 0 && <Text as="p">No deadlines to track.</Text>}
      {data && data.deadlines.length > 0 && (
        <Table aria-label="Deadlines" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Rule</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>By</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.deadlines.map((d) => (
              <TableRow key={`${d.rule}-${d.date}-${d.name}`} data-testid="deadline-row" data-rule={d.rule}>
                <TableCell>{d.rule}</TableCell>
                <TableCell>{d.name}</TableCell>
                <TableCell>{formatLongDate(d.date)}</TableCell>
                <TableCell>
                  <DeadlineChip deadline={d} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
