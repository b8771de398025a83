// Joiners the product could not match (never by display name): the chair says who they are from
// the invite list (Match), or removes them.
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { RunSheet } from '../shell/api-types';
import { lineText } from './people-list';
import { SectionCard } from './section-card';
import type { ChairAction } from './use-chair-action';

type Joiner = RunSheet['unknownJoiners'][number];

function JoinerRow(props: { joiner: Joiner; index: number; candidates: RunSheet['admitNow']; api: ApiClient; conferenceId: string; action: ChairAction; isChair: boolean }) {
  const { joiner, api, action } = props;
  const [inviteeId, setInviteeId] = useState('');
  const [instructions, setInstructions] = useState<string | null>(null);
  const base = `/conferences/${encodeURIComponent(props.conferenceId)}/meeting/roster/${encodeURIComponent(joiner.participantId)}`;
  const label = `Joiner ${props.index + 1}${joiner.displayName ? ` (shown in Teams as "${joiner.displayName}")` : ''}`;
  return (
    <li data-testid="unknown-joiner" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Text>{label}</Text>
      {props.isChair ? (
        <>
          <Field label={`Who is joiner ${props.index + 1}?`}>
            <Select value={inviteeId} onChange={(_, d) => setInviteeId(d.value)} data-testid="match-select">
              <option value="">Choose from the invite list</option>
              {props.candidates.map((c) => (
                <option key={c.inviteeId} value={c.inviteeId}>
                  {lineText(c)}
                </option>
              ))}
            </Select>
          </Field>
          <div style={{ display: 'flex', gap: 8 }}>
            <Button disabled={!inviteeId || action.busy !== null} onClick={() => void action.run(`match:${joiner.participantId}`, () => api.send('POST', `${base}/match`, { inviteeId }))} data-testid="match">
              Match
            </Button>
            <Button
              disabled={action.busy !== null}
              onClick={() =>
                void action.run(`remove:${joiner.participantId}`, () => api.send<{ outcome: string; instructions?: string }>('POST', `${base}/remove`)).then((r) => {
                  if (r?.body.instructions) setInstructions(r.body.instructions);
                })
              }
            >
              Remove joiner {props.index + 1}
            </Button>
          </div>
          {instructions ? <Text data-testid="remove-answer">{instructions}</Text> : null}
        </>
      ) : null}
    </li>
  );
}

export function UnknownJoiners(props: { sheet: RunSheet; api: ApiClient; conferenceId: string; action: ChairAction; isChair: boolean }) {
  const { unknownJoiners } = props.sheet;
  if (unknownJoiners.length === 0) return null;
  const candidates = [...props.sheet.admitNow, ...props.sheet.mustWait];
  return (
    <SectionCard title="Not matched" testId="unknown-joiners">
      <ul style={{ margin: 0, paddingLeft: 20, display: 'flex', flexDirection: 'column', gap: 12 }}>
        {unknownJoiners.map((j, i) => (
          <JoinerRow key={j.participantId} joiner={j} index={i} candidates={candidates} api={props.api} conferenceId={props.conferenceId} action={props.action} isChair={props.isChair} />
        ))}
      </ul>
    </SectionCard>
  );
}
