// The `cpc` JSON contract, in-process (argv in, { stdout, stderr, code } out).
import { main } from '../../bot/adapters/cli/cpc-cli';

const ok = (argv: string[]) => {
  const r = main(argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.endsWith('\n')).toBe(true);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout) as unknown;
};

describe('workdays', () => {
  test.each([
    [['workdays', 'add', '2026-12-24', '1'], { date: '2026-12-29' }],
    [['workdays', 'add', '2027-01-04', '-7'], { date: '2026-12-21' }],
    [['workdays', 'add', '2026-12-26', '0'], { date: '2026-12-26' }],
    [['workdays', 'add', '2026-12-24', '+2'], { date: '2026-12-30' }],
    [['workdays', 'add', '2026-12-31', '1', '--calendar', 'scotland'], { date: '2027-01-05' }],
    [['workdays', 'add', '--calendar=northern-ireland', '2026-07-10', '1'], { date: '2026-07-14' }],
    [['workdays', 'count', '2026-12-24', '2026-12-31'], { workingDays: 3 }],
    [['workdays', 'count', '2026-12-31', '2026-12-24'], { workingDays: -3 }],
    [['workdays', 'count', '2026-11-27', '2026-12-01', '--calendar', 'scotland'], { workingDays: 1 }],
  ])('%j → %j', (argv, expected) => {
    expect(ok(argv)).toEqual(expected);
  });
});

describe('timescales', () => {
  test('full output shape for one anchor', () => {
    expect(ok(['timescales', '--profile', 'staffordshire', '--anchor', 'icpc=2026-11-30'])).toEqual({
      profile: 'staffordshire',
      deadlines: [
        { rule: 'T4', name: 'first core group', date: '2026-12-14', text: 'first core group within 10 working days of the ICPC' },
        { rule: 'T2', name: 'first review conference (RCPC)', date: '2027-02-26', text: 'first RCPC within 3 months of the ICPC' },
        {
          rule: 'T12',
          name: 'decision and recommendations issued after the ICPC',
          date: '2026-12-01',
          text: 'decision and recommendations issued within 1 working day of the conference',
        },
        { rule: 'T14', name: 'conference record / minutes circulated after the ICPC', date: '2026-12-14', text: 'conference record / minutes circulated within 10 working days' },
        { rule: 'T15', name: 'minute amendments completed after the ICPC', date: '2027-01-12', text: 'minute amendments completed within 28 working days' },
        { rule: 'T20', name: 'child first seen by the lead social worker', date: '2026-12-21', text: 'child seen by the lead social worker at least every 15 working days' },
      ],
    });
  });

  test('--kind picks the T7/T10 variant; without it both are listed with their kind', () => {
    const pick = (argv: string[]) =>
      (ok(argv) as { deadlines: { rule: string; name: string; date: string }[] }).deadlines
        .filter((d) => d.rule === 'T7' || d.rule === 'T10')
        .map((d) => `${d.rule} ${d.name} ${d.date}`);
    const base = ['timescales', '--profile', 'staffordshire', '--anchor', 'conference=2027-01-04'];
    expect(pick(base)).toEqual([
      'T7 invitations sent (ICPC) 2026-12-21',
      'T7 invitations sent (RCPC) 2026-12-16',
      'T10 reports shared with the family (ICPC) 2026-12-30',
      'T10 reports shared with the family (RCPC) 2026-12-23',
    ]);
    expect(pick([...base, '--kind', 'RCPC'])).toEqual(['T7 invitations sent (RCPC) 2026-12-16', 'T10 reports shared with the family (RCPC) 2026-12-23']);
    expect(pick([...base, '--kind=ICPC'])).toEqual(['T7 invitations sent (ICPC) 2026-12-21', 'T10 reports shared with the family (ICPC) 2026-12-30']);
  });

  test('several anchors, rules off in the profile left out', () => {
    const out = ok([
      'timescales', '--profile', 'england', '--anchor', 'strategy-discussion=2026-12-14', '--anchor', 'transfer-decision=2027-08-20',
    ]) as { profile: string; deadlines: { rule: string; date: string }[] };
    expect(out.profile).toBe('england');
    expect(out.deadlines.map((d) => [d.rule, d.date])).toEqual([['T1', '2027-01-07'], ['T19', '2027-09-13']]);
  });

  test('due date with --today says when the window has passed', () => {
    const out = ok(['timescales', '--profile', 'suffolk', '--anchor', 'due-date=2027-03-06', '--today', '2027-02-01']) as {
      deadlines: { rule: string; name: string; date: string }[];
    };
    expect(out.deadlines.map((d) => [d.rule, d.date])).toEqual([['T18', '2026-12-29'], ['T18', '2027-01-08']]);
    expect(out.deadlines[1]!.name).toContain('already passed on 2027-02-01');
  });

  test('a significant change (T22): Suffolk reports it within 5 working days; off elsewhere', () => {
    expect(ok(['timescales', '--profile', 'suffolk', '--anchor', 'significant-change=2026-12-21'])).toEqual({
      profile: 'suffolk',
      deadlines: [{
        rule: 'T22',
        name: 'significant change reported to the chair',
        date: '2026-12-30',
        text: 'lead social worker reports a significant change to the chair within 5 working days of the change',
      }],
    });
    expect(ok(['timescales', '--profile', 'england', '--anchor', 'significant-change=2026-12-21'])).toEqual({ profile: 'england', deadlines: [] });
    const on = ok(['timescales', '--profile', 'england', '--anchor', 'significant-change=2026-12-21', '--overrides', '{"timescales":{"T22":2}}']) as {
      deadlines: { rule: string; date: string }[];
    };
    expect(on.deadlines.map((d) => [d.rule, d.date])).toEqual([['T22', '2026-12-23']]);
  });

  test('--overrides applies a deployment\'s values', () => {
    const out = ok([
      'timescales', '--profile', 'england', '--anchor', 'conference=2027-01-04', '--kind', 'RCPC', '--overrides', '{"timescales":{"T7":{"RCPC":10}}}',
    ]) as { deadlines: { rule: string; date: string }[] };
    expect(out.deadlines[0]).toMatchObject({ rule: 'T7', date: '2026-12-16' });
  });
});

