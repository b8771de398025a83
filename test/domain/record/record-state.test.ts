// The record's delivery state: planned per invitee, 'sending' saved before each send, an
// interrupted send never resent on its own, redacted copies held for the chair's approval.
import { applyOutcomes, approveRedacted, markInterrupted, markSending, planRecord } from '../../../bot/domain/record/record-state';
import { partWindows } from '../../../bot/domain/record/record-parts';
import { conference, live } from './record-fixtures';

const windows = partWindows(conference, live);
const at = { now: '2027-03-01T12:00:00.000Z', by: 'aad-chair', deadline: '2027-03-02' };
const plan = () => planRecord(conference, windows, undefined, at);
const states = (s: ReturnType<typeof plan>) => Object.fromEntries(s.recipients.map((r) => [r.inviteeId, r.state]));

it('plans every invited person once; the excluded father waits for the chair', () => {
  const s = plan();
  expect(states(s)).toEqual({
    'inv-chair': 'due', 'inv-sw': 'due', 'inv-police': 'due', 'inv-gp': 'due', 'inv-mother': 'due',
    'inv-father': 'awaiting-approval', 'inv-father2': 'due', 'inv-advocate': 'due',
  });
  expect(s.recipients.find((r) => r.inviteeId === 'inv-father')!.approval).toEqual({ required: true });
  expect(planRecord(conference, windows, s, { ...at, now: 'later' })).toEqual(s);
});

it('marks the due ones sending, records outcomes, and sends nobody twice', () => {
  const first = markSending(plan(), 't1');
  expect(first.sending.map((r) => r.inviteeId)).not.toContain('inv-father');
  const done = applyOutcomes(first.state, first.sending.map((r) => ({ inviteeId: r.inviteeId, channel: 'email' as const, outcome: r.inviteeId === 'inv-gp' ? 'failed' as const : 'sent' as const, code: r.inviteeId === 'inv-gp' ? 'MAIL.REJECTED_400' : undefined })), 't2');
  expect(states(done)['inv-gp']).toBe('failed');
  // Again: only the definite failure is due.
  const again = markSending(done, 't3');
  expect(again.sending.map((r) => [r.inviteeId, r.attempts])).toEqual([['inv-gp', 2]]);
  expect(again.sending[0]!.code).toBeUndefined();
});

it("a 'sending' found on entry becomes unknown and is resent only when named", () => {
  const crashed = markSending(plan(), 't1').state;
  const { state, inviteeIds } = markInterrupted(crashed);
  expect(inviteeIds).toHaveLength(7);
  expect(state.recipients.find((r) => r.inviteeId === 'inv-mother')).toMatchObject({ state: 'unknown', code: 'RECORD.INTERRUPTED' });
  expect(markSending(state, 't2').sending).toEqual([]);
  expect(markSending(state, 't2', ['inv-mother']).sending.map((r) => r.inviteeId)).toEqual(['inv-mother']);
});

it('the chair approves a redacted copy once; a full copy is not one to approve', () => {
  const r = approveRedacted(plan(), 'inv-father', 'aad-chair', 't1');
  if (!r.ok) throw new Error(r.code);
  expect(r.changed).toBe(true);
  expect(r.state.recipients.find((x) => x.inviteeId === 'inv-father')).toMatchObject({ state: 'due', approval: { approvedBy: 'aad-chair', approvedAt: 't1' } });
  const twice = approveRedacted(r.state, 'inv-father', 'aad-chair', 't2');
  expect(twice.ok && twice.changed).toBe(false);
  expect(approveRedacted(plan(), 'inv-police', 'aad-chair', 't1')).toEqual({ ok: false, code: 'RECORD.NOT_A_REDACTED_COPY' });
  expect(approveRedacted(plan(), 'nobody', 'aad-chair', 't1')).toEqual({ ok: false, code: 'RECORD.RECIPIENT_NOT_FOUND' });
});
