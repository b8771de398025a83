// Two runs of the same booking at once (two clicks, two instances): one proceeds, the other stops
// with BOOKING.IN_PROGRESS; no e-mail is sent twice or marked wrongly, no false alert. On the SQL
// store (PGlite; PostgreSQL on the postgres leg), with a lease that expires.
import { bookMeeting } from '../../../bot/app/meetings/book-meeting.use-case';
import { standDown, syncBooking } from '../../../bot/app/meetings/change-booking.use-case';
import type { MailMessage, MailOutcome } from '../../../bot/app/ports/mailer.port';
import { sampleConference } from '../../invitations/booking-fakes';
import { BACKENDS } from '../../store/backends';
import { type SqlKit, startSqlKit } from './sql-booking-kit';

/** A mailer whose first send waits until released, so a second run can start meanwhile. */
function gateFirstSend(kit: SqlKit) {
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const inFlight = new Promise<void>((r) => { entered = r; });
  const real = kit.deps.mailer.sendEach.bind(kit.deps.mailer);
  let first = true;
  kit.deps.mailer.sendEach = async (messages: MailMessage[]): Promise<MailOutcome[]> => {
    if (first) {
      first = false;
      entered();
      await gate;
    }
    return real(messages);
  };
  return { release, inFlight };
}

describe.each(BACKENDS)('concurrent runs of one booking on $name', (backend) => {
  let kit: SqlKit;
  beforeEach(async () => {
    kit = await startSqlKit(backend);
    await kit.deps.store.create(sampleConference());
  });
  afterEach(async () => kit.stop());

  it('a second bookMeeting while the first is sending stops with BOOKING.IN_PROGRESS and touches nothing', async () => {
    const { release, inFlight } = gateFirstSend(kit);
    const first = bookMeeting(kit.deps, 'conf-1');
    await inFlight;
    await expect(bookMeeting(kit.deps, 'conf-1')).rejects.toMatchObject({ code: 'BOOKING.IN_PROGRESS' });
    release();
    const r = await first;
    expect(r.family).toEqual({ sent: ['mum', 'dad'], failed: [], unknown: [], late: [] });
    const saved = (await kit.deps.store.get('conf-1'))!;
    expect(saved.invitees.filter((i) => i.mail).map((i) => [i.id, i.mail!.state])).toEqual([['mum', 'sent'], ['dad', 'sent']]);
    expect(kit.deps.mailer.sent.map((m) => m.key)).toEqual(['mum', 'dad']);
    expect(await kit.openAlerts()).toEqual([]);
    expect(await kit.actions()).toEqual(['meeting.created', 'meeting.options-verified', 'invitation.family-mail']);
    // Once the first has finished, a new run may start (and has nothing to do).
    expect((await bookMeeting(kit.deps, 'conf-1')).family.sent).toEqual([]);
  });

  it('two runs started at the same instant: exactly one proceeds', async () => {
    // Both runs reach the lease before either may take it, and neither goes on until both have
    // had the lease's answer: otherwise a fast first run could finish and release it before the
    // second's query reached the server (seen on PostgreSQL under a loaded CI), and both succeed.
    const acquire = kit.deps.lease.acquire.bind(kit.deps.lease);
    const meet = () => {
      let arrived = 0;
      let all!: () => void;
      const done = new Promise<void>((r) => { all = r; });
      return async () => {
        arrived += 1;
        if (arrived === 2) all();
        if (arrived <= 2) await done;
      };
    };
    const beforeAcquire = meet();
    const afterAcquire = meet();
    kit.deps.lease.acquire = async (...args: Parameters<typeof acquire>) => {
      await beforeAcquire();
      const got = await acquire(...args);
      await afterAcquire();
      return got;
    };
    const results = await Promise.allSettled([bookMeeting(kit.deps, 'conf-1'), bookMeeting(kit.deps, 'conf-1')]);
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected.map((r) => (r.reason as { code?: string }).code)).toEqual(['BOOKING.IN_PROGRESS']);
    expect(kit.deps.meetings.creates).toHaveLength(1);
    expect(kit.deps.mailer.sent.map((m) => m.key)).toEqual(['mum', 'dad']);
    expect(await kit.openAlerts()).toEqual([]);
  });

  it('a stand-down clicked twice while the first is mailing: one cancel, one cancellation each', async () => {
    await bookMeeting(kit.deps, 'conf-1');
    kit.deps.mailer.sent.length = 0;
    const { release, inFlight } = gateFirstSend(kit);
    const first = standDown(kit.deps, 'conf-1', 'NOT_QUORATE');
    await inFlight;
    await expect(standDown(kit.deps, 'conf-1', 'NOT_QUORATE')).rejects.toMatchObject({ code: 'BOOKING.IN_PROGRESS' });
    await expect(syncBooking(kit.deps, 'conf-1')).rejects.toMatchObject({ code: 'BOOKING.IN_PROGRESS' });
    release();
    expect((await first).family.sent).toEqual(['mum', 'dad']);
    expect(kit.deps.meetings.cancels).toHaveLength(1);
    expect(kit.deps.mailer.sent.map((m) => m.key)).toEqual(['mum', 'dad']);
    expect(await kit.openAlerts()).toEqual([]);
  });

  it('a crashed run blocks nobody once its lease has expired; its in-flight e-mails are reported unknown, not resent', async () => {
    kit.deps.mailer.script = [() => 'crash'];
    await expect(bookMeeting(kit.deps, 'conf-1')).rejects.toThrow('CRASH');
    // The crash is a process dying: its lease stays behind until it expires.
    await kit.db.query("INSERT INTO conference_leases (conference_id, holder, expires_at) VALUES ('conf-1', 'dead-instance', $1) ON CONFLICT (conference_id) DO UPDATE SET holder = 'dead-instance', expires_at = $1", [new Date(kit.deps.clock.now().getTime() + 60_000).toISOString()]);
    await expect(bookMeeting(kit.deps, 'conf-1')).rejects.toMatchObject({ code: 'BOOKING.IN_PROGRESS' });
    kit.deps.clock.advance(61_000);
    const r = await bookMeeting(kit.deps, 'conf-1');
    expect(r.family.unknown).toEqual([]);
    expect(r.conference.invitees.filter((i) => i.mail).map((i) => [i.id, i.mail!.state, i.mail!.code])).toEqual([['mum', 'unknown', 'MAIL.INTERRUPTED'], ['dad', 'unknown', 'MAIL.INTERRUPTED']]);
    expect(kit.deps.mailer.calls).toBe(1);
  });
});
