// The chair's guidance at a stage change: admit now (allowed, not present), must wait (not
// allowed, not present), must leave (present, not allowed), and the next time-based change.
import { admissionGuidance } from '../../../bot/domain/meeting/admission-guidance';
import { conference, invitee, present } from './meeting-fixtures';

const invitees = [
  invitee('chair', 'chair'),
  invitee('sw', 'social-worker'),
  invitee('pc', 'professional', { agency: 'police' }),
  invitee('mum', 'parent'),
  invitee('dad', 'parent', { slot: { from: '2026-06-01T11:00', to: '2026-06-01T11:30' } }),
  invitee('gran', 'family-other', { exclusions: [{ from: '2026-06-01T10:50', to: '2026-06-01T11:10', grounds: 'g' }] }),
  invitee('old', 'professional', { agency: 'health', status: 'removed' }),
];
const c = conference(invitees);
const ids = (lines: { inviteeId: string }[]) => lines.map((l) => l.inviteeId);

describe('admissionGuidance', () => {
  it('confidential section: professionals to admit, the family waits, a parent present must leave', () => {
    const g = admissionGuidance(c, { stage: 'confidential', roster: [present('29:ch', 'chair'), present('29:m', 'mum')] }, '2026-06-01T10:05');
    expect(g.stage).toBe('confidential');
    expect(ids(g.admitNow)).toEqual(['sw', 'pc']);
    expect(ids(g.mustWait)).toEqual(['dad', 'gran']);
    expect(g.mustLeave).toEqual([{ inviteeId: 'mum', role: 'parent', present: true }]);
    expect(g.nextChange).toEqual({ at: '2026-06-01T10:30', what: 'family section due to start' });
  });

  it('family section: mum admitted, dad waits for his slot, lines carry role and agency', () => {
    const g = admissionGuidance(c, { stage: 'family', roster: [present('29:ch', 'chair'), present('29:pc', 'pc')] }, '2026-06-01T10:35');
    expect(g.admitNow).toEqual([
      { inviteeId: 'sw', role: 'social-worker', present: false },
      { inviteeId: 'mum', role: 'parent', present: false },
      { inviteeId: 'gran', role: 'family-other', present: false },
    ]);
    expect(ids(g.mustWait)).toEqual(['dad']);
    expect(g.mustLeave).toEqual([]);
    expect(g.nextChange).toEqual({ at: '2026-06-01T10:50', what: 'exclusion window starts (family-other gran)' });
  });

  it('family section inside an exclusion window and a slot', () => {
    const g = admissionGuidance(c, { stage: 'family', roster: [present('29:g', 'gran'), present('29:d', 'dad', { inMeeting: false })] }, '2026-06-01T11:05');
    expect(ids(g.mustLeave)).toEqual(['gran']);
    expect(ids(g.admitNow)).toEqual(['chair', 'sw', 'pc', 'mum', 'dad']);
    expect(g.nextChange).toEqual({ at: '2026-06-01T11:10', what: 'exclusion window ends (family-other gran)' });
  });

  it('unmatched participants do not make an invitee present; removed invitees are not listed', () => {
    const g = admissionGuidance(c, { stage: 'family', roster: [present('29:guest')] }, '2026-06-01T11:40');
    expect(ids(g.admitNow)).not.toContain('old');
    expect(ids([...g.admitNow, ...g.mustWait, ...g.mustLeave]).sort()).toEqual(['chair', 'dad', 'gran', 'mum', 'pc', 'sw']);
    expect(ids(g.mustWait)).toEqual(['dad']);
    expect(g.nextChange).toBeUndefined();
  });

  it('looked-after part: the police officer present must leave', () => {
    const g = admissionGuidance(conference(invitees, { kind: 'RCPC', dualProcess: true }), { stage: 'looked-after', roster: [present('29:pc', 'pc')] }, '2026-06-01T11:40');
    expect(ids(g.mustLeave)).toEqual(['pc']);
    expect(ids(g.mustWait)).toEqual(['gran']);
    expect(ids(g.admitNow)).toEqual(['chair', 'sw', 'mum', 'dad']);
  });

  it('closed: nothing to do', () => {
    expect(admissionGuidance(c, { stage: 'closed', roster: [present('29:m', 'mum')] }, '2026-06-01T12:00')).toEqual({ stage: 'closed', admitNow: [], mustWait: [], mustLeave: [] });
  });
});
