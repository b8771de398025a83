// The quoracy forecast (social care plus N other agencies attending or reporting) as a table, and
// a property test over random lists and answers.
import fc from 'fast-check';
import { AGENCIES, type Agency } from '../../../bot/domain/conference/agency';
import type { AttendanceAnswer, Conference, Invitee } from '../../../bot/domain/conference/conference';
import { recordAnswer, reportDueDate } from '../../../bot/domain/invite-list/attendance-rules';
import { forecastQuoracy } from '../../../bot/domain/invite-list/quoracy';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

const answer = (a: AttendanceAnswer['answer']): AttendanceAnswer => ({ answer: a, at: '2026-05-20T09:00:00.000Z', by: 'x', via: 'card' });
const pro = (id: string, agency: Agency, a?: AttendanceAnswer['answer'], report = false): Invitee => ({
  id, role: 'professional', agency, displayName: `P ${id}`, email: `${id}@example.org`, status: 'invited',
  ...(a ? { attendance: [answer(a)] } : {}),
  ...(report ? { report: { driveItemId: 'd', fileName: 'r.pdf', contentType: 'application/pdf', bytes: 1, receivedAt: '2026-05-26T09:00:00Z', receivedBy: id, onTime: true } } : {}),
});
const sw: Invitee = { id: 'sw', role: 'social-worker', displayName: 'SW', email: 'sw@example.org', status: 'invited' };

describe('forecastQuoracy', () => {
  const rule = { otherAgencies: 2 };
  it.each<[string, Invitee[], boolean, number, Agency[]]>([
    ['nobody answered yet', [sw, pro('gp', 'health'), pro('pc', 'police')], false, 2, ['police', 'health']],
    ['police attending, health sends a report', [sw, pro('gp', 'health', 'not-attending', true), pro('pc', 'police', 'attending')], true, 0, []],
    ['a colleague sent counts', [sw, pro('gp', 'health', 'sending-colleague'), pro('pc', 'police', 'attending')], true, 0, []],
    ['not attending without a report does not count', [sw, pro('gp', 'health', 'not-attending'), pro('pc', 'police', 'attending')], false, 1, ['health']],
    ['two of one agency are one agency', [sw, pro('gp', 'health', 'attending'), pro('hv', 'health', 'attending')], false, 1, []],
  ])('%s', (_name, invitees, quorate, short, toChase) => {
    const f = forecastQuoracy({ invitees }, rule, '2026-05-27');
    expect(f.quorate).toBe(quorate);
    expect(f.missing.otherAgencies).toBe(short);
    expect(f.missing.toChase).toEqual(toChase);
  });

  it('without a social worker children\'s social care is missing', () => {
    const f = forecastQuoracy({ invitees: [pro('gp', 'health', 'attending'), pro('pc', 'police', 'attending')] }, rule, null);
    expect(f).toMatchObject({ quorate: false, socialCare: false, missing: { socialCare: true, otherAgencies: 0 } });
  });

  it('per agency: invited, best answer, report due and received; health/police not invited are named', () => {
    const f = forecastQuoracy({ invitees: [sw, pro('s1', 'education', 'not-attending', true), pro('s2', 'education', 'attending')] }, rule, '2026-05-27');
    expect(f.agencies).toEqual([
      { agency: 'childrens-social-care', invited: 1, answer: 'no-answer', answered: 0, reportDue: '2026-05-27', reportReceived: false, reportOnTime: null, counts: false },
      { agency: 'education', invited: 2, answer: 'attending', answered: 2, reportDue: '2026-05-27', reportReceived: true, reportOnTime: true, counts: true },
    ]);
    expect(f.missing.notInvited).toEqual(['health', 'police']);
  });

  it('property: quorate exactly when social care and enough others take part; more "attending" never hurts', () => {
    const answers = fc.constantFrom<AttendanceAnswer['answer'] | undefined>(undefined, 'attending', 'not-attending', 'sending-colleague');
    const member = fc.record({ agency: fc.constantFrom(...AGENCIES), a: answers, report: fc.boolean(), removed: fc.boolean() });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), fc.boolean(), fc.integer({ min: 0, max: 4 }), (members, withSw, n) => {
        const invitees: Invitee[] = members.map((m, k) => ({ ...pro(`p${k}`, m.agency, m.a, m.report), status: m.removed ? 'removed' : 'invited' }));
        if (withSw) invitees.push(sw);
        const f = forecastQuoracy({ invitees }, { otherAgencies: n }, null);
        const live = members.filter((m) => !m.removed);
        const others = new Set(live.filter((m) => m.agency !== 'childrens-social-care' && (m.a === 'attending' || m.a === 'sending-colleague' || m.report)).map((m) => m.agency));
        const socialCare = withSw || live.some((m) => m.agency === 'childrens-social-care' && (m.a === 'attending' || m.a === 'sending-colleague' || m.report));
        expect(f.otherAgenciesCounted.length).toBe(others.size);
        expect(f.quorate).toBe(socialCare && others.size >= n);
        expect(f.missing.otherAgencies).toBe(Math.max(0, n - others.size));
        // Everyone live answering attending can only add agencies.
        const all = forecastQuoracy({ invitees: invitees.map((i) => (i.status === 'removed' ? i : { ...i, attendance: [answer('attending')] })) }, { otherAgencies: n }, null);
        expect(all.otherAgenciesCounted.length).toBeGreaterThanOrEqual(f.otherAgenciesCounted.length);
      }),
    );
  });
});

