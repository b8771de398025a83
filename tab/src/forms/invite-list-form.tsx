// The invite list as a full form (16 people and more): everyone on the list with their status,
// answer and report, the health/police warnings, one editor to add or change a person, Remove per
// row and "Send invitations". Every change carries the list version as If-Match; when someone
// else changed the list first (412) the latest list is shown and what the clerk typed is kept.
import { Button, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../shell/api-client';
import type { AddedInvitee, InvitationsSent, InviteeEntry, InviteList } from '../shell/api-types';
import { CONFLICT_TEXT, inviteeFieldErrors, isConflict, problemText } from './api-problems';
import { AGENCY_LABEL, ANSWER_LABEL, ROLE_LABEL } from './form-labels';
import { InviteeEditor } from './invitee-editor';
import { draftOf, EMPTY_INVITEE, type InviteeValues, patchOf, valuesOf } from './invitee-values';

/** The confirm button takes the focus from the Remove button it replaces (keyboard users stay in place). */
const focusOnMount = (el: HTMLButtonElement | null) => el?.focus();

function statusText(e: InviteeEntry): string {
  if (!e.invited) return e.notInvitedReason === 'decision' ? 'Not invited (decision recorded)' : 'Listed, not invited (age)';
  const parts = [e.status === 'invited' ? 'Invited' : 'Not sent yet'];
  if (e.late) parts.push(`late (notice deadline ${e.notice?.deadline ?? ''})`);
  return parts.join(', ');
}

export function InviteListForm(props: { api: ApiClient; conferenceId: string; /** false on the dialog page, whose h1 already says it. */ heading?: boolean; headingLevel?: 2 | 3 }) {
  const level = props.headingLevel ?? 2;
  const base = `/conferences/${encodeURIComponent(props.conferenceId)}`;
  const [list, setList] = useState<InviteList | null>(null);
  const [values, setValues] = useState<InviteeValues>(EMPTY_INVITEE);
  const [editing, setEditing] = useState<{ entry: InviteeEntry; before: InviteeValues } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const busyRef = useRef(false);
  const roleRef = useRef<HTMLSelectElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      setList(await props.api.get<InviteList>(`${base}/invite-list`));
    } catch (err) {
      setProblem(problemText(err));
    }
  }, [props.api, base]);
  useEffect(() => {
    void load();
  }, [load]);

  /** One change at a time; a conflict reloads the list and keeps the editor as it is. */
  async function change(run: (version: number) => Promise<InviteList>, done: string, onDone?: () => void) {
    if (!list || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setProblem('');
    setNotice('');
    try {
      setList(await run(list.version));
      setErrors({});
      setNotice(done);
      onDone?.();
    } catch (err) {
      setErrors(inviteeFieldErrors(err));
      if (isConflict(err)) {
        setProblem(CONFLICT_TEXT);
        await load();
      } else setProblem((err as { status?: number }).status === 422 ? 'Some details need attention: each field says what is wrong.' : problemText(err));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  const day = list?.start.slice(0, 10) ?? '';
  const resetEditor = () => {
    setValues(EMPTY_INVITEE);
    setEditing(null);
    setErrors({});
    roleRef.current?.focus();
  };

  function save() {
    if (editing) {
      const patch = patchOf(editing.before, values, day);
      const name = values.displayName;
      void change(
        async (version) => (await props.api.send<InviteList>('PATCH', `${base}/invite-list/invitees/${encodeURIComponent(editing.entry.id)}`, patch, { ifMatch: version })).body,
        `Saved the change to ${name}.`,
        resetEditor,
      );
    } else {
      const name = values.displayName;
      void change(
        async (version) => (await props.api.send<AddedInvitee>('POST', `${base}/invite-list/invitees`, draftOf(values, day), { ifMatch: version })).body.inviteList,
        `Added ${name} to the list.`,
        resetEditor,
      );
    }
  }

  function remove(entry: InviteeEntry) {
    setConfirmRemove(null);
    void change(
      async (version) => (await props.api.send<InviteList>('DELETE', `${base}/invite-list/invitees/${encodeURIComponent(entry.id)}`, undefined, { ifMatch: version })).body,
      `Removed ${entry.displayName} from the list.`,
      () => noticeRef.current?.focus(),
    );
  }

  async function send() {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setProblem('');
    setNotice('');
    try {
      const r = (await props.api.send<InvitationsSent>('POST', `${base}/invitations`)).body;
      setList(r.inviteList);
      const parts = [`Invitations sent to ${r.invited.length} ${r.invited.length === 1 ? 'person' : 'people'}.`];
      if (r.late.length > 0) parts.push(`${r.late.length} sent after the notice deadline.`);
      if (r.family.failed.length + r.family.unknown.length > 0) parts.push(`${r.family.failed.length + r.family.unknown.length} family e-mails need checking.`);
      setNotice(parts.join(' '));
    } catch (err) {
      setProblem(problemText(err));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  if (!list) return problem ? <MessageBar intent="error"><MessageBarBody>{problem}</MessageBarBody></MessageBar> : <Spinner label="Loading the invite list" />;
  const active = list.invitees;

  return (
    <section data-testid="invite-list-form" aria-label="Invite list">
      {props.heading === false ? null : <Title3 as={level === 2 ? 'h2' : 'h3'}>Invite list</Title3>}
      <Text as="p" block>
        {list.caseReference} · {list.start.replace('T', ' ')} to {list.end.slice(11)} · {active.length} on the list · version {list.version}
      </Text>
      {list.warnings.map((w) => (
        <MessageBar intent="warning" key={`${w.code}-${w.agency}`} data-testid={`warning-${w.code}`}>
          <MessageBarBody>{w.message}</MessageBarBody>
        </MessageBar>
      ))}
      <div ref={noticeRef} tabIndex={-1} aria-live="polite" data-testid="invite-list-notice">
        {notice ? (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {problem ? (
        <MessageBar intent="error" data-testid="invite-list-problem">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Table aria-label="People on the list" size="small" data-testid="invitee-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Agency</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Answer</TableHeaderCell>
            <TableHeaderCell>Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {active.map((e) => (
            <TableRow key={e.id} data-testid={`invitee-row-${e.id}`}>
              <TableCell>{e.displayName}</TableCell>
              <TableCell>{ROLE_LABEL[e.role] ?? e.role}</TableCell>
              <TableCell>{e.agency ? (AGENCY_LABEL[e.agency] ?? e.agency) : e.audience === 'family' ? 'Family' : ''}</TableCell>
              <TableCell>
                {statusText(e)}
                {e.slot ? ` · joins ${e.slot.from.slice(11)}` : ''}
              </TableCell>
              <TableCell>{e.attendance ? ANSWER_LABEL[e.attendance.answer] : e.audience === 'professional' ? 'No answer yet' : ''}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={`Change ${e.displayName}`}
                  onClick={() => {
                    const before = valuesOf(e);
                    setEditing({ entry: e, before });
                    setValues(before);
                    setErrors({});
                    roleRef.current?.focus();
                  }}
                >
                  Change
                </Button>{' '}
                {confirmRemove === e.id ? (
                  <>
                    <Button size="small" appearance="primary" disabled={busy} ref={focusOnMount} onClick={() => remove(e)} aria-label={`Yes, remove ${e.displayName}`} data-testid={`invitee-remove-confirm-${e.id}`}>
                      Yes, remove
                    </Button>{' '}
                    <Button size="small" onClick={() => setConfirmRemove(null)} aria-label={`Keep ${e.displayName}`}>
                      Keep
                    </Button>
                  </>
                ) : (
                  <Button size="small" disabled={busy} onClick={() => setConfirmRemove(e.id)} aria-label={`Remove ${e.displayName}`} data-testid={`invitee-remove-${e.id}`}>
                    Remove
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <InviteeEditor
        ref={roleRef}
        headingLevel={props.heading === false ? level : ((level + 1) as 3 | 4)}
        api={props.api}
        values={values}
        onChange={setValues}
        errors={errors}
        editing={editing ? { name: editing.entry.displayName } : null}
        saving={busy}
        onSave={save}
        onCancel={resetEditor}
      />
      <div style={{ marginTop: 16 }}>
        <Button onClick={() => void send()} disabled={busy} data-testid="invitations-send">
          Send invitations
        </Button>
        <Text as="p" block size={200}>
          Sends the Teams invitation to everyone not sent yet, each family member their own e-mail, and asks each professional whether they will attend.
        </Text>
      </div>
    </section>
  );
}
