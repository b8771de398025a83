// POST /api/v1/conferences/:id/meeting/alerts/:alertId/ack over real HTTP (local mode, dev sign-in):
// the chair acknowledges; anyone else 403 MEETING.NOT_THE_CHAIR (audited); an unknown alert 404;
// a second acknowledgement changes nothing.
import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import { liveConference } from '../app/meeting/live/support/live-kit';
import { CHAIR, type InviteKit, POLICE, startInviteKit } from '../invite-list/support/invite-kit';

jest.setTimeout(60_000);
let kit: InviteKit;
const CONF = 'api-ack-1';
const ALERT = 'alert-1';

beforeAll(async () => {
  kit = await startInviteKit();
  const base = liveConference(CONF);
  await new SqlConferenceStore(kit.bot.db).create({ ...base, booking: { ...base.booking!, chairId: CHAIR.id } });
  await new SqlLiveMeetingStore(kit.bot.db).create({
    conferenceId: CONF, teamsMeetingId: 'MCMx-api', stage: 'confidential', history: [], alerts: [{ id: ALERT, kind: 'unknown-joiner', participantId: '29:guest', stage: 'confidential', raisedAt: '2026-12-10T10:05:00.000Z', deliveries: 1 }],
    roster: [{ participantId: '29:guest', displayName: 'Visitor (Guest)', inMeeting: true, firstJoinedAt: '2026-12-10T10:05:00.000Z', lastEventAt: '2026-12-10T10:05:00.000Z' }],
  });
});
afterAll(async () => kit.close());

const path = (alertId: string) => `/api/v1/conferences/${CONF}/meeting/alerts/${alertId}/ack`;

it('anyone but the chair gets 403 MEETING.NOT_THE_CHAIR, audited; nothing changes', async () => {
  const res = await kit.api('POST', path(ALERT), POLICE.id);
  expect(res.status).toBe(403);
  expect(res.json).toMatchObject({ error: { code: 'MEETING.NOT_THE_CHAIR' } });
  expect((await new SqlLiveMeetingStore(kit.bot.db).get(CONF))!.alerts[0]!.acknowledgedAt).toBeUndefined();
  const { rows } = await kit.bot.db.query<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_log WHERE conference_id = $1 ORDER BY seq`, [CONF]);
  expect(rows).toEqual([{ action: 'meeting.refused', actor_id: POLICE.id }]);
});

it('an unknown alert is 404 MEETING.ALERT_NOT_FOUND', async () => {
  const res = await kit.api('POST', path('no-such'), CHAIR.id);
  expect(res.status).toBe(404);
  expect(res.json).toMatchObject({ error: { code: 'MEETING.ALERT_NOT_FOUND' } });
});

it('the chair acknowledges; a second time answers already and changes nothing', async () => {
  const first = await kit.api('POST', path(ALERT), CHAIR.id);
  expect(first.status).toBe(200);
  expect(first.json).toMatchObject({ already: false, alert: { id: ALERT, kind: 'unknown-joiner', acknowledgedBy: CHAIR.id } });
  const second = await kit.api('POST', path(ALERT), CHAIR.id);
  expect(second.json).toMatchObject({ already: true, alert: { acknowledgedAt: first.json.alert.acknowledgedAt } });
  const { rows } = await kit.bot.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE conference_id = $1 AND action = 'meeting.alert-acknowledged'`, [CONF]);
  expect(rows).toHaveLength(1);
});
