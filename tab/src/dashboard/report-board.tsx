// The report board (GET …/reports): the reports received (who sent which, when, on time or not —
// never the content) and the social work report's sharing with the family (T10) and with the
// chair and clerk (T10b).
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';
import type { ReportList } from '../shell/api-types';
import { Section } from './section';
import { useApiData } from './use-api-data';
import { agencyLabel, formatInstant, formatLongDate } from './words';

const SHARING: Record<string, string> = { met: 'Shared on time', missed: 'Missed', due: 'Not shared yet', 'not-applicable': 'Not needed' };

export function ReportBoard({ api, conferenceId }: { api: ApiClient; conferenceId: string }) {
  const { data, error } = useApiData<ReportList>(api, `/conferences/${encodeURIComponent(conferenceId)}/reports`);
  const sharing = data && [
    ['With the family (T10)', data.socialWorkReport.family],
    ['With the chair and clerk (T10b)', data.socialWorkReport.chairAndClerk],
  ] as const;
  return (
    <Section id="reports" title="Reports" testId="report-board" error={error}>
      {data && (
        <Text as="p">
          Agency reports are due by {data.reportsDue ? formatLongDate(data.reportsDue) : 'no set day'}. {data.reports.length === 0 ? 'None received yet.' : `${data.reports.length} received.`}
        </Text>
      )}
      {data && data.reports.length > 0 && (
        <Table aria-label="Reports received" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>From</TableHeaderCell>
              <TableHeaderCell>File</TableHeaderCell>
              <TableHeaderCell>Received</TableHeaderCell>
              <TableHeaderCell>On time</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.reports.map((r) => (
              <TableRow key={r.inviteeId} data-testid="report-row" data-invitee={r.inviteeId}>
                <TableCell>{r.agency ? agencyLabel(r.agency) : r.role}</TableCell>
                <TableCell>{r.fileName}</TableCell>
                <TableCell>{formatInstant(r.receivedAt)}</TableCell>
                <TableCell>{r.onTime ? 'Yes' : 'No, late'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {sharing && (
        <Table aria-label="Social work report sharing" size="small" data-testid="sharing-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Social work report</TableHeaderCell>
              <TableHeaderCell>By</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sharing.map(([label, s]) => (
              <TableRow key={label} data-testid="sharing-row" data-status={s.status}>
                <TableCell>{label}</TableCell>
                <TableCell>{s.date ? formatLongDate(s.date) : '—'}</TableCell>
                <TableCell>
                  {SHARING[s.status] ?? s.status}
                  {s.sharedAt ? ` (${formatInstant(s.sharedAt)})` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
