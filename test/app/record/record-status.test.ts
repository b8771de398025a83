// The record's status: complete when every copy is sent; late when sent (or still not sent) after the T12 date.
import { recordStatusOf } from '../../../bot/app/record/record-status';
import { applyOutcomes, markSending, planRecord } from '../../../bot/domain/record/record-state';
import { partWindows } from '../../../bot/domain/record/record-parts';
import { conference, live } from '../../domain/record/record-fixtures';

const planned = planRecord(conference, partWindows(conference, live), undefined, { now: '2027-03-01T12:00:00.000Z', by: 'aad-chair', deadline: '2027-03-02' });
const allSentAt = (at: string) => {
  const approved = { ...planned, recipients: planned.recipients.map((r) => ({ ...r, state: 'due' as const })) };
  const m = markSending(approved, at);
  return applyOutcomes(m.state, m.sending.map((r) => ({ inviteeId: r.inviteeId, channel: 'email' as const, outcome: 'sent' as const })), at);
};

it('not issued: nothing planned, not late', () => {
  expect(recordStatusOf(conference, { ...live, record: undefined }, '2027-03-05')).toMatchObject({ issued: false, complete: false, late: false, deadline: null, recipients: [] });
});

it('waiting for the chair after the T12 date is late; no names in the status', () => {
  const s = recordStatusOf(conference, { ...live, record: planned }, '2027-03-03');
  expect(s).toMatchObject({ issued: true, complete: false, late: true, deadline: '2027-03-02' });
  expect(s.recipients.find((r) => r.inviteeId === 'inv-father')).toMatchObject({ role: 'parent', state: 'awaiting-approval', approvalRequired: true });
  expect(JSON.stringify(s)).not.toMatch(/Loxley|Ambrose|Quenby/);
});

it('all sent by the T12 day (London) is complete and on time; sent the day after is late', () => {
  expect(recordStatusOf(conference, { ...live, record: allSentAt('2027-03-02T23:30:00.000Z') }, '2027-03-09')).toMatchObject({ complete: true, late: false });
  expect(recordStatusOf(conference, { ...live, record: allSentAt('2027-03-03T00:30:00.000Z') }, '2027-03-09')).toMatchObject({ complete: true, late: true });
});
