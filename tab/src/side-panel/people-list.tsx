// One of the admission lists (admit now, must wait, must leave now): each person by name and role.
// "Must leave now" gives the chair Remove: the answer is removed, already gone, or Teams' own steps.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { RunSheet } from '../shell/api-types';
import { SectionCard } from './section-card';
import type { ChairAction } from './use-chair-action';

type Line = RunSheet['admitNow'][number];
interface RemoveAnswer {
  outcome: 'removed' | 'already-gone' | 'instructions';
  instructions?: string;
}

const REMOVED_TEXT = { removed: 'Removed from the meeting.', 'already-gone': 'Already out of the meeting.' } as const;

export function lineText(l: Line): string {
  return l.name ? `${l.name} (${l.who})` : l.who;
}

export function PeopleList(props: {
  title: string;
  testId: string;
  lines: Line[];
  empty: string;
  /** Chair only: a Remove button per person present. */
  remove?: { api: ApiClient; conferenceId: string; action: ChairAction };
}) {
  const [answers, setAnswers] = useState<Record<string, RemoveAnswer>>({});
  const { remove } = props;
  const removeOne = async (participantId: string) => {
    if (!remove) return;
    const path = `/conferences/${encodeURIComponent(remove.conferenceId)}/meeting/roster/${encodeURIComponent(participantId)}/remove`;
    const r = await remove.action.run(`remove:${participantId}`, () => remove.api.send<RemoveAnswer>('POST', path));
    if (r) setAnswers((a) => ({ ...a, [participantId]: r.body }));
  };
  return (
    <SectionCard title={props.title} testId={props.testId}>
      {props.lines.length === 0 ? (
        <Text>{props.empty}</Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 20, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {props.lines.map((l) => (
            <li key={l.inviteeId} data-testid={`${props.testId}-person`}>
              <Text>{lineText(l)}</Text>
              {remove
                ? l.participantIds.map((pid) => {
                    const answer = answers[pid];
                    return (
                      <div key={pid} style={{ marginTop: 4 }}>
                        <Button size="small" onClick={() => void removeOne(pid)} disabled={remove.action.busy !== null} data-testid="remove">
                          Remove {l.name ?? l.who}
                        </Button>
                        {answer ? (
                          <MessageBar intent={answer.outcome === 'instructions' ? 'warning' : 'success'} style={{ marginTop: 4 }}>
                            <MessageBarBody data-testid="remove-answer">{answer.outcome === 'instructions' ? answer.instructions : REMOVED_TEXT[answer.outcome]}</MessageBarBody>
                          </MessageBar>
                        ) : null}
                      </div>
                    );
                  })
                : null}
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
