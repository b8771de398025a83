// An alert is repeated to the chair until they acknowledge it or the person leaves (issue 9), by
// the meeting.alert-repeat job on the SQL job queue; the chair alone acknowledges (card or use
// case), anyone else is refused and audited; at start-up an alert raised but never delivered (a
// crash between the commit and the send) goes out.
import { deliverAlerts } from '../../../../bot/app/meeting/live/deliver-alerts';
import { acknowledgeAlert } from '../../../../bot/app/meeting/live/acknowledge-alert.use-case';
import { alertCardHandlers } from '../../../../bot/app/meeting/live/alert-card-handlers';
import { handleMeetingEvent, meetingEventHandler } from '../../../../bot/app/meeting/live/handle-meeting-event.use-case';
import { resumeOpenAlerts } from '../../../../bot/app/meeting/live/resume-alerts';
import { BACKENDS } from '../../../store/backends';
import { CHAIR_ID, event, liveConference, type LiveKit, PEOPLE, POLICE_ID, START, startLiveKit } from './support/live-kit';

const T = (minute: number, second = 0) => `2026-12-10T10:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}.000Z`;

describe.each(BACKENDS)('alert repeats and acknowledgement on $name', (backend) => {
  let kit: LiveKit;
  let n = 0;
  const newConference = async () => {
    const id = `rep-${++n}`;
    await kit.deps.store.create(liveConference(id));
    return id;
  };
  const cardsToChair = () => kit.deps.notifier.sent.filter((s) => s.personId === CHAIR_ID).map((s) => JSON.stringify(s.card));
  /** Moves the clock on and runs every due job once. */
  const later = async (ms: number) => {
    kit.deps.clock.advance(ms);
    await kit.worker.runOnce();
  };
  const raise = async (id: string) => {
    await meetingEventHandler(kit.deps)(event(id, 'participant-join', [PEOPLE.chair, PEOPLE.mum], kit.deps.clock.now().toISOString()));
    return (await kit.deps.live.get(id))!.alerts.find((a) => !a.clearedAt)!;
  };

  beforeAll(async () => {
    kit = await startLiveKit(backend);
  }, 60_000);
  afterAll(async () => kit.stop());
  beforeEach(async () => {
    kit.deps.clock.set(START);
    kit.deps.notifier.sent.length = 0;
    // Each test starts with an empty queue (one database for the file).
    await kit.db.query(`UPDATE jobs SET status = 'done' WHERE status = 'pending'`);
  });

  it('repeats every interval until the chair acknowledges, then stops', async () => {
    const id = await newConference();
    const alert = await raise(id);
    expect(cardsToChair()).toHaveLength(1);
    await later(10_000); // not due yet
    expect(cardsToChair()).toHaveLength(1);
    await later(20_000);
    expect(cardsToChair()).toHaveLength(2);
    expect(cardsToChair()[1]).toContain('reminder 1');
    await later(30_000);
    expect(cardsToChair()).toHaveLength(3);
    expect((await kit.deps.live.get(id))!.alerts[0]).toMatchObject({ id: alert.id, deliveries: 3, lastDeliveredAt: new Date(Date.parse(START) + 60_000).toISOString() });

    const acked = await acknowledgeAlert(kit.deps, CHAIR_ID, id, alert.id);
    expect(acked).toMatchObject({ already: false, alert: { acknowledgedBy: CHAIR_ID } });
    await later(30_000);
    await later(30_000);
    expect(cardsToChair()).toHaveLength(3);
    // Nothing left to repeat: the job did not queue itself again.
    expect((await kit.pendingJobs()).filter((j) => j.dedup_key === id)).toEqual([]);
    expect(await kit.actions(id)).toEqual(['meeting.alert-raised', 'meeting.alert-delivered', 'meeting.alert-delivered', 'meeting.alert-delivered', 'meeting.alert-acknowledged']);
    // Acknowledged, the person still there: still open on the run sheet (not raised again while they stay).
    expect(await kit.deps.live.listWithOpenAlerts()).toContain(id);
  });

  it('repeats until the person leaves, then stops', async () => {
    const id = await newConference();
    await raise(id);
    await later(30_000);
    expect(cardsToChair()).toHaveLength(2);
    await handleMeetingEvent(kit.deps, event(id, 'participant-leave', PEOPLE.mum, kit.deps.clock.now().toISOString()));
    await later(30_000);
    await later(30_000);
    expect(cardsToChair()).toHaveLength(2);
    expect((await kit.deps.live.get(id))!.alerts[0]).toMatchObject({ clearedBecause: 'left', deliveries: 2 });
  });

  it('only the chair acknowledges: anyone else is refused (MEETING.NOT_THE_CHAIR), audited, and changes nothing; a second press changes nothing', async () => {
    const id = await newConference();
    const alert = await raise(id);
    await expect(acknowledgeAlert(kit.deps, POLICE_ID, id, alert.id)).rejects.toMatchObject({ code: 'MEETING.NOT_THE_CHAIR' });
    expect((await kit.details('meeting.refused', id)).at(-1)).toEqual({ code: 'MEETING.NOT_THE_CHAIR', alertId: alert.id, command: 'alert-ack' });
    expect((await kit.deps.live.get(id))!.alerts[0]!.acknowledgedAt).toBeUndefined();
    await expect(acknowledgeAlert(kit.deps, CHAIR_ID, id, 'no-such-alert')).rejects.toMatchObject({ code: 'MEETING.ALERT_NOT_FOUND' });

    // The card's button: the acknowledged card comes back, without the button.
    const press = alertCardHandlers(kit.deps)['meeting.alert-ack'];
    const request = { verb: 'meeting.alert-ack', data: { conferenceId: id, alertId: alert.id }, actionId: 'a1', actorId: CHAIR_ID, tenantId: null, conversationId: 'a:chair' };
    const first = await press(request);
    expect(first.kind).toBe('card');
    expect(JSON.stringify(first)).toContain('Acknowledged at');
    expect(JSON.stringify(first)).not.toContain('"verb":"meeting.alert-ack"');
    const again = await acknowledgeAlert(kit.deps, CHAIR_ID, id, alert.id);
    expect(again.already).toBe(true);
    expect((await kit.actions(id)).filter((a) => a === 'meeting.alert-acknowledged')).toHaveLength(1);
  });

  it('start-up: an alert committed but never delivered (the process died before the send) is delivered, and its repeat queued', async () => {
    const id = await newConference();
    // The use case without the in-process delivery: exactly the state a kill -9 after the commit leaves.
    const r = await handleMeetingEvent(kit.deps, event(id, 'participant-join', PEOPLE.mum, T(5)));
    expect(r.outcome === 'applied' && r.raised).toHaveLength(1);
    expect(cardsToChair()).toEqual([]);
    await kit.db.query(`UPDATE jobs SET status = 'done' WHERE status = 'pending'`); // even the repeat job lost
    const resumed = await resumeOpenAlerts(kit.deps);
    expect(resumed.delivered).toBe(1);
    expect(cardsToChair()).toHaveLength(1);
    expect((await kit.deps.live.get(id))!.alerts[0]!.deliveries).toBe(1);
    expect((await kit.pendingJobs()).filter((j) => j.dedup_key === id)).toHaveLength(1);
    // A second start-up sends nothing again (delivered alerts are the repeat job's).
    expect((await resumeOpenAlerts(kit.deps)).delivered).toBe(0);
  });

  it('a chair without a 1:1 chat still gets the in-meeting notification, and the repeat keeps trying the chat', async () => {
    const id = await newConference();
    kit.deps.notifier.unreachable.add(CHAIR_ID);
    kit.deps.meetingNotifier.sent.length = 0;
    try {
      const alert = await raise(id);
      expect(alert.deliveries).toBe(1);
      expect(kit.deps.meetingNotifier.sent).toHaveLength(1);
      expect((await kit.details('meeting.alert-delivered', id))[0]).toMatchObject({ card: false, inMeeting: true });
    } finally {
      kit.deps.notifier.unreachable.delete(CHAIR_ID);
    }
    await later(30_000);
    expect(cardsToChair()).toHaveLength(1);
  });

  it('an alert raised elsewhere (a stage change, a match by hand) and delivered gets its repeat queued too', async () => {
    const id = await newConference();
    await handleMeetingEvent(kit.deps, event(id, 'participant-join', PEOPLE.chair, T(1)));
    const row = (await kit.deps.live.get(id))!;
    const raised = { id: 'stage-alert-1', kind: 'not-in-looked-after-part' as const, participantId: '29:police-1', inviteeId: 'police', stage: 'looked-after' as const, raisedAt: START, deliveries: 0 };
    await kit.deps.live.save({ ...row, stage: 'looked-after', alerts: [raised] });
    expect((await kit.pendingJobs()).filter((j) => j.dedup_key === id)).toEqual([]);
    expect(await deliverAlerts(kit.deps, id, [raised.id])).toEqual([{ alertId: raised.id, card: true, inMeeting: true }]);
    expect((await kit.pendingJobs()).filter((j) => j.dedup_key === id)).toHaveLength(1);
    await later(30_000);
    expect(cardsToChair()).toHaveLength(2);
  });
});
