// /tab/conferences/<id>: one conference — summary, deadlines, booking and invite list forms,
// attendance and report boards, and the child's plan timeline.
import { Title2 } from '@fluentui/react-components';
import { ConferenceForms } from '../../dashboard/conference-forms-slot';
import { mountPage, type PageContext } from '../../shell/mount-page';
import { PlanTimeline } from '../../timeline/plan-timeline';

function ConferencePage({ ctx }: { ctx: PageContext }) {
  const conferenceId = ctx.path[1] ?? '';
  return (
    <main style={{ padding: 24 }} data-testid="conference">
      <Title2 as="h1">Conference</Title2>
      {/* SLOT: summary and deadlines (H5) */}
      {/* SLOT: booking and invite list forms (H6's ConferenceForms) */}
      <section data-testid="conference-forms" aria-label="Booking and invite list">
        <ConferenceForms api={ctx.api} conferenceId={conferenceId} />
      </section>
      {/* SLOT: attendance and report boards (H5) */}
      {/* SLOT: plan timeline (H8's PlanTimeline) */}
      <section data-testid="plan-timeline" aria-label="Plan timeline">
        <PlanTimeline api={ctx.api} conferenceId={conferenceId} />
      </section>
    </main>
  );
}

mountPage((ctx) => <ConferencePage ctx={ctx} />, { signIn: 'required' });
