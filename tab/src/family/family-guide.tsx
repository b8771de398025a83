// "What happens now" for a family member (and anyone not part of the conference): plain words
// per stage from family-guide-words.ts, their own join time when given. No names, nothing said in
// the meeting. The side panel renders it without props; the family's page with the stage.
import { makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { type GuideWords, GENERAL_GUIDE, guideWords, isGuideStage } from './family-guide-words';
import { plainTime } from './plain-time';

const useStyles = makeStyles({
  guide: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40em' },
  line: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
});

export function FamilyGuide(props: { stage?: string; joinAt?: string }) {
  const styles = useStyles();
  const time = props.joinAt ? plainTime(props.joinAt) : null;
  const words: GuideWords = isGuideStage(props.stage) ? guideWords(props.stage, time) : GENERAL_GUIDE;
  return (
    <section className={styles.guide} data-testid="family-guide" data-stage={props.stage ?? 'general'} aria-labelledby="family-guide-heading">
      <Title3 as="h2" id="family-guide-heading">
        {words.heading}
      </Title3>
      {words.lines.map((line) => (
        <Text as="p" key={line} className={styles.line}>
          {line}
        </Text>
      ))}
    </section>
  );
}
