// A conference's booking as the clerk sees it: the draft, what waits for a manager, and "Book the
// Teams meeting" (POST …/booking with If-Match: the conference version read). A stale version
// (someone else changed it) reloads and says so; nothing is booked twice.
import { Button, MessageBar, MessageBarBody, Spinner, Text, Title3 } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { BookedConference, ConferenceReading } from '../shell/api-types';
import { CONFLICT_TEXT, isConflict, problemText } from './api-problems';
import { KIND_LABEL } from './form-labels';

const STATUS_TEXT: Record<string, string> = {
  draft: 'Draft: not booked yet',
  booked: 'Booked: the Teams meeting exists',
  'stood-down': 'Stood down',
  held: 'Held',
  closed: 'Closed',
};

const APPROVAL_TEXT: Record<string, string> = {
  'late-booking': 'late date',
  'repeat-plan-oversight': 'repeat plan oversight',
  'stand-down': 'stand-down',
  'rebooking-past-last-date': 'rebooking past the last date',
};

export function BookingStatus(props: { api: ApiClient; conferenceId: string; headingLevel?: 2 | 3 }) {
  const [reading, setReading] = useState<ConferenceReading | null>(null);
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');
  const [booking, setBooking] = useState(false);
  const bookingRef = useRef(false);

  const load = useCallback(async () => {
    try {
      setReading(await props.api.get<ConferenceReading>(`/conferences/${encodeURIComponent(props.conferenceId)}`));
    } catch (err) {
      setProblem(problemText(err));
    }
  }, [props.api, props.conferenceId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function book() {
    if (!reading || bookingRef.current) return;
    bookingRef.current = true;
    setBooking(true);
    setProblem('');
    try {
      const answer = await props.api.send<BookedConference>('POST', `/conferences/${encodeURIComponent(props.conferenceId)}/booking`, undefined, { ifMatch: reading.version });
      const b = answer.body;
      setNotice(
        b.optionsVerified
          ? 'Booked. The Teams meeting is in the chair’s calendar, with the lobby locked.'
          : `Booked, but some meeting options did not read back as set (${b.optionMismatches.join(', ')}). Check them in Teams.`,
      );
      await load();
    } catch (err) {
      if (isConflict(err)) {
        setProblem(CONFLICT_TEXT);
        await load();
      } else setProblem(problemText(err));
    } finally {
      bookingRef.current = false;
      setBooking(false);
    }
  }

  if (!reading) return problem ? <MessageBar intent="error"><MessageBarBody>{problem}</MessageBarBody></MessageBar> : <Spinner label="Loading the booking" />;
  const c = reading.conference as { caseReference: string; kind?: keyof typeof KIND_LABEL; status?: string; start?: string; end?: string };
  const pending = (reading.approvals ?? []).filter((a) => a.status === 'pending');
  const refused = (reading.approvals ?? []).some((a) => a.status === 'refused');
  return (
    <section data-testid="booking-status" aria-label="Booking">
      <Title3 as={props.headingLevel === 3 ? 'h3' : 'h2'}>Booking</Title3>
      <Text as="p" block>
        {c.caseReference} · {c.kind ? KIND_LABEL[c.kind] : ''} · {c.start?.replace('T', ' ')}
        {c.end ? ` to ${c.end.slice(11)}` : ''}
      </Text>
      <Text as="p" block weight="semibold" data-testid="booking-state">
        {STATUS_TEXT[c.status ?? ''] ?? c.status}
      </Text>
      {pending.map((a) => (
        <Text as="p" block key={a.id}>
          Waiting for a manager to approve the {APPROVAL_TEXT[a.kind] ?? a.kind}. Nothing is booked until they decide.
        </Text>
      ))}
      {refused ? <Text as="p" block>A manager refused an approval: this booking cannot go ahead as it stands.</Text> : null}
      {notice ? (
        <MessageBar intent="success" data-testid="booking-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {problem ? (
        <MessageBar intent="error" data-testid="booking-status-problem">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      {c.status === 'draft' && pending.length === 0 && !refused ? (
        <Button appearance="primary" onClick={() => void book()} disabled={booking} data-testid="booking-confirm">
          {booking ? 'Booking…' : 'Book the Teams meeting'}
        </Button>
      ) : null}
    </section>
  );
}
