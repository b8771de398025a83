// A crash at any point of booking or sending leaves the conference consistent and the step
// resumable: a child process runs the use case against PostgreSQL and the Graph sandbox and is
// SIGKILLed while one of its Graph requests is held — before the sandbox acts on it, or after it
// has acted but before the answer arrives (the one window Graph's own idempotency must cover).
// The parent then runs the same use case to the end, once the killed run's lease has expired, and
// counts: one Teams event, the lock-down proven, at most one e-mail per family member (exactly
// one unless its outcome is recorded unknown and the clerk alerted), an intact audit chain.
// PostgreSQL leg only (two processes cannot share the embedded database).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { verifyAuditChain } from '../../../bot/adapters/store/sql-audit-log';
import { migrate } from '../../../bot/adapters/store/migrate';
import { bookMeeting } from '../../../bot/app/meetings/book-meeting.use-case';
import { syncBooking } from '../../../bot/app/meetings/change-booking.use-case';
import { type Harness, startHarness } from '../../graph/sandbox-harness';
import { sqlBookingDeps, type SqlBookingDeps } from '../../graph/sql-booking-deps';
import { sampleConference } from '../../invitations/booking-fakes';
import { BACKENDS } from '../../store/backends';
import { TEST_AUDIT_KEY, TEST_AUDIT_KEY_HEX } from '../../store/fixtures';
import type { CrashChildInput, CrashChildOp } from './crash-child';

const postgres = BACKENDS.find((b) => b.name === 'postgres');
const describePg = postgres ? describe : describe.skip;
const NOW = '2026-11-23T10:00:00.000Z';
const LEASE_TTL_MS = 1_000;
const HOLD_MS = 10 * 60_000;

let h: Harness;
let deps: SqlBookingDeps;
let fresh: Awaited<ReturnType<NonNullable<typeof postgres>['fresh']>>;
let childInput: CrashChildInput;

beforeAll(async () => {
  fresh = await postgres!.fresh();
  await migrate(fresh.db);
  h = await startHarness({ db: fresh.db });
  deps = sqlBookingDeps(h, fresh.db);
  childInput = { databaseUrl: fresh.url!, graph: h.config, caPem: h.sandbox.caCertPem!, now: NOW, leaseTtlMs: LEASE_TTL_MS, auditKeyHex: TEST_AUDIT_KEY_HEX };
}, 60_000);

afterAll(async () => {
  await h?.stop();
  await fresh?.db.close();
  await fresh?.drop();
}, 60_000);

