// The family's page (/tab/family?t=<link>) as it looks in each state: their own join time, the
// date, "what happens now" (FamilyGuide) and, when the link is refused, why, in plain words.
// Kept apart from the page entry so that the family-words test renders every state.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { FamilyGuide } from './family-guide';
import { type FamilyPageState, NO_LINK, REFUSALS } from './family-page-words';
import { plainDate, plainTime } from './plain-time';

const useStyles = makeStyles({
  main: { padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '44em' },
  when: { fontSize: tokens.fontSizeBase400 },
});

export function FamilyPageView(props: { state: FamilyPageState }) {
  const styles = useStyles();
  const { state } = props;
  return (
    <main className={styles.main} data-testid="family-page">
      <Title2 as="h1">Your meeting</Title2>
      {state.kind === 'loading' && <Spinner label="Please wait a moment." />}
      {state.kind === 'no-link' && <Refusal title={NO_LINK.title} text={NO_LINK.text} />}
      {state.kind === 'refused' && <Refusal {...(REFUSALS[state.code] ?? REFUSALS.OTHER!)} />}
      {state.kind === 'ready' && (
        <>
          {state.view.stage !== 'closed' && state.view.stage !== 'cancelled' && (
            <Text as="p" className={styles.when} data-testid="family-join-at">
              {`Your time to join is ${plainTime(state.view.joinAt) ?? ''} on ${plainDate(state.view.joinAt) ?? plainDate(state.view.conferenceDate) ?? ''}.`}
            </Text>
          )}
          <FamilyGuide stage={state.view.stage} joinAt={state.view.joinAt} />
          {state.view.stage !== 'closed' && state.view.stage !== 'cancelled' && <Text as="p">This page changes by itself as the meeting goes on.</Text>}
        </>
      )}
    </main>
  );
}

function Refusal(props: { title: string; text: string }) {
  return (
    <MessageBar intent="error" data-testid="family-refused">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.text}
      </MessageBarBody>
    </MessageBar>
  );
}
