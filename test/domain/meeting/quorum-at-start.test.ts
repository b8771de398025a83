// Quorum at the start: children's social care plus the profile's number of other agencies present
// or reporting (ICPC, RCPC…); core groups: two professional members present (004).
import type { Agency } from '../../../bot/domain/conference/agency';
import type { Invitee } from '../../../bot/domain/conference/conference';
import { PROFILE_IDS } from '../../../bot/domain/policy/policy-profile';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { quorumAtStart } from '../../../bot/domain/meeting/quorum-at-start';
import { conference, invitee, present } from './meeting-fixtures';

const report = { driveItemId: 'd', fileName: 'r.pdf', contentType: 'application/pdf', bytes: 1, receivedAt: '2026-05-28T09:00:00Z', receivedBy: 'x', onTime: true };
const pro = (id: string, agency: Agency, extra: Partial<Invitee> = {}) => invitee(id, 'professional', { agency, ...extra });
const list = [
  invitee('chair', 'chair'), invitee('clerk', 'clerk'), invitee('sw', 'social-worker'),
  pro('pc', 'police'), pro('gp', 'health'), pro('hv', 'health'), pro('sch', 'education', { report }), pro('prob', 'probation'),
  invitee('mum', 'parent'), pro('gone', 'probation', { status: 'removed', report }),
];
const roster = (...ids: string[]) => ({ roster: ids.map((id) => present(`29:${id}`, id)) });

describe('quorumAtStart: conferences', () => {
  const rule = { otherAgencies: 2 };
  it.each<[string, string[], { quorate: boolean; socialCare: boolean; agenciesPresent: string[]; agenciesReporting: string[]; missing: number }]>([
    ['social worker, police present, school reports', ['chair', 'sw', 'pc'], { quorate: true, socialCare: true, agenciesPresent: ['police'], agenciesReporting: ['education'], missing: 0 }],
    ['no social worker', ['chair', 'pc', 'gp'], { quorate: false, socialCare: false, agenciesPresent: ['police', 'health'], agenciesReporting: ['education'], missing: 0 }],
    ['two of one agency are one agency', ['sw', 'gp', 'hv'], { quorate: true, socialCare: true, agenciesPresent: ['health'], agenciesReporting: ['education'], missing: 0 }],
    ['present and reporting agency counts once', ['sw', 'sch'], { quorate: false, socialCare: true, agenciesPresent: ['education'], agenciesReporting: ['education'], missing: 1 }],
    ['chair and clerk are not social care', ['chair', 'clerk', 'pc', 'gp'], { quorate: false, socialCare: false, agenciesPresent: ['police', 'health'], agenciesReporting: ['education'], missing: 0 }],
    ['family members are no agency; removed invitees do not report', ['sw', 'mum'], { quorate: false, socialCare: true, agenciesPresent: [], agenciesReporting: ['education'], missing: 1 }],
  ])('%s', (_name, ids, expected) => {
    expect(quorumAtStart(conference(list), roster(...ids), rule)).toEqual({ ...expected, otherAgenciesRequired: 2 });
  });

  it('only matched participants in the meeting count', () => {
    const r = { roster: [present('29:sw', 'sw'), present('29:pc', 'pc', { inMeeting: false }), present('29:guest')] };
    expect(quorumAtStart(conference(list), r, rule)).toMatchObject({ socialCare: true, agenciesPresent: [], missing: 1, quorate: false });
  });

  it('a social care colleague present stands for children\'s social care', () => {
    const c = conference([pro('csc', 'childrens-social-care'), pro('pc', 'police'), pro('gp', 'health')]);
    expect(quorumAtStart(c, roster('csc', 'pc', 'gp'), rule)).toMatchObject({ socialCare: true, quorate: true, agenciesPresent: ['police', 'health'] });
  });

  it.each(PROFILE_IDS)('profile %s: as many other agencies as its quoracy rule says', (id) => {
    const q = resolveProfile(id).quoracy;
    const agencies: Agency[] = ['police', 'health', 'education', 'probation', 'housing'];
    const c = conference([invitee('sw', 'social-worker'), ...agencies.map((a) => pro(a, a))]);
    const enough = quorumAtStart(c, roster('sw', ...agencies.slice(0, q.otherAgencies)), q);
    expect(enough).toMatchObject({ quorate: true, otherAgenciesRequired: q.otherAgencies, missing: 0 });
    const short = quorumAtStart(c, roster('sw', ...agencies.slice(0, q.otherAgencies - 1)), q);
    expect(short).toMatchObject({ quorate: false, missing: 1 });
  });

  it('a stricter rule needs more', () => {
    expect(quorumAtStart(conference(list), roster('sw', 'pc'), { otherAgencies: 3 })).toMatchObject({ quorate: false, missing: 1, otherAgenciesRequired: 3 });
  });
});

describe('quorumAtStart: core groups (004: two professional members)', () => {
  const cg = (ids: string[]) => quorumAtStart(conference(list, { kind: 'CORE_GROUP' }), roster(...ids), { otherAgencies: 2 });
  it.each<[string, string[], boolean, number]>([
    ['social worker and one professional', ['sw', 'pc'], true, 0],
    ['social worker alone', ['sw'], false, 1],
    ['two professionals without the social worker (the meeting goes ahead, 004)', ['pc', 'gp'], true, 0],
    ['the clerk and a parent are not professional members', ['sw', 'clerk', 'mum'], false, 1],
    ['nobody', [], false, 2],
  ])('%s', (_name, ids, quorate, missing) => {
    expect(cg(ids)).toMatchObject({ quorate, missing, otherAgenciesRequired: 2 });
  });
});
