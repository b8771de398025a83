// A titled region of the run sheet (h2 + content), so the panel reads as a list of headings.
import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export function SectionCard(props: { title: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  const id = `h-${props.testId}`;
  return (
    <section className={styles.root} aria-labelledby={id} data-testid={props.testId}>
      <Subtitle2 as="h2" id={id}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}
