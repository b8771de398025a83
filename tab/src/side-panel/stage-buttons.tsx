// The stage changes the stage machine allows now (the API's `commands`, the chair's only).
import { Button } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';
import type { RunSheet } from '../shell/api-types';
import { SectionCard } from './section-card';
import type { ChairAction } from './use-chair-action';

export function StageButtons(props: { commands: RunSheet['commands']; api: ApiClient; conferenceId: string; action: ChairAction }) {
  if (props.commands.length === 0) return null;
  return (
    <SectionCard title="Move the meeting on" testId="stage-commands">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {props.commands.map((c) => (
          <Button
            key={c.command}
            appearance="primary"
            disabled={props.action.busy !== null}
            data-testid={`stage-${c.command}`}
            onClick={() => void props.action.run(`stage:${c.command}`, () => props.api.send('POST', `/conferences/${encodeURIComponent(props.conferenceId)}/meeting/stage`, { command: c.command }))}
          >
            {c.label}
          </Button>
        ))}
      </div>
    </SectionCard>
  );
}
