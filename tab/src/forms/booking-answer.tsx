// The booking check's answer beside the form: the statutory latest date, every deadline that
// follows from the proposed date, and the ones it misses. Status is in words (not colour alone).
import { MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { BookingCheck } from '../shell/api-types';
import { MISSED_WHY } from './form-labels';

type Answer = NonNullable<BookingCheck['answer']>;

export function BookingAnswer(props: { answer: Answer | null; checking: boolean }) {
  const { answer } = props;
  if (!answer) {
    return (
      <Text as="p" block data-testid="booking-answer-empty">
        {props.checking ? 'Checking the dates…' : 'Enter the kind, the date it is measured from and the proposed date to see the statutory latest date and every deadline.'}
      </Text>
    );
  }
  const latest = answer.statutoryLatest;
  const missed = new Map(answer.missed.map((m) => [`${m.rule}|${m.date}`, m]));
  return (
    <div data-testid="booking-answer" aria-live="polite">
      <Text as="p" block weight="semibold" data-testid="statutory-latest">
        {latest ? `Statutory latest date: ${latest.date} (${latest.rule})` : 'No statutory latest date applies to this kind under the council’s rules.'}
        {answer.earliest ? `; not before ${answer.earliest}` : ''}
      </Text>
      {answer.late ? (
        <MessageBar intent="warning">
          <MessageBarBody>This date is past the statutory latest date. Give the reason and name the manager who approves it: nothing is booked until they do.</MessageBarBody>
        </MessageBar>
      ) : null}
      {answer.repeatPlan ? (
        <MessageBar intent="warning">
          <MessageBarBody>A previous plan ended within 12 months: a service manager oversees this booking.</MessageBarBody>
        </MessageBar>
      ) : null}
      {answer.bookingBy ? (
        <Text as="p" block>
          Book by {answer.bookingBy.overdueOn} (T23): the manager is alerted on {answer.bookingBy.managerAlertOn} if it is not booked.
        </Text>
      ) : null}
      <Table size="small" aria-label="Deadlines from this date">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Deadline</TableHeaderCell>
            <TableHeaderCell>Date</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {answer.deadlines.map((d) => {
            const miss = missed.get(`${d.rule}|${d.date}`);
            return (
              <TableRow key={`${d.rule}-${d.date}`} data-testid={`deadline-${d.rule}`}>
                <TableCell>
                  {d.name} ({d.rule})
                </TableCell>
                <TableCell>{d.date}</TableCell>
                <TableCell>{miss ? `Missed: ${MISSED_WHY[miss.why] ?? miss.why}` : 'OK'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {answer.missed
        .filter((m) => !answer.deadlines.some((d) => d.rule === m.rule && d.date === m.date))
        .map((m) => (
          <Text as="p" block key={`${m.rule}-${m.date}`} data-testid={`missed-${m.rule}`}>
            Missed: {m.rule} {m.date} — {MISSED_WHY[m.why] ?? m.why}
          </Text>
        ))}
    </div>
  );
}
