// The booking and invite list forms on the conference page (and, without a conference, the
// booking form on its own): a conference's booking (draft → "Book the Teams meeting") and its
// invite list; without one, a new booking that becomes the conference's page once saved.
import { Link, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { BookingForm } from '../forms/booking-form';
import { BookingStatus } from '../forms/booking-status';
import { InviteListForm } from '../forms/invite-list-form';
import type { ApiClient } from '../shell/api-client';
import type { CreatedConference } from '../shell/api-types';

export function ConferenceForms(props: { api: ApiClient; conferenceId?: string }) {
  const [created, setCreated] = useState<CreatedConference | null>(null);
  const conferenceId = props.conferenceId || created?.conference.id;
  if (!conferenceId) return <BookingForm api={props.api} onCreated={setCreated} />;
  return (
    <div data-testid="conference-forms-body">
      {created && !props.conferenceId ? <NewBookingSaved created={created} /> : null}
      {/* On the conference page they sit under its "Booking and invite list" h2; on /tab/conferences/new under the h1. */}
      <BookingStatus api={props.api} conferenceId={conferenceId} headingLevel={props.conferenceId ? 3 : 2} />
      <InviteListForm api={props.api} conferenceId={conferenceId} headingLevel={props.conferenceId ? 3 : 2} />
    </div>
  );
}

/** Right after "Save the booking": what was made and where its page is. */
export function NewBookingSaved(props: { created: CreatedConference }) {
  const { conference, pendingApprovals, approvalCardsSent } = props.created;
  return (
    <div data-testid="booking-saved" aria-live="polite">
      <Text as="p" block weight="semibold">
        Saved as a draft: {conference.caseReference}, {conference.start.replace('T', ' ')}.
      </Text>
      {pendingApprovals.length > 0 ? (
        <Text as="p" block>
          It waits for {pendingApprovals.length === 1 ? 'a manager’s approval' : `${pendingApprovals.length} approvals`}
          {approvalCardsSent > 0 ? ' (the approval card has been sent to them).' : '. They can decide on their dashboard.'}
        </Text>
      ) : null}
      <Text as="p" block>
        <Link href={`/tab/conferences/${encodeURIComponent(conference.id)}${location.search}`}>Open the conference page</Link>
      </Text>
    </div>
  );
}
