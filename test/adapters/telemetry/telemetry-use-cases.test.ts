// The product's instruments, recorded by the real use cases into the OpenTelemetry SDK's in-memory
// reader and span exporter through the adapter: a Graph 429 from the sandbox's fault injector
// during a booking, an alert raised and delivered to the chair, reminders fired and deadlines
// missed by the reminder job. Every attribute value is checked against the invented people's
// names, e-mail addresses and the case references the tests use: none may appear.
import { AggregationTemporality, MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createGraphAdapters } from '../../../bot/adapters/graph/create-graph-adapters';
import type { Database } from '../../../bot/adapters/store/database';
import { SqlJobQueue } from '../../../bot/adapters/store/sql-job-queue';
import { SqlRemindersSent } from '../../../bot/adapters/store/sql-reminders-sent';
import { createOtelTelemetry } from '../../../bot/adapters/telemetry/otel-telemetry.adapter';
import { JOB_KINDS as ALL_KINDS } from '../../../bot/app/jobs/job-kinds';
import { JobWorker } from '../../../bot/app/jobs/job-worker';
import { meetingEventHandler } from '../../../bot/app/meeting/live/handle-meeting-event.use-case';
import { bookMeeting } from '../../../bot/app/meetings/book-meeting.use-case';
import type { Telemetry } from '../../../bot/app/ports/telemetry.port';
import { REMINDER_JOB_KIND } from '../../../bot/app/reminders/reminder-job';
import { reminderJobHandler } from '../../../bot/app/reminders/send-reminder.handler';
import { invitee, sampleConference } from '../../invitations/booking-fakes';
import { startSqlKit } from '../../app/meetings/sql-booking-kit';
import { event, liveConference, PEOPLE, startLiveKit } from '../../app/meeting/live/support/live-kit';
import { RecordingNotifier } from '../../app/reminders/support/recording-notifier';
import { reminderConference } from '../../app/reminders/support/reminder-fixture';
import { type Harness, startHarness } from '../../graph/sandbox-harness';
import { sqlBookingDeps } from '../../graph/sql-booking-deps';
import type { Backend } from '../../store/backends';
import { migratedMemoryDatabase } from '../../support/template-databases';

/** PGlite from the migrated template (the kits' migrate() then has nothing to do): the slow part skipped. */
const MIGRATED: Backend = {
  name: 'pglite',
  fresh: async () => ({ db: await migratedMemoryDatabase(), reopen: () => Promise.reject(new Error('in memory')), drop: async () => undefined }),
};

/** A reader the test collects from when it wants (no timer). */
class CollectingReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

interface Point {
  metric: string;
  unit: string;
  attributes: Record<string, unknown>;
  value: unknown;
}

function pointsOf(rm: ResourceMetrics): Point[] {
  return rm.scopeMetrics.flatMap((s) =>
    s.metrics.flatMap((m) => m.dataPoints.map((p) => ({ metric: m.descriptor.name, unit: m.descriptor.unit, attributes: { ...p.attributes }, value: p.value }))),
  );
}

