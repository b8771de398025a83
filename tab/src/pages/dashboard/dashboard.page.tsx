// /tab/dashboard: the clerk's dashboard — approvals waiting for the signed-in manager, conferences
// by date with each deadline's status, and timeliness over a period (TimelinessPanel).
import { Link, makeStyles, Title2 } from '@fluentui/react-components';
import { ApprovalsPanel } from '../../dashboard/approvals-panel';
import { ConferenceListView } from '../../dashboard/conference-list';
import { tabHref } from '../../dashboard/links';
import { Section } from '../../dashboard/section';
import { mountPage, type PageContext } from '../../shell/mount-page';
import { TimelinessPanel } from '../../timeliness/timeliness-panel';

const useStyles = makeStyles({ page: { padding: '24px', maxWidth: '1200px' }, top: { display: 'flex', gap: '16px', alignItems: 'baseline', flexWrap: 'wrap' } });

function DashboardPage({ ctx }: { ctx: PageContext }) {
  const styles = useStyles();
  const from = ctx.query.get('from') ?? undefined;
  const to = ctx.query.get('to') ?? undefined;
  return (
    <main className={styles.page} data-testid="dashboard">
      <div className={styles.top}>
        <Title2 as="h1">Conferences</Title2>
        <Link href={tabHref('/tab/conferences/new')} data-testid="book-conference">
          Book a conference
        </Link>
      </div>
      <ApprovalsPanel api={ctx.api} />
      <ConferenceListView api={ctx.api} {...(from && { initialFrom: from })} {...(to && { initialTo: to })} />
      <Section id="timeliness" title="Timeliness" testId="timeliness">
        <TimelinessPanel api={ctx.api} />
      </Section>
    </main>
  );
}

mountPage((ctx) => <DashboardPage ctx={ctx} />, { signIn: 'required' });
