// Everyone else part of the conference: that it is in progress and its stage, nothing more (the
// API sends no roster and no names to them).
import { Text } from '@fluentui/react-components';
import { StageHeader } from './stage-header';

export function NeutralView(props: { stageLabel: string; stageSince: string | null; closed: boolean }) {
  return (
    <div data-testid="neutral-view" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text weight="semibold">{props.closed ? 'The conference has ended.' : 'Conference in progress'}</Text>
      <StageHeader stageLabel={props.stageLabel} stageSince={props.stageSince} />
      <Text>The chair will say when it is time for each part. The run sheet is the chair&apos;s.</Text>
    </div>
  );
}
