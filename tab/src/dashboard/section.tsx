// A titled region of a dashboard page: an h2 that names the region for screen readers, and the
// API's error (its own words) when the region's data could not be read.
import { makeStyles, MessageBar, MessageBarBody, Subtitle1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiError } from '../shell/api-client';

const useStyles = makeStyles({ section: { marginTop: '24px', marginBottom: '8px' }, heading: { display: 'block', marginBottom: '8px' } });

export function Section(props: { id: string; title: string; testId: string; error?: ApiError | null; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={`${props.id}-heading`} data-testid={props.testId} className={styles.section}>
      <Subtitle1 as="h2" id={`${props.id}-heading`} className={styles.heading}>
        {props.title}
      </Subtitle1>
      {props.error && (
        <MessageBar intent="error" data-testid={`${props.testId}-error`}>
          <MessageBarBody>{props.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {props.children}
    </section>
  );
}
