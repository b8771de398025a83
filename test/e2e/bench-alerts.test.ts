// bench:alerts at tiny scale (two conferences, four participants, one round) under tsx: the
// product in its production configuration takes the signed meeting events, every expected alert
// reaches the chair's conversation at the recording connector, and the run ends with the JSON
// line. Figures are not asserted (speed belongs to the benchmark), only that they are there.
import { execFile } from 'node:child_process';
import { alertFigures, alertIdsIn, percentile } from '../../scripts/bench/alert-figures';
import { fleetConference } from '../../scripts/bench/alert-fleet';
import type { ReceivedSend } from '../../scripts/bench/recording-connector';

describe('bench:alerts figures', () => {
  it('finds the alert ids in a sent card and takes nearest-rank percentiles', () => {
    const card = { type: 'message', attachments: [{ content: { actions: [{ type: 'Action.Execute', data: { conferenceId: 'c1', alertId: 'a-1' } }] } }] };
    expect(alertIdsIn(card)).toEqual(['a-1']);
    expect(alertIdsIn({ text: 'no alert' })).toEqual([]);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });

  it('counts an alert as delivered by its first card in a 1:1 chat; an expected one without a card is missed', () => {
    const send = (at: number, alertId: string, kind: ReceivedSend['kind'] = 'activity'): ReceivedSend => ({ at, method: 'POST', path: '/v3/conversations/x/activities', kind, body: { attachments: [{ content: { actions: [{ data: { alertId } }] } }] } });
    const raisedAt = '2026-12-02T10:00:00.000Z';
    const t0 = Date.parse(raisedAt);
    const figures = alertFigures(3, [{ id: 'a', kind: 'unknown-joiner', raisedAt }, { id: 'b', kind: 'unknown-joiner', raisedAt }], [send(t0 + 120, 'a'), send(t0 + 90, 'a'), send(t0 + 50, 'b', 'meeting-notification')]);
    expect(figures).toMatchObject({ expected: 3, delivered: 1, missed: 2, latenciesMs: [90] });
  });

  it('a conference of 16: 8 staff matched by Entra id, 4 family by e-mail, 4 unknown guests', () => {
    const { conference, fleet } = fleetConference(1, 16, 'http://127.0.0.1:9', 'tenant', '28:bot');
    expect(fleet.participants).toHaveLength(16);
    expect(fleet.participants.filter((p) => p.expectedAlert === null && p.aadObjectId)).toHaveLength(8);
    expect(fleet.participants.filter((p) => p.expectedAlert === 'family-in-confidential' && p.email)).toHaveLength(4);
    expect(fleet.participants.filter((p) => p.expectedAlert === 'unknown-joiner' && !p.aadObjectId && !p.email)).toHaveLength(4);
    expect(conference.meeting?.chatThreadId).toBe(fleet.chat.threadId);
    expect(conference.invitees.find((i) => i.role === 'chair')?.directoryId).toBe(fleet.chairId);
  });
});

describe('npm run bench:alerts, tiny scale', () => {
  it('delivers every expected alert to the chair and ends with the JSON line', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/bench-alerts.ts', '--conferences', '2', '--participants', '4', '--rounds', '1', '--pause-ms', '100'],
        { env: { ...process.env, BENCH_RUNTIME: 'tsx' }, timeout: 240_000, maxBuffer: 8 * 1024 * 1024 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${out}\n${errOut}`)) : resolve(out)),
      );
    });
    expect(stdout).toMatch(/alerts +expected 4, raised 4 \(family-in-confidential 2, unknown-joiner 2\), card delivered 4, missed 0/);
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(Object.keys(figures)).toEqual(['alertP99Ms', 'eventsPerSecond', 'missedAlerts']);
    expect(figures.missedAlerts).toBe(0);
    expect(figures.alertP99Ms).toEqual(expect.any(Number));
    expect(figures.eventsPerSecond).toBeGreaterThan(0);
  }, 270_000);
});
