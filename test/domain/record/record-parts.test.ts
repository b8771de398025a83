// Which parts of the meeting each invitee's copy of the record leaves out (DOMAIN-RULES §3, 001).
import { needsChairApproval, partWindows, withheldParts } from '../../../bot/domain/record/record-parts';
import { conference, inviteeById, live } from './record-fixtures';

const windows = partWindows(conference, live);
const parts = (id: string) => withheldParts(windows, inviteeById(id)).map((w) => `${w.part}:${w.reason}`);

describe('the parts held', () => {
  it('come from the stage history, in London wall-clock, each ending at the next change', () => {
    expect(windows).toEqual([
      { part: 'confidential', from: '2027-03-01T10:02', to: '2027-03-01T10:47', source: 'meeting' },
      { part: 'family', from: '2027-03-01T10:47', to: '2027-03-01T11:25', source: 'meeting' },
      { part: 'decision', from: '2027-03-01T11:25', to: '2027-03-01T11:50', source: 'meeting' },
    ]);
  });

  it('in summer time a UTC instant is an hour later on the wall clock', () => {
    const summer = partWindows(conference, { history: [{ from: 'pre-meeting', to: 'family', at: '2027-07-01T09:00:00.000Z', by: 'x' }] });
    expect(summer).toEqual([{ part: 'family', from: '2027-07-01T10:00', source: 'meeting' }]);
  });

  it('without a stage history they come from the booking, with the decision at an unknown time', () => {
    expect(partWindows(conference, { history: [] })).toEqual([
      { part: 'confidential', from: '2027-03-01T10:00', to: '2027-03-01T10:45', source: 'planned' },
      { part: 'family', from: '2027-03-01T10:45', to: '2027-03-01T12:00', source: 'planned' },
      { part: 'decision', source: 'planned' },
    ]);
    expect(partWindows({ ...conference, familySectionStart: undefined, dualProcess: true }, { history: [] }).map((w) => w.part)).toEqual(['family', 'decision', 'looked-after']);
  });
});

describe('withheld from each copy', () => {
  it('professionals get everything', () => {
    for (const id of ['inv-chair', 'inv-sw', 'inv-police', 'inv-gp']) expect(parts(id)).toEqual([]);
  });

  it('family members never get the confidential section; no approval is needed for that alone', () => {
    expect(parts('inv-mother')).toEqual(['confidential:family-side']);
    expect(needsChairApproval(withheldParts(windows, inviteeById('inv-mother')))).toBe(false);
  });

  it('the excluded father gets nothing of the parts his exclusion overlaps, and his copy needs the chair', () => {
    // Excluded 11:20–11:40: the family section (to 11:25) and the decision (from 11:25) both overlap.
    expect(parts('inv-father')).toEqual(['confidential:family-side', 'family:exclusion', 'decision:exclusion']);
    expect(needsChairApproval(withheldParts(windows, inviteeById('inv-father')))).toBe(true);
  });

  it('an exclusion that only touches a part\'s end does not overlap it', () => {
    const touching = { ...inviteeById('inv-father'), exclusions: [{ from: '2027-03-01T11:50', to: '2027-03-01T12:00', grounds: 'x' }] };
    expect(withheldParts(windows, touching).map((w) => w.part)).toEqual(['confidential']);
  });

  it('a part of unknown time is withheld from anyone excluded at all (fail closed)', () => {
    const planned = partWindows(conference, { history: [] });
    const early = { ...inviteeById('inv-father'), exclusions: [{ from: '2027-03-01T10:50', to: '2027-03-01T10:55', grounds: 'x' }] };
    expect(withheldParts(planned, early).map((w) => `${w.part}:${w.reason}`)).toEqual(['confidential:family-side', 'family:exclusion', 'decision:exclusion']);
  });

  it('a slot that does not meet the family section leaves it out; one that does keeps it', () => {
    expect(parts('inv-father2')).toEqual(['confidential:family-side']);
    const late = { ...inviteeById('inv-father2'), slot: { from: '2027-03-01T11:30', to: '2027-03-01T11:45' } };
    expect(withheldParts(windows, late).map((w) => `${w.part}:${w.reason}`)).toEqual(['confidential:family-side', 'family:slot']);
  });

  it('the looked-after part of a dual-process meeting goes to the parents and the child, not the advocate', () => {
    const dual = partWindows(conference, { history: [...live.history.slice(0, 3), { from: 'decision', to: 'looked-after', at: '2027-03-01T11:50:00.000Z', by: 'c' }] });
    expect(withheldParts(dual, inviteeById('inv-mother')).map((w) => w.part)).toEqual(['confidential']);
    expect(withheldParts(dual, inviteeById('inv-advocate')).map((w) => `${w.part}:${w.reason}`)).toEqual(['confidential:family-side', 'looked-after:looked-after']);
    expect(withheldParts(dual, inviteeById('inv-police'))).toEqual([]);
  });
});
