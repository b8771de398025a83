// The stage and how long it has run (from the server's stageSince, ticking each second here).
import { makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  timer: { fontVariantNumeric: 'tabular-nums' },
});

export function elapsedText(sinceIso: string, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(sinceIso)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

const londonTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function StageHeader(props: { stageLabel: string; stageSince: string | null; caseReference?: string }) {
  const styles = useStyles();
  const now = useNow();
  return (
    <header className={styles.root} data-testid="stage">
      {props.caseReference ? <Text size={200}>Conference {props.caseReference}</Text> : null}
      <Subtitle1 as="h1" data-testid="stage-label">
        {props.stageLabel}
      </Subtitle1>
      {props.stageSince ? (
        <Text className={styles.timer} data-testid="stage-timer">
          Since {londonTime(props.stageSince)} · {elapsedText(props.stageSince, now)} in this stage
        </Text>
      ) : null}
    </header>
  );
}
