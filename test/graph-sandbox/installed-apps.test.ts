// The sandbox's POST /users/{id}/teamwork/installedApps: Graph's body (the installation with
// teamsApp@odata.bind), nothing else the metadata's userScopeTeamsAppInstallation lacks; 201 once,
// 409 Conflict after; the right application role required.
import { type Kit, startKit } from './helpers/sandbox-test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit.stop());

const USER = '5eed0000-0000-4000-8000-000000000013';
const bind = (id = '7a1c0000-0000-4000-8000-00000000c0de') => ({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${id}` });
const install = (body: unknown) => kit.call('POST', `/users/${USER}/teamwork/installedApps`, body);

test('installs once (201, no body), then 409 Conflict', async () => {
  const first = await install(bind());
  expect(first.status).toBe(201);
  const again = await install(bind());
  expect([again.status, again.json.error.code]).toEqual([409, 'Conflict']);
});

test.each<[string, unknown, number, string]>([
  ['a property the installation does not have', { ...bind('7a1c0000-0000-4000-8000-00000000c0d1'), teamsAppId: 'x' }, 400, 'BadRequest'],
  ['no teamsApp@odata.bind', {}, 400, 'BadRequest'],
  ['a bind that is not a catalog app', { 'teamsApp@odata.bind': 'https://example.org/apps/1' }, 400, 'BadRequest'],
  ['an empty body', undefined, 400, 'BadRequest'],
])('refuses %s', async (_n, body, status, code) => {
  const r = await install(body);
  expect([r.status, r.json.error.code]).toEqual([status, code]);
});

test('only POST on installedApps', async () => {
  expect((await kit.call('GET', `/users/${USER}/teamwork/installedApps`)).status).toBe(405);
  expect((await kit.call('POST', `/users/${USER}/teamwork/other`, bind())).status).toBe(400);
});
