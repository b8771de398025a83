// The confirmation page for a professional without the app, over real HTTP: the link from the
// e-mail opens a page with the case reference, date and time (never a name), the form answers,
// and an expired, forged, wrong-purpose or someone else's link gets a clear page and changes nothing.
// The machine is shared: starting a server can take a while under load.
jest.setTimeout(120_000);

import { HmacLinkSigner, linkKeyFrom } from '../../bot/adapters/links/hmac-link-signer';
import { loadConfig } from '../../bot/config/load-config';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';
import { bookedConference, CLERK, type InviteKit, startInviteKit } from './support/invite-kit';

let kit: InviteKit;
let link: string;
const signer = new HmacLinkSigner(linkKeyFrom(loadConfig({ PORT: '0', PLAYGROUND: '0' }, LOCAL_MODE).audit.hmacKey));

beforeAll(async () => {
  kit = await startInviteKit();
  await kit.store.create(
    bookedConference('conf-link', {
      invitees: [
        ...bookedConference('conf-link').invitees,
        { id: 'inv-out', role: 'professional', agency: 'probation', displayName: 'Outside Officer', email: 'officer@probation.example', status: 'pending' },
        { id: 'inv-other', role: 'professional', agency: 'education', displayName: 'Other Teacher', email: 'teacher@school.example', status: 'pending' },
        { id: 'inv-mum', role: 'parent', displayName: 'Parent Example', email: 'parent@example.org', phone: '07700 900321', status: 'pending' },
      ],
      bookingVersion: 2,
    }),
  );
  await kit.api('POST', '/api/v1/conferences/conf-link/invitations', CLERK.id);
  const mail = kit.mailer.sent.find((m) => m.key === 'inv-out')!;
  link = /href="([^"]+)"/.exec(mail.html)![1]!.replace(/&#38;/g, '&');
});
afterAll(() => kit.close());

const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, kit.bot.url);
const answers = async (id: string) => (await kit.store.get('conf-link'))!.invitees.find((i) => i.id === id)!.attendance ?? [];

async function post(url: string, form: Record<string, string>) {
  const res = await fetch(local(url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

it('the e-mailed link opens the page: case reference, date and time, never a name; not cached, no referrer', async () => {
  expect(link).toMatch(/\/tab\/confirm\?t=/);
  const res = await fetch(local(link));
  const html = await res.text();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(html).toContain((await kit.store.get('conf-link'))!.caseReference);
  expect(html).toContain('Monday 1 March 2027, 10:00 to 12:00');
  for (const name of ['Outside Officer', 'Other Teacher', 'Parent Example', 'Avery']) expect(html).not.toContain(name);
  // The request log names the route template, never the token.
  expect(kit.bot.logs.join('\n')).not.toContain(new URL(link).searchParams.get('t')!.slice(0, 20));
});

it('answers from the form; a second identical answer changes nothing; a colleague needs name and role', async () => {
  const token = new URL(link).searchParams.get('t')!;
  const ok = await post(link, { i: 'inv-out', answer: 'not-attending' });
  expect(ok.status).toBe(200);
  expect(ok.html).toContain('not attending');
  expect(ok.html).toContain('2027-02-24');
  expect((await post(link, { i: 'inv-out', answer: 'not-attending' })).status).toBe(200);
  expect((await answers('inv-out')).map((a) => [a.answer, a.via, a.by])).toEqual([['not-attending', 'link', 'link:inv-out']]);
  const noRole = await post(link, { i: 'inv-out', answer: 'sending-colleague', colleagueName: 'Deputy' });
  expect([noRole.status, noRole.html.includes('Please choose an answer')]).toEqual([400, true]);
  expect(await answers('inv-out')).toHaveLength(1);
  expect(token.length).toBeGreaterThan(20);
});

it.each<[string, () => string, Record<string, string>, number, string]>([
  ['an expired link', () => signer.sign({ purpose: 'attendance', conferenceId: 'conf-link', inviteeId: 'inv-out', expiresAt: '2026-01-01T00:00:00.000Z' }), {}, 410, 'This link has expired'],
  ['a forged link', () => `${new URL(link).searchParams.get('t')!.split('.')[0]}.${Buffer.from('forged').toString('base64url')}`, {}, 403, 'This link does not work'],
  ['a link for another purpose', () => signer.sign({ purpose: 'report', conferenceId: 'conf-link', inviteeId: 'inv-out', expiresAt: '2027-03-02T00:00:00.000Z' }), {}, 403, 'This link is for something else'],
  ['a link used on another invitee\'s page', () => new URL(link).searchParams.get('t')!, { i: 'inv-other' }, 403, 'This link belongs to someone else'],
  ['a link for someone not invited', () => signer.sign({ purpose: 'attendance', conferenceId: 'conf-link', inviteeId: 'inv-nobody', expiresAt: '2027-03-02T00:00:00.000Z' }), {}, 403, 'no longer on the invitation list'],
])('%s gets a clear page and changes nothing', async (_n, token, extra, status, text) => {
  const before = (await kit.store.get('conf-link'))!.version;
  const url = `${kit.bot.url}/tab/confirm?t=${encodeURIComponent(token())}`;
  const res = await post(url, { answer: 'attending', ...extra });
  expect([res.status, res.html.includes(text)]).toEqual([status, true]);
  if (!('i' in extra)) {
    const opened = await fetch(url);
    expect([opened.status, (await opened.text()).includes(text)]).toEqual([status, true]);
  }
  expect((await kit.store.get('conf-link'))!.version).toBe(before);
});

it('a stood-down conference says so and takes no answer', async () => {
  const c = (await kit.store.get('conf-link'))!;
  await kit.store.save({ ...c, status: 'stood-down' });
  const res = await post(link, { i: 'inv-out', answer: 'attending' });
  expect([res.status, res.html.includes('stood down')]).toEqual([409, true]);
  expect(await answers('inv-out')).toHaveLength(1);
  expect((await fetch(local(link))).status).toBe(409);
});