describe('check', () => {
  test.each([
    [['check', '--profile', 'england', '--kind', 'ICPC', '--anchor', 'strategy-discussion=2026-12-14', '--proposed', '2027-01-08'], { ok: false, missed: [{ rule: 'T1', date: '2027-01-07' }] }],
    [['check', '--profile', 'england', '--kind', 'ICPC', '--anchor', 'strategy-discussion=2026-12-14', '--proposed', '2027-01-07'], { ok: true, missed: [] }],
    [['check', '--profile', 'sheffield', '--kind', 'CORE_GROUP', '--anchor', 'core-group=2026-11-20', '--anchor', 'icpc=2026-11-06', '--proposed', '2026-12-21'], { ok: false, missed: [{ rule: 'T4', date: '2026-11-20' }, { rule: 'T5', date: '2026-12-18' }] }],
    [['check', '--profile', 'england', '--kind', 'PRE_BIRTH', '--anchor', 'due-date=2027-03-06', '--proposed', '2026-12-24'], { ok: false, missed: [{ rule: 'T18', date: '2026-12-29' }] }],
  ])('%j', (argv, expected) => {
    expect(ok(argv)).toEqual(expected);
  });
});

describe('bad input: exit 2, one line on stderr naming the problem, nothing on stdout', () => {
  test.each([
    [['workdays', 'add', '2026-02-30', '1'], /2026-02-30/],
    [['workdays', 'add', '2026-12-24', 'x'], /<n> 'x'/],
    [['workdays', 'add', '2026-12-24', '1.5'], /<n> '1.5'/],
    [['workdays', 'add', '2026-12-24'], /missing <n>/],
    [['workdays', 'add'], /missing <date>/],
    [['workdays', 'count', '2026-12-24'], /missing <to>/],
    [['workdays', 'count', '2026-12-24', '2026-13-01'], /2026-13-01/],
    [['workdays', 'add', '2026-12-24', '1', '--calendar', 'wales'], /--calendar 'wales'/],
    [['workdays', 'add', '2026-12-24', '1', '--calendar'], /--calendar needs a value/],
    [['workdays', 'add', '2026-12-24', '1', '2'], /unexpected argument '2'/],
    [['workdays', 'add', '1999-12-24', '1'], /outside the supported years/],
    [['workdays', 'add', '2080-12-24', '100'], /outside/],
    [['workdays', 'subtract', '2026-12-24', '1'], /unknown workdays subcommand 'subtract'/],
    [['workdays'], /missing workdays subcommand/],
    [[], /missing command/],
    [['deadlines'], /unknown command 'deadlines'/],
    [['timescales', '--profile', 'yorkshire', '--anchor', 'icpc=2026-11-30'], /unknown profile 'yorkshire'/],
    [['timescales', '--anchor', 'icpc=2026-11-30'], /missing --profile/],
    [['timescales', '--profile', 'england'], /missing --anchor/],
    [['timescales', '--profile', 'england', '--anchor', 'birthday=2026-11-30'], /unknown anchor 'birthday'/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc'], /--anchor 'icpc' must be <kind>=<YYYY-MM-DD>/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc=2026-02-30'], /--anchor icpc: '2026-02-30'/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc=2026-11-30', '--anchor', 'icpc=2026-12-01'], /--anchor icpc given more than once/],
    [['timescales', '--profile', 'england', '--anchor', 'due-date=2027-03-06'], /missing --today/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc=2026-11-30', '--kind', 'REVIEW'], /unknown --kind 'REVIEW'/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc=2026-11-30', '--today', '2026-02-30'], /--today: '2026-02-30'/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc=2026-11-30', '--colour', 'red'], /unknown option --colour/],
    [['timescales', '--profile', 'england', '--profile', 'suffolk', '--anchor', 'icpc=2026-11-30'], /--profile given more than once/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc=2026-11-30', 'extra'], /unexpected argument 'extra'/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc=2026-11-30', '--overrides', '{'], /--overrides is not valid JSON/],
    [['timescales', '--profile', 'england', '--anchor', 'icpc=2026-11-30', '--overrides', '{"timescales":{"T7":{"RCPC":-1}}}'], /timescales\.T7\.RCPC: must not be negative/],
    [['check', '--profile', 'england', '--anchor', 'icpc=2026-11-30', '--proposed', '2027-03-01'], /missing --kind/],
    [['check', '--profile', 'england', '--kind', 'RCPC', '--anchor', 'icpc=2026-11-30'], /missing --proposed/],
    [['check', '--profile', 'england', '--kind', 'RCPC', '--anchor', 'icpc=2026-11-30', '--proposed', '2027-02-30'], /--proposed: '2027-02-30'/],
    [['check', '--profile', 'england', '--kind', 'RCPC', '--anchor', 'due-date=2027-03-06', '--proposed', '2027-02-01'], /anchor 'due-date' does not apply to RCPC/],
    [['check', '--profile', 'england', '--kind', 'CORE', '--anchor', 'icpc=2026-11-30', '--proposed', '2027-02-01'], /unknown --kind 'CORE'/],
    [['check', '--profile', 'suffolk', '--kind', 'CORE_GROUP', '--anchor', 'significant-change=2026-12-21', '--proposed', '2027-01-04'], /anchor 'significant-change' does not apply to CORE_GROUP \(use icpc or core-group\) \(TIMESCALES.ANCHOR_NOT_APPLICABLE\)/],
  ])('%j', (argv, problem) => {
    const r = main(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(problem);
    expect(r.stderr.startsWith('cpc: ')).toBe(true);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

test('--help prints the usage and exits 0', () => {
  const r = main(['--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('cpc workdays add');
  expect(r.stdout).toContain('anchors: strategy-discussion, icpc, rcpc, transfer-decision, due-date, core-group, conference, significant-change');
});
