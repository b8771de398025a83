// The recorded decision in words: the server's summary rows (the decision card's own).
import { makeStyles, tokens } from '@fluentui/react-components';
import type { DecisionReading } from '../shell/api-types';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', gap: '4px 16px', margin: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap' },
});

export function DecisionSummary(props: { rows: NonNullable<DecisionReading['summary']> }) {
  const styles = useStyles();
  return (
    <dl className={styles.list} data-testid="decision-summary">
      {props.rows.map((r) => (
        <div key={r.title} style={{ display: 'contents' }}>
          <dt className={styles.title}>{r.title}</dt>
          <dd className={styles.value}>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
