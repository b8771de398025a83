// State survives a restart on the same database; the request log never holds a token or secret.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../bot/adapters/store/open-database';
import { snapshot } from '../../scripts/graph-sandbox/mailbox-report';
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { DEFAULT_CLIENT } from '../../scripts/graph-sandbox/start-graph-sandbox';
import { eventBody, mailBody, ORGANIZER, startKit } from './helpers/sandbox-test-kit';
import { seedDataDir } from '../support/template-databases';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'graph-sandbox-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('events, meetings, mail, the signing key and the certificate survive a restart on the same database', async () => {
  const dataDir = join(dir, 'db');
  await seedDataDir(dataDir, 'empty'); // a new folder after its first start, without initdb
  const db1 = await openDatabase({ dataDir });
  const first = await startKit({ tls: false }, db1);
  const token = await first.token();
  const created = await first.call('POST', `/users/${ORGANIZER}/events`, eventBody({ transactionId: 'persist-1' }));
  expect(created.status).toBe(201);
  const meetingList = await first.call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${created.json.onlineMeeting.joinUrl}'`)}`);
  const meetingId = meetingList.json.value[0].id as string;
  expect((await first.call('PATCH', `/users/${ORGANIZER}/onlineMeetings/${meetingId}`, { allowMeetingChat: 'disabled' })).status).toBe(200);
  expect((await first.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('persist@example.net'))).status).toBe(202);
  await first.stop();
  await db1.close();

  const db2 = await openDatabase({ dataDir });
  const second = await startKit({}, db2);
  try {
    const auth = { authorization: `Bearer ${token}` }; // issued before the restart
    const got = await second.call('GET', `/users/${ORGANIZER}/events/${encodeURIComponent(created.json.id)}`, undefined, auth);
    expect(got.status).toBe(200);
    expect(got.json.onlineMeeting.joinUrl).toBe(created.json.onlineMeeting.joinUrl);
    const retry = await second.call('POST', `/users/${ORGANIZER}/events`, eventBody({ transactionId: 'persist-1' }), auth);
    expect(retry.json.id).toBe(created.json.id);
    expect((await second.call('GET', `/users/${ORGANIZER}/onlineMeetings/${meetingId}`, undefined, auth)).json.allowMeetingChat).toBe('disabled');
    const boxes = (await snapshot(new SandboxStore(db2))).mailboxes.map((m) => m.mailbox);
    expect(boxes).toContain('persist@example.net');
  } finally {
    await second.stop();
    await db2.close();
  }
}, 90_000);

test('the TLS certificate is the same after a restart on the same database', async () => {
  const dataDir = join(dir, 'db-tls');
  await seedDataDir(dataDir, 'empty');
  const pems: string[] = [];
  for (let i = 0; i < 2; i++) {
    const db = await openDatabase({ dataDir });
    const kit = await startKit({ tls: true }, db);
    pems.push(kit.sandbox.caCertPem!);
    await kit.stop();
    await db.close();
  }
  expect(pems[0]).toContain('BEGIN CERTIFICATE');
  expect(pems[1]).toBe(pems[0]);
}, 90_000);

test('the log has one JSON line per request, with bodies, and no token, secret or Authorization header', async () => {
  const logFile = join(dir, 'requests.jsonl');
  const kit = await startKit({ logFile, faults: { rules: [{ kind: 'throttle', path: '/sendMail$', nth: [2] }] } });
  try {
    const token = await kit.token();
    await kit.call('POST', `/users/${ORGANIZER}/events`, eventBody({ transactionId: 'log-1' }));
    await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('log.one@example.net'));
    await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('log.two@example.net'));
    await fetch(`${kit.sandbox.url}/_sandbox`);
    const text = readFileSync(logFile, 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    // token (explicit) + token (kit.call's own) + 3 Graph calls; /_sandbox is not logged
    expect(lines.map((l) => [l.method, l.path.replace(kit.sandbox.tenantId, '{tenant}'), l.status, l.fault ?? null])).toEqual([
      ['POST', '/{tenant}/oauth2/v2.0/token', 200, null],
      ['POST', '/{tenant}/oauth2/v2.0/token', 200, null],
      ['POST', `/v1.0/users/${ORGANIZER}/events`, 201, null],
      ['POST', `/v1.0/users/${ORGANIZER}/sendMail`, 202, null],
      ['POST', `/v1.0/users/${ORGANIZER}/sendMail`, 429, 'throttle'],
    ]);
    expect(lines[0].body).toEqual({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT.clientId, scope: 'https://graph.microsoft.com/.default' });
    expect(lines[2].body.transactionId).toBe('log-1');
    expect(lines[3].body.message.toRecipients).toEqual([{ emailAddress: { address: 'log.one@example.net' } }]);
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split('.')[2]!);
    expect(text).not.toContain(DEFAULT_CLIENT.clientSecret!);
    expect(text.toLowerCase()).not.toContain('bearer');
    expect(lines.every((l) => !('authorization' in l.headers))).toBe(true);
  } finally {
    await kit.stop();
  }
});
