// /tab/conferences/<id>: one conference — summary and deadlines, the booking and invite list forms
// (ConferenceForms), the attendance and report boards, and the child's plan timeline (PlanTimeline).
import { Link, makeStyles, MessageBar, MessageBarBody, Spinner, Title2 } from '@fluentui/react-components';
import { AttendanceBoard } from '../../dashboard/attendance-board';
import { ConferenceForms } from '../../dashboard/conference-forms-slot';
import { ConferenceSummary } from '../../dashboard/conference-summary';
import { tabHref } from '../../dashboard/links';
import { ReportBoard } from '../../dashboard/report-board';
import { Section } from '../../dashboard/section';
import { useApiData } from '../../dashboard/use-api-data';
import type { ConferenceReading } from '../../shell/api-types';
import { mountPage, type PageContext } from '../../shell/mount-page';
import { PlanTimeline } from '../../timeline/plan-timeline';

const useStyles = makeStyles({ page: { padding: '24px', maxWidth: '1200px' } });

function ConferencePage({ ctx }: { ctx: PageContext }) {
  const styles = useStyles();
  const conferenceId = ctx.path[1] ?? '';
  const { data, error } = useApiData<ConferenceReading>(ctx.api, conferenceId ? `/conferences/${encodeURIComponent(conferenceId)}` : null);
  const staff = data?.conference.audience === 'staff';
  return (
    <main className={styles.page} data-testid="conference">
      <Link href={tabHref('/tab/dashboard')}>Back to conferences</Link>
      <Title2 as="h1" block>
        {data ? `Conference ${data.conference.caseReference}` : 'Conference'}
      </Title2>
      {error && (
        <MessageBar intent="error" data-testid="conference-error">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
      {!data && !error && <Spinner label="Loading the conference" />}
      {data && (
        <div data-testid="conference-ready">
          <ConferenceSummary api={ctx.api} conferenceId={conferenceId} reading={data} />
          {staff && (
            <>
              <Section id="forms" title="Booking and invite list" testId="conference-forms">
                <ConferenceForms api={ctx.api} conferenceId={conferenceId} />
              </Section>
              <AttendanceBoard api={ctx.api} conferenceId={conferenceId} />
              <ReportBoard api={ctx.api} conferenceId={conferenceId} />
              <Section id="timeline" title="Plan timeline" testId="plan-timeline">
                <PlanTimeline api={ctx.api} conferenceId={conferenceId} />
              </Section>
            </>
          )}
        </div>
      )}
    </main>
  );
}

mountPage((ctx) => <ConferencePage ctx={ctx} />, { signIn: 'required' });