function spawnChild(op: CrashChildOp, conferenceId: string): { child: ChildProcess; exited: Promise<number | null> } {
  const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
  const child = spawn(tsx, [join(__dirname, 'crash-child.ts'), op, conferenceId], {
    env: { ...process.env, CRASH_CHILD: JSON.stringify(childInput) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited };
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`CRASH_TEST.TIMEOUT waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs `op` in a child, holds its nth Graph request (before or after the sandbox acts) and kills it there. */
async function killAt(op: CrashChildOp, conferenceId: string, nth: number, when: 'before' | 'after'): Promise<void> {
  h.sandbox.setFaults({ rules: [{ kind: 'slow', nth: [nth], latencyMs: HOLD_MS, when }] });
  const { child, exited } = spawnChild(op, conferenceId);
  try {
    await until(() => (h.sandbox.faultStats()[0]?.fired ?? 0) === 1 || child.exitCode !== null, `request ${nth}`);
    expect(child.exitCode).toBeNull(); // it must not have finished without reaching request n
    // 'after': the sandbox acts in-process right after deciding; give it a moment to commit.
    if (when === 'after') await new Promise((r) => setTimeout(r, 300));
  } finally {
    child.kill('SIGKILL');
    await exited;
    h.sandbox.setFaults(undefined);
  }
  // The killed run's lease expires; a rerun may take the conference.
  deps.clock.set(new Date(Date.parse(NOW) + 5 * LEASE_TTL_MS));
}

async function graphRequestsOfFullRun(op: CrashChildOp, conferenceId: string): Promise<number> {
  h.clearLog();
  const { child, exited } = spawnChild(op, conferenceId);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  expect(await exited).toBe(0);
  expect(out).toContain('DONE');
  return h.graphRequests().length;
}

async function familyMailCount(caseReference: string, address: string): Promise<number> {
  const s = await h.state();
  return s.mailboxes.find((b) => b.mailbox === address)?.messages.filter((m) => m.folder === 'inbox' && m.subject.includes(caseReference)).length ?? 0;
}

async function expectConsistent(conferenceId: string, caseReference: string, opts: { familyIds: string[] }): Promise<void> {
  const c = (await deps.store.get(conferenceId))!;
  expect(c.status).toBe('booked');
  expect(c.meeting?.optionsVerified).toBe(true);
  expect(c.meeting?.syncedBookingVersion).toBe(c.bookingVersion);
  const events = (await h.state()).events.filter((e) => e.subject.startsWith(caseReference));
  expect(events).toHaveLength(1);
  const alerts = (await deps.alerts.open(conferenceId)).map((a) => a.code);
  for (const id of opts.familyIds) {
    const invitee = c.invitees.find((i) => i.id === id)!;
    const count = await familyMailCount(caseReference, invitee.email);
    expect(count).toBeLessThanOrEqual(1);
    if (invitee.mail?.state === 'sent') expect(count).toBe(1);
    else {
      expect(invitee.mail?.state).toBe('unknown');
      expect(alerts).toContain('INVITATION.FAMILY_MAIL_NOT_CONFIRMED');
    }
  }
  expect((await verifyAuditChain(fresh.db, TEST_AUDIT_KEY)).ok).toBe(true);
}

describePg('a process killed mid-step, then run again (PostgreSQL + Graph sandbox)', () => {
  let seq = 0;
  const nextConference = async () => {
    seq += 1;
    const id = `crash-${seq}`;
    const caseReference = `CP-2026-9${String(seq).padStart(3, '0')}`;
    await deps.store.create(sampleConference({ id, caseReference }));
    return { id, caseReference };
  };

  it('booking: killed before and after each of its Graph requests, the rerun completes it exactly once', async () => {
    deps.clock.set(NOW);
    const probe = await nextConference();
    const total = await graphRequestsOfFullRun('book', probe.id);
    await expectConsistent(probe.id, probe.caseReference, { familyIds: ['mum', 'dad'] });
    expect(total).toBeGreaterThanOrEqual(4); // create, find, PATCH options, GET options, the family batch

    for (let nth = 1; nth <= total; nth++) {
      for (const when of ['before', 'after'] as const) {
        deps.clock.set(NOW);
        const { id, caseReference } = await nextConference();
        await killAt('book', id, nth, when);
        await bookMeeting(deps, id);
        await expectConsistent(id, caseReference, { familyIds: ['mum', 'dad'] });
      }
    }
  }, 300_000);

  it('sending a change: killed before and after each request of the sync, the rerun sends each person one message', async () => {
    for (const when of ['before', 'after'] as const) {
      for (const nth of [1, 2]) {
        deps.clock.set(NOW);
        const { id, caseReference } = await nextConference();
        await bookMeeting(deps, id);
        // A professional and a family member added in one change, not yet sent: the event PATCH
        // (request 1) and the family e-mail (request 2) are both due.
        const c = (await deps.store.get(id))!;
        await deps.store.save({
          ...c,
          bookingVersion: c.bookingVersion + 1,
          invitees: [
            ...c.invitees,
            { id: 'p-gp', role: 'professional', agency: 'health', displayName: 'Dr Example', email: `gp-${id}@example.org`, status: 'pending' },
            { id: 'gran', role: 'family-other', displayName: 'Jo Example', email: `gran-${id}@example.org`, joinAt: '2026-12-10T10:30', status: 'pending' },
          ],
        });
        await killAt('sync', id, nth, when);
        await syncBooking(deps, id);
        await expectConsistent(id, caseReference, { familyIds: ['mum', 'dad', 'gran'] });
      }
    }
  }, 300_000);
});
