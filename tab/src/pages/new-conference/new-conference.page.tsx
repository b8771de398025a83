// /tab/conferences/new: the booking form on a page of its own (from the dashboard). Once saved,
// the same page shows the draft with "Book the Teams meeting" and the invite list.
import { Title2 } from '@fluentui/react-components';
import { ConferenceForms } from '../../dashboard/conference-forms-slot';
import { mountPage } from '../../shell/mount-page';

mountPage(
  (ctx) => (
    <main style={{ padding: 24 }} data-testid="new-conference">
      <Title2 as="h1">Book a conference</Title2>
      <ConferenceForms api={ctx.api} />
    </main>
  ),
  { signIn: 'required' },
);
