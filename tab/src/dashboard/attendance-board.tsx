// The attendance board: quoracy and each agency's answer and report (GET …/board), and everyone
// invited with their answer (GET …/invite-list). Staff and managers only; names stay on the page,
// never in its address or title.
import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';
import type { Board, InviteList } from '../shell/api-types';
import { Section } from './section';
import { useApiData } from './use-api-data';
import { agencyLabel, formatLongDate } from './words';

const ANSWER: Record<string, string> = { attending: 'Attending', 'not-attending': 'Not attending', 'sending-colleague': 'Sending a colleague', 'no-answer': 'No answer yet' };
const INVITE: Record<string, string> = { pending: 'Not yet invited', invited: 'Invited', removed: 'Removed' };
const ROLE: Record<string, string> = {
  chair: 'Chair', 'social-worker': 'Social worker', clerk: 'Clerk', 'team-manager': 'Team manager', professional: 'Professional', parent: 'Parent', child: 'Child',
  'family-other': 'Family', advocate: 'Advocate', supporter: 'Supporter', 'legal-representative': 'Legal representative', interpreter: 'Interpreter', observer: 'Observer', 'foster-carer': 'Foster carer',
};

const useStyles = makeStyles({ quorum: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', marginBottom: '8px' } });

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'Yes' : 'No');

export function AttendanceBoard({ api, conferenceId }: { api: ApiClient; conferenceId: string }) {
  const styles = useStyles();
  const id = encodeURIComponent(conferenceId);
  const board = useApiData<Board>(api, `/conferences/${id}/board`);
  const list = useApiData<InviteList>(api, `/conferences/${id}/invite-list`);
  const q = board.data?.quoracy;
  return (
    <Section id="attendance" title="Attendance" testId="attendance-board" error={board.error ?? list.error}>
      {q && (
        <div className={styles.quorum} data-testid="quoracy" data-quorate={String(q.quorate)}>
          <Badge appearance="filled" color={q.quorate ? 'success' : 'danger'} shape="rounded">
            {q.quorate ? 'Quorate' : 'Not quorate'}
          </Badge>
          <Text>
            Children's social care {q.socialCare ? 'counted' : 'not counted'}; other agencies counted {q.otherAgenciesCounted.length} of {q.otherAgenciesRequired} needed.
            {q.missing.toChase.length > 0 && ` To chase: ${q.missing.toChase.map(agencyLabel).join(', ')}.`}
            {q.missing.notInvited.length > 0 && ` Not invited: ${q.missing.notInvited.map(agencyLabel).join(', ')}.`}
          </Text>
        </div>
      )}
      {board.data?.warnings.map((w) => (
        <Text as="p" key={`${w.code}-${w.agency}`} data-testid="board-warning" data-code={w.code}>
          {w.message}
        </Text>
      ))}
      {q && q.agencies.length > 0 && (
        <Table aria-label="Agencies" size="small" data-testid="agency-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Agency</TableHeaderCell>
              <TableHeaderCell>Invited</TableHeaderCell>
              <TableHeaderCell>Answer</TableHeaderCell>
              <TableHeaderCell>Report due</TableHeaderCell>
              <TableHeaderCell>Report received</TableHeaderCell>
              <TableHeaderCell>On time</TableHeaderCell>
              <TableHeaderCell>Counts to quorum</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.agencies.map((a) => (
              <TableRow key={a.agency} data-testid="agency-row" data-agency={a.agency}>
                <TableCell>{agencyLabel(a.agency)}</TableCell>
                <TableCell>{a.invited}</TableCell>
                <TableCell>{ANSWER[a.answer] ?? a.answer}</TableCell>
                <TableCell>{a.reportDue ? formatLongDate(a.reportDue) : '—'}</TableCell>
                <TableCell>{yesNo(a.reportReceived)}</TableCell>
                <TableCell>{yesNo(a.reportOnTime)}</TableCell>
                <TableCell>{yesNo(a.counts)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list.data && (
        <Table aria-label="Everyone invited" size="small" data-testid="invitee-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Agency</TableHeaderCell>
              <TableHeaderCell>Invitation</TableHeaderCell>
              <TableHeaderCell>Answer</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.invitees.map((i) => (
              <TableRow key={i.id} data-testid="invitee-row" data-invitee={i.id}>
                <TableCell>{i.displayName}</TableCell>
                <TableCell>{ROLE[i.role] ?? i.role}</TableCell>
                <TableCell>{agencyLabel(i.agency)}</TableCell>
                <TableCell>
                  {INVITE[i.status] ?? i.status}
                  {i.late ? ' (late)' : ''}
                </TableCell>
                <TableCell>{i.audience === 'family' ? '—' : i.attendance ? ANSWER[i.attendance.answer] : ANSWER['no-answer']}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