describe('recordAnswer', () => {
  const c: Pick<Conference, 'status' | 'start'> = { status: 'booked', start: '2026-06-01T10:00' };
  const gp = pro('gp', 'health');
  const input = (a: AttendanceAnswer['answer'], colleague?: AttendanceAnswer['colleague']) => ({ answer: a, at: '2026-05-20T09:00:00.000Z', by: 'gp-id', via: 'card' as const, ...(colleague ? { colleague } : {}) });

  it('not attending records the T9 report date as its consequence', () => {
    expect(reportDueDate(resolveProfile('england'), '2026-06-01T10:00')).toBe('2026-05-27'); // Monday 1 June: Wed 27, Thu 28, Fri 29 May
    const r = recordAnswer(c, gp, input('not-attending'), '2026-05-27');
    expect(r.ok && r.value.answer).toMatchObject({ answer: 'not-attending', reportDueBy: '2026-05-27' });
  });

  it('the same answer again is no change; a change of mind is a new answer', () => {
    const first = recordAnswer(c, gp, input('attending'), null);
    if (!first.ok) throw new Error('refused');
    const again = recordAnswer(c, first.value.invitee, input('attending'), null);
    expect(again.ok && again.value.changed).toBe(false);
    const changed = recordAnswer(c, first.value.invitee, input('not-attending'), null);
    expect(changed.ok && changed.value.invitee.attendance?.map((a) => a.answer)).toEqual(['attending', 'not-attending']);
  });

  it.each<[string, Pick<Conference, 'status' | 'start'>, Invitee, ReturnType<typeof input>, string]>([
    ['a stood-down conference', { ...c, status: 'stood-down' }, gp, input('attending'), 'ATTENDANCE.CONFERENCE_STOOD_DOWN'],
    ['a held conference', { ...c, status: 'held' }, gp, input('attending'), 'ATTENDANCE.CONFERENCE_OVER'],
    ['a family member', c, { ...gp, role: 'parent' }, input('attending'), 'ATTENDANCE.NOT_A_PROFESSIONAL'],
    ['a colleague without a role', c, gp, input('sending-colleague', { displayName: 'Colleague', role: ' ' }), 'ATTENDANCE.COLLEAGUE_REQUIRED'],
  ])('refuses an answer for %s', (_n, conf, invitee, a, code) => {
    const r = recordAnswer(conf, invitee, a, null);
    expect(r.ok ? 'ok' : r.code).toBe(code);
  });
});
