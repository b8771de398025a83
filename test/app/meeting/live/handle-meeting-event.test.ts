// Teams' meeting events applied to the live meeting on the SQL store (issue 9 "The roster" and
// "Bad input, and nothing lost"): matching, alerts raised/cleared and audited, redelivered,
// duplicated and out-of-order events, an unknown meeting, another meeting id, two conferences.
import { handleMeetingEvent, meetingEventHandler } from '../../../../bot/app/meeting/live/handle-meeting-event.use-case';
import { BACKENDS } from '../../../store/backends';
import { CHAIR_ID, event, liveConference, type LiveKit, meetingIdOf, PEOPLE, startLiveKit, threadOf } from './support/live-kit';

const T = (minute: number, second = 0) => `2026-12-10T10:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}.000Z`;

describe.each(BACKENDS)('meeting events on $name', (backend) => {
  let kit: LiveKit;
  let n = 0;
  const newConference = async (over = {}) => {
    const id = `live-${++n}`;
    await kit.deps.store.create(liveConference(id, over));
    return id;
  };
  const onEvent = () => meetingEventHandler(kit.deps);

  beforeAll(async () => {
    kit = await startLiveKit(backend);
  }, 60_000);
  afterAll(async () => kit.stop());
  beforeEach(() => {
    kit.deps.notifier.sent.length = 0;
    kit.deps.meetingNotifier.sent.length = 0;
  });

  it('an event of a meeting no conference owns is refused (MEETING.NOT_FOUND), audited with ids only, and stores nothing', async () => {
    const stray = { ...event('nobody', 'participant-join', PEOPLE.stranger, T(5)), activityId: 'act-1' };
    expect(await onEvent()(stray)).toEqual({ outcome: 'refused', code: 'MEETING.NOT_FOUND' });
    const refused = await kit.details('meeting.refused', null);
    expect(refused.at(-1)).toEqual({ code: 'MEETING.NOT_FOUND', eventType: 'participant-join', threadId: threadOf('nobody'), teamsMeetingId: meetingIdOf('nobody'), activityId: 'act-1' });
    expect(await kit.deps.live.listWithOpenAlerts()).toEqual([]);
    expect(kit.deps.notifier.sent).toEqual([]);
  });

  it('the first event creates the live meeting; the chair and a professional are matched by Entra id, no alert', async () => {
    const id = await newConference();
    expect(await onEvent()(event(id, 'meeting-start', T(0)))).toMatchObject({ outcome: 'applied', raised: 0 });
    await onEvent()(event(id, 'participant-join', [PEOPLE.chair, PEOPLE.police], T(1)));
    const live = (await kit.deps.live.get(id))!;
    expect(live).toMatchObject({ teamsMeetingId: meetingIdOf(id), stage: 'pre-meeting', startedAt: T(0), chat: { conversationId: threadOf(id) } });
    expect(live.roster.map((r) => [r.participantId, r.inviteeId, r.matchedBy, r.inMeeting])).toEqual([
      ['29:chair-1', 'chair', 'entra-id', true],
      ['29:police-1', 'police', 'entra-id', true],
    ]);
    expect(live.alerts).toEqual([]);
    expect(await kit.actions(id)).toEqual(['meeting.started']);
  });

  it('a parent joining the professionals-only part raises one alert: audited, sent to the chair at once (1:1 card and in-meeting notification)', async () => {
    const id = await newConference();
    await onEvent()(event(id, 'participant-join', PEOPLE.chair, T(1)));
    expect(await onEvent()(event(id, 'participant-join', PEOPLE.mum, T(2)))).toMatchObject({ outcome: 'applied', raised: 1 });
    const live = (await kit.deps.live.get(id))!;
    const alert = live.alerts[0]!;
    expect(alert).toMatchObject({ kind: 'family-in-confidential', participantId: '29:guest-mum', inviteeId: 'mum', stage: 'pre-meeting', deliveries: 1 });
    expect(live.roster.find((r) => r.participantId === '29:guest-mum')).toMatchObject({ inviteeId: 'mum', matchedBy: 'email' });

    expect(kit.deps.notifier.sent.map((s) => s.personId)).toEqual([CHAIR_ID]);
    const card = JSON.stringify(kit.deps.notifier.sent[0]!.card);
    expect(card).toContain('Parent');
    expect(card).toContain('meeting.alert-ack');
    expect(card).toContain(alert.id);
    // No family name: not the invitee's, not the one Teams shows for a matched person.
    expect(card).not.toMatch(/Morgan|Parentname/);
    expect(kit.deps.meetingNotifier.sent).toEqual([
      { conversationId: threadOf(id), teamsMeetingId: meetingIdOf(id), n: { recipients: ['29:chair-1'], url: expect.stringMatching(new RegExp(`^https://bot\\.council\\.example/tab/run-sheet\\?conference=${id}&token=`)), title: expect.stringContaining('Meeting alert') } },
    ]);
    expect(await kit.actions(id)).toEqual(['meeting.alert-raised', 'meeting.alert-delivered']);
    expect((await kit.details('meeting.alert-raised', id))[0]).toEqual({ alertId: alert.id, kind: 'family-in-confidential', stage: 'pre-meeting', participantId: '29:guest-mum', inviteeId: 'mum' });
    // The repeat is queued with the alert.
    expect((await kit.pendingJobs()).filter((j) => j.dedup_key === id)).toHaveLength(1);
  });

  it('a redelivered or duplicated join changes nothing: no second alert, no second card', async () => {
    const id = await newConference();
    const join = event(id, 'participant-join', PEOPLE.mum, T(2));
    await onEvent()(join);
    const before = (await kit.deps.live.get(id))!;
    expect(await onEvent()(join)).toMatchObject({ outcome: 'unchanged' });
    expect(await onEvent()(structuredClone(join))).toMatchObject({ outcome: 'unchanged' });
    // The same person again a little later (a second device, a client retry): still one alert.
    expect(await onEvent()(event(id, 'participant-join', PEOPLE.mum, T(3)))).toMatchObject({ raised: 0 });
    const after = (await kit.deps.live.get(id))!;
    expect(after.alerts).toEqual(before.alerts);
    expect(after.roster).toHaveLength(1);
    expect(kit.deps.notifier.sent).toHaveLength(1);
    expect((await kit.actions(id)).filter((a) => a === 'meeting.alert-raised')).toHaveLength(1);
  });

  it('out of order: a leave that overtakes its join keeps the person out (the late join changes nothing)', async () => {
    const id = await newConference();
    await onEvent()(event(id, 'participant-leave', PEOPLE.mum, T(4)));
    expect(await onEvent()(event(id, 'participant-join', PEOPLE.mum, T(2)))).toMatchObject({ outcome: 'unchanged', raised: 0 });
    const live = (await kit.deps.live.get(id))!;
    expect(live.roster).toEqual([expect.objectContaining({ participantId: '29:guest-mum', inMeeting: false, lastEventAt: T(4) })]);
    expect(live.alerts).toEqual([]);
    expect(kit.deps.notifier.sent).toEqual([]);
  });

  it('the person leaving clears the alert (because left), audited in the same save; an older leave after a rejoin is ignored', async () => {
    const id = await newConference();
    await onEvent()(event(id, 'participant-join', PEOPLE.mum, T(2)));
    expect(await onEvent()(event(id, 'participant-leave', PEOPLE.mum, T(3)))).toMatchObject({ outcome: 'applied', cleared: 1 });
    let live = (await kit.deps.live.get(id))!;
    expect(live.alerts[0]).toMatchObject({ clearedAt: T(3), clearedBecause: 'left' });
    expect(await kit.deps.live.listWithOpenAlerts()).not.toContain(id);
    expect((await kit.details('meeting.alert-cleared', id))[0]).toMatchObject({ alertId: live.alerts[0]!.id, because: 'left' });
    // Back again: a new alert. Then a stale leave (older than the rejoin) arrives late: ignored.
    await onEvent()(event(id, 'participant-join', PEOPLE.mum, T(6)));
    expect(await onEvent()(event(id, 'participant-leave', PEOPLE.mum, T(5)))).toMatchObject({ outcome: 'unchanged' });
    live = (await kit.deps.live.get(id))!;
    expect(live.alerts.filter((a) => !a.clearedAt)).toHaveLength(1);
    expect(live.roster[0]!.inMeeting).toBe(true);
  });

  it('an unknown joiner is an alert whose card shows the name Teams shows, for the chair to recognise', async () => {
    const id = await newConference();
    await onEvent()(event(id, 'participant-join', [PEOPLE.chair, PEOPLE.stranger], T(2)));
    const live = (await kit.deps.live.get(id))!;
    expect(live.alerts.map((a) => [a.kind, a.participantId, a.inviteeId])).toEqual([['unknown-joiner', '29:guest-x', undefined]]);
    expect(JSON.stringify(kit.deps.notifier.sent[0]!.card)).toContain('Unknown Visitor (Guest)');
  });

  it('an event of another meeting than the row\'s is refused (MEETING.OTHER_MEETING), audited, and changes nothing', async () => {
    const id = await newConference();
    await onEvent()(event(id, 'participant-join', PEOPLE.chair, T(1)));
    const before = (await kit.deps.live.get(id))!;
    const other = { ...event(id, 'participant-join', PEOPLE.mum, T(2)), teamsMeetingId: 'MCMxsomething-else' };
    expect(await onEvent()(other)).toEqual({ outcome: 'refused', code: 'MEETING.OTHER_MEETING' });
    expect(await kit.deps.live.get(id)).toEqual(before);
    expect((await kit.details('meeting.refused', id)).at(-1)).toMatchObject({ code: 'MEETING.OTHER_MEETING', teamsMeetingId: 'MCMxsomething-else' });
    expect(kit.deps.notifier.sent).toEqual([]);
  });

  it('two conferences never mix: the same person in both meetings is on each roster separately', async () => {
    const a = await newConference();
    const b = await newConference();
    await onEvent()(event(a, 'participant-join', PEOPLE.police, T(1)));
    await onEvent()(event(b, 'participant-join', [PEOPLE.police, PEOPLE.mum], T(1)));
    await onEvent()(event(a, 'participant-leave', PEOPLE.police, T(2)));
    const liveA = (await kit.deps.live.get(a))!;
    const liveB = (await kit.deps.live.get(b))!;
    expect(liveA.roster.map((r) => [r.participantId, r.inMeeting])).toEqual([['29:police-1', false]]);
    expect(liveB.roster.map((r) => [r.participantId, r.inMeeting])).toEqual([['29:police-1', true], ['29:guest-mum', true]]);
    expect(liveA.alerts).toEqual([]);
    expect(liveB.alerts).toHaveLength(1);
  });

  it('a burst of joins at once into a meeting with no row yet: every one is on the roster (conflicts retried)', async () => {
    const id = await newConference();
    const members = Array.from({ length: 12 }, (_, i) => ({ participantId: `29:burst-${i}`, displayName: `Guest ${i}` }));
    const results = await Promise.all(members.map((m, i) => handleMeetingEvent(kit.deps, event(id, 'participant-join', m, T(1, i)))));
    expect(results.every((r) => r.outcome === 'applied')).toBe(true);
    const live = (await kit.deps.live.get(id))!;
    expect(live.roster.map((r) => r.participantId).sort()).toEqual(members.map((m) => m.participantId).sort());
    expect(live.alerts.filter((a) => a.kind === 'unknown-joiner')).toHaveLength(12);
  });

  it('meeting end closes the stage (by teams) and clears every open alert (because meeting-ended); a second end changes nothing', async () => {
    const id = await newConference();
    await onEvent()(event(id, 'participant-join', [PEOPLE.chair, PEOPLE.mum], T(2)));
    expect(await onEvent()(event(id, 'meeting-end', T(50)))).toMatchObject({ outcome: 'applied', cleared: 1 });
    const live = (await kit.deps.live.get(id))!;
    expect(live).toMatchObject({ stage: 'closed', endedAt: T(50) });
    expect(live.history).toEqual([{ from: 'pre-meeting', to: 'closed', at: T(50), by: 'teams' }]);
    expect(live.alerts[0]).toMatchObject({ clearedBecause: 'meeting-ended' });
    expect(await onEvent()(event(id, 'meeting-end', T(51)))).toMatchObject({ outcome: 'unchanged' });
    expect(await kit.actions(id)).toEqual(expect.arrayContaining(['meeting.ended', 'meeting.stage-changed', 'meeting.alert-cleared']));
  });

  it('a recording start (if Teams tells the bot) raises recording-started once; stopping clears it', async () => {
    const id = await newConference();
    const head = event(id, 'meeting-start', T(0));
    await onEvent()({ ...head, type: 'recording', what: 'recording', state: 'started', at: T(3) });
    await onEvent()({ ...head, type: 'recording', what: 'recording', state: 'started', at: T(4) });
    let live = (await kit.deps.live.get(id))!;
    expect(live.recording).toMatchObject({ recording: 'started', transcription: 'unknown' });
    expect(live.alerts.map((a) => a.kind)).toEqual(['recording-started']);
    await onEvent()({ ...head, type: 'recording', what: 'recording', state: 'stopped', at: T(9) });
    live = (await kit.deps.live.get(id))!;
    expect(live.alerts[0]!.clearedAt).toBe(T(9));
  });
});