function sdk(): { telemetry: Telemetry; points(): Promise<Point[]>; spans: InMemorySpanExporter } {
  const reader = new CollectingReader();
  const spans = new InMemorySpanExporter();
  const telemetry = createOtelTelemetry(new MeterProvider({ readers: [reader] }), new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
  return { telemetry, spans, points: async () => pointsOf((await reader.collect()).resourceMetrics) };
}

const sum = (points: Point[], metric: string, attributes: Record<string, unknown>) =>
  points.filter((p) => p.metric === metric && Object.entries(attributes).every(([k, v]) => p.attributes[k] === v)).reduce((n, p) => n + (p.value as number), 0);

/** Every attribute value of every point and span, as text. */
async function everyAttributeValue(s: ReturnType<typeof sdk>): Promise<string[]> {
  const fromMetrics = (await s.points()).flatMap((p) => Object.values(p.attributes));
  const fromSpans = s.spans.getFinishedSpans().flatMap((sp) => Object.values(sp.attributes));
  return [...fromMetrics, ...fromSpans].map(String);
}

function expectNoneOf(values: string[], secrets: string[]): void {
  expect(values.length).toBeGreaterThan(0);
  for (const v of values) for (const secret of secrets) expect(v.toLowerCase()).not.toContain(secret.toLowerCase());
}

describe('Graph retries and throttling, booking against the sandbox', () => {
  let h: Harness;
  let db: Database;
  beforeAll(async () => {
    db = await migratedMemoryDatabase();
    h = await startHarness({ db });
  });
  afterAll(async () => {
    await h.stop();
    await db.close();
  });

  it('a 429 on the create and on one family e-mail: counted as throttled and retried, with status and scope only', async () => {
    const s = sdk();
    const graph = createGraphAdapters(h.config, { caPem: h.sandbox.caCertPem!, retryDelaySeconds: 0, sleep: async () => undefined, telemetry: s.telemetry });
    h.sandbox.setFaults({
      rules: [
        { kind: 'throttle', method: 'POST', path: '/events$', nth: [1], retryAfterSeconds: 0 },
        { kind: 'throttle', scope: 'batchItem', path: '/sendMail$', nth: [1], retryAfterSeconds: 0 },
      ],
    });
    const base = sampleConference({});
    const family = [invitee('mum', 'parent', { displayName: 'Avery Quillfeather', email: 'avery.quillfeather@family-otel.example.org' }), invitee('dad', 'parent', { displayName: 'Rowan Quillfeather', email: 'rowan.q@family-otel.example.org' })];
    const conference = { ...base, id: 'conf-otel-graph', caseReference: 'CP-2026-7311', invitees: [...base.invitees.filter((i) => i.role !== 'parent').map((i) => ({ ...i, email: `${i.id}@otel.example.org` })), ...family] };
    const deps = { ...sqlBookingDeps(h, db), meetings: graph.meetings, mailer: graph.mailer };
    await deps.store.create(conference);
    try {
      const result = await bookMeeting(deps, conference.id);
      expect(result.family.sent.sort()).toEqual(['dad', 'mum']);
    } finally {
      graph.close();
      h.sandbox.setFaults(undefined);
    }
    const points = await s.points();
    expect(sum(points, 'cpc.graph.throttled', { 'cpc.graph.scope': 'request' })).toBe(1);
    expect(sum(points, 'cpc.graph.throttled', { 'cpc.graph.scope': 'batch-item' })).toBe(1);
    expect(sum(points, 'cpc.graph.retries', { 'cpc.graph.retry_reason': 'throttled', 'http.response.status_code': 429, 'cpc.graph.scope': 'request' })).toBe(1);
    expect(sum(points, 'cpc.graph.retries', { 'cpc.graph.retry_reason': 'throttled', 'http.response.status_code': 429, 'cpc.graph.scope': 'batch-item' })).toBe(1);
    expect(points.filter((p) => p.metric === 'cpc.telemetry.attributes_dropped')).toEqual([]);
    const names = conference.invitees.flatMap((i) => [i.displayName, i.email ?? '']).filter(Boolean);
    expectNoneOf(await everyAttributeValue(s), [...names, conference.caseReference, conference.id]);
  });
});

describe('alerts raised and their latency', () => {
  it('a parent joining the professionals-only part: one alert raised, delivered to the chair 800 ms after the join, in a span', async () => {
    const kit = await startLiveKit(MIGRATED);
    try {
      const s = sdk();
      const deps = { ...kit.deps, telemetry: s.telemetry };
      const conference = liveConference('live-otel-1');
      await kit.deps.store.create(conference);
      const onEvent = meetingEventHandler(deps);
      await onEvent(event(conference.id, 'participant-join', PEOPLE.chair, '2026-12-10T10:04:00.000Z'));
      // Teams stamped the join at 10:04:59.2; the bot's clock reads 10:05:00 when it delivers.
      kit.deps.clock.set('2026-12-10T10:05:00.000Z');
      expect(await onEvent(event(conference.id, 'participant-join', PEOPLE.mum, '2026-12-10T10:04:59.200Z'))).toMatchObject({ raised: 1 });

      const points = await s.points();
      expect(sum(points, 'cpc.meeting.alerts.raised', { 'cpc.alert.kind': 'family-in-confidential', 'cpc.alert.trigger': 'meeting-event' })).toBe(1);
      const latency = points.filter((p) => p.metric === 'cpc.meeting.alert.latency');
      expect(latency).toHaveLength(1);
      expect(latency[0]).toMatchObject({ unit: 'ms', attributes: { 'cpc.alert.kind': 'family-in-confidential', 'cpc.alert.channel': 'both' }, value: expect.objectContaining({ count: 1, sum: 800 }) });
      const spans = s.spans.getFinishedSpans().map((sp) => [sp.name, sp.attributes]);
      expect(spans).toEqual([
        ['cpc.meeting.event', { 'cpc.meeting.event_type': 'participant-join', 'cpc.outcome': 'applied', 'cpc.alerts.raised': 0 }],
        ['cpc.meeting.event', { 'cpc.meeting.event_type': 'participant-join', 'cpc.outcome': 'applied', 'cpc.alerts.raised': 1 }],
      ]);
      const secrets = [...conference.invitees.flatMap((i) => [i.displayName, i.email ?? '']), ...Object.values(PEOPLE).map((p) => p.displayName), PEOPLE.mum.email, conference.caseReference, conference.id, PEOPLE.mum.participantId];
      expectNoneOf(await everyAttributeValue(s), secrets.filter(Boolean));
    } finally {
      await kit.stop();
    }
  });
});

describe('reminders fired and deadlines missed, by the reminder job', () => {
  it('the T9 reminders fire; the bot down past the T10 and T10b deadlines counts them missed (not the T11 and T24 notices)', async () => {
    const kit = await startSqlKit(MIGRATED);
    const kinds = { [REMINDER_JOB_KIND]: ALL_KINDS[REMINDER_JOB_KIND] };
    const s = sdk();
    const jobs = new SqlJobQueue(kit.db, kit.deps.clock, kinds, { leaseMs: 60_000, backoffMs: 1_000, maxAttempts: 3 });
    const deps = Object.assign(kit.deps, { jobs, notifier: new RecordingNotifier(), remindersSent: new SqlRemindersSent(kit.db), telemetry: s.telemetry });
    const worker = new JobWorker({ ledger: jobs, uow: deps.uow, kinds, holder: 'w1', handlers: { [REMINDER_JOB_KIND]: reminderJobHandler(deps) }, batchSize: 50, telemetry: s.telemetry });
    try {
      const conference = reminderConference('conf-otel-rem');
      await kit.deps.store.create(conference);
      await bookMeeting(deps, conference.id);
      kit.deps.clock.set('2026-12-04T09:00:00.000Z');
      expect(await worker.runOnce()).toBe(3); // T7 (not needed: every invitation sent) and T9 to each professional
      kit.deps.clock.set('2026-12-10T09:45:00.000Z');
      expect(await worker.runOnce()).toBe(5); // T10, T10b, T11 twice, T24: every deadline closed

      const points = await s.points();
      expect(sum(points, 'cpc.reminders.fired', { 'cpc.reminder': 'T9', 'cpc.profile': 'england' })).toBe(2);
      expect(sum(points, 'cpc.reminders.fired', {})).toBe(2);
      const missed = points.filter((p) => p.metric === 'cpc.deadlines.missed').map((p) => [p.attributes, p.value]);
      expect(missed).toEqual(
        expect.arrayContaining([
          [{ 'cpc.rule': 'T10', 'cpc.conference.kind': conference.kind, 'cpc.profile': 'england' }, 1],
          [{ 'cpc.rule': 'T10b', 'cpc.conference.kind': conference.kind, 'cpc.profile': 'england' }, 1],
        ]),
      );
      expect(missed).toHaveLength(2);
      const jobSpans = s.spans.getFinishedSpans().filter((sp) => sp.name === 'cpc.job');
      expect(jobSpans).toHaveLength(8);
      expect(jobSpans.every((sp) => sp.attributes['cpc.job.kind'] === REMINDER_JOB_KIND && sp.attributes['cpc.outcome'] === 'done')).toBe(true);
      const secrets = [...conference.invitees.flatMap((i) => [i.displayName, i.email ?? '', i.directoryId ?? '']), conference.caseReference, conference.id];
      expectNoneOf(await everyAttributeValue(s), secrets.filter(Boolean));
    } finally {
      await worker.close();
      await kit.stop();
    }
  });
});

describe('the allow-list', () => {
  it('drops a key not on it and a value outside its closed set, and counts each drop without its value', async () => {
    const s = sdk();
    // As a caller outside the types could: a name where a kind belongs, an e-mail under a key of its own.
    const loose = s.telemetry as unknown as { alertRaised(e: object): void; reminderFired(e: object): void };
    loose.alertRaised({ kind: 'Avery Quillfeather', trigger: 'meeting-event' });
    loose.reminderFired({ reminder: 'T9', profileId: 'avery.quillfeather@family-otel.example.org' });
    await s.telemetry.span('cpc.job', { 'cpc.job.kind': 'CP-2026-7311', ...({ 'user.email': 'rowan.q@family-otel.example.org' } as object) }, async () => undefined);
    const points = await s.points();
    expect(points.find((p) => p.metric === 'cpc.meeting.alerts.raised')?.attributes).toEqual({ 'cpc.alert.trigger': 'meeting-event' });
    expect(points.find((p) => p.metric === 'cpc.reminders.fired')?.attributes).toEqual({ 'cpc.reminder': 'T9' });
    expect(s.spans.getFinishedSpans()[0]!.attributes).toEqual({});
    expect(sum(points, 'cpc.telemetry.attributes_dropped', {})).toBe(4);
    expect(points.find((p) => p.metric === 'cpc.telemetry.attributes_dropped')?.attributes).toEqual({});
    expectNoneOf(await everyAttributeValue(s), ['Quillfeather', 'family-otel', 'CP-2026-7311']);
  });

  it('an error in a span marks it with the error class only, never its message', async () => {
    const s = sdk();
    await expect(s.telemetry.span('cpc.job', { 'cpc.job.kind': REMINDER_JOB_KIND }, async () => {
      throw new TypeError('case CP-2026-7311 for Avery Quillfeather');
    })).rejects.toThrow(TypeError);
    const span = s.spans.getFinishedSpans()[0]!;
    expect(span.status).toEqual({ code: 2, message: 'TypeError' });
    expect(span.events).toEqual([]);
  });
});
