// /tab/dashboard: the clerk's dashboard — conferences by date with each deadline's status,
// approvals waiting, and timeliness over a period.
import { Title2 } from '@fluentui/react-components';
import { mountPage, type PageContext } from '../../shell/mount-page';
import { TimelinessPanel } from '../../timeliness/timeliness-panel';

function DashboardPage({ ctx }: { ctx: PageContext }) {
  return (
    <main style={{ padding: 24 }} data-testid="dashboard">
      <Title2 as="h1">Conferences</Title2>
      {/* SLOT: conferences by date (H5) */}
      {/* SLOT: approvals waiting (H5) */}
      {/* SLOT: timeliness (H8's TimelinessPanel) */}
      <section data-testid="timeliness" aria-label="Timeliness">
        <TimelinessPanel api={ctx.api} />
      </section>
    </main>
  );
}

mountPage((ctx) => <DashboardPage ctx={ctx} />, { signIn: 'required' });
