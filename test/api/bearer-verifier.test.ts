// The verifier's outage answer: signing keys that cannot be fetched are our fault (503), not the
// caller's (401). No network: a loopback port with nothing listening.
import { createServer } from 'node:net';
import { createBearerVerifier } from '../../bot/adapters/http/auth/bearer-verifier';
import { HTTP_STATUS } from '../../bot/adapters/http/http-error-map';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

// A well-formed RS256 JWT (header with a kid; the signature is never reached).
const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' })).toString('base64url');
const payload = Buffer.from(JSON.stringify({ iss: 'https://issuer.example', aud: 'api://x', exp: 4102444800 })).toString('base64url');
const token = `${header}.${payload}.${Buffer.from('sig').toString('base64url')}`;

it('unreachable JWKS → AUTH.UNAVAILABLE (503), not a 401', async () => {
  const verify = createBearerVerifier(
    { issuer: 'https://issuer.example', audiences: ['api://x'], algorithms: ['RS256'], keys: { kind: 'remote', jwksUrl: `http://127.0.0.1:${await closedPort()}/keys` }, devSignIn: null },
    [],
  );
  const result = await verify(`Bearer ${token}`);
  expect(result).toEqual({ ok: false, code: 'AUTH.UNAVAILABLE', message: expect.any(String) });
  expect(HTTP_STATUS['AUTH.UNAVAILABLE']).toBe(503);
});
