// Dispatches a /v1.0 request (or a $batch item) to its route; unknown routes get Graph's 400/404.
import type { FaultInjector } from './fault-injector';
import { type GraphReply, type GraphRequest, resolveUser, type SandboxEnv } from './graph-context';
import { badRequest, segmentNotFound } from './graph-errors';
import { handleBatch } from './routes/batch.route';
import { handleCalls } from './routes/calls.route';
import { handleDrive } from './routes/drive.route';
import { handleEvents } from './routes/events.route';
import { handleInstalledApps } from './routes/installed-apps.route';
import { handleOnlineMeetings } from './routes/online-meetings.route';
import { handleSendMail } from './routes/send-mail.route';
import { handleUser, handleUsers } from './routes/users.route';

export function createGraphRouter(env: SandboxEnv, faults: () => FaultInjector): (req: GraphRequest) => Promise<GraphReply> {
  const dispatch = async (req: GraphRequest): Promise<GraphReply> => {
    const [first, ...rest] = req.segments;
    if (first === undefined) throw badRequest('Invalid request: no resource segment.');
    // OData key syntax users('id') is equivalent to users/id.
    const keyed = /^users\('(.+)'\)$/i.exec(first);
    if (keyed) return dispatch({ ...req, segments: ['users', keyed[1]!, ...rest] });
    switch (first.toLowerCase()) {
      case '$batch':
        if (rest.length > 0) throw segmentNotFound(rest[0]!);
        return handleBatch(req, dispatch, faults(), env.now);
      case 'me':
        throw badRequest('/me request is only valid with delegated authentication flow.');
      case 'users':
        return routeUser(env, req, rest);
      case 'communications':
        return routeCommunications(env, req, rest);
      case 'drives':
        return req.method === 'GET' ? handleDrive(env, req, rest) : env.transaction((store) => handleDrive({ ...env, store }, req, rest));
      default:
        throw segmentNotFound(first);
    }
  };
  return dispatch;
}

async function routeUser(env: SandboxEnv, req: GraphRequest, rest: string[]): Promise<GraphReply> {
  const [userId, resource, ...tail] = rest;
  // The directory: GET /users and GET /users/{id} (routes/users.route.ts).
  if (userId === undefined || userId === '') return handleUsers(env, req);
  if (resource === undefined) return handleUser(env, req, userId);
  const user = resolveUser(env, userId);
  // A change runs in one transaction: a retry racing it, or a 400 half-way, never sees half an effect.
  const atomically = (fn: (e: SandboxEnv) => Promise<GraphReply>) => (req.method === 'GET' ? fn(env) : env.transaction((store) => fn({ ...env, store })));
  switch (resource) {
    case 'events':
      return atomically((e) => handleEvents(e, req, user, tail));
    case 'onlineMeetings':
      return atomically((e) => handleOnlineMeetings(e, req, user, tail));
    case 'sendMail':
      if (tail.length > 0) throw segmentNotFound(tail[0]!);
      return atomically((e) => handleSendMail(e, req, user));
    case 'teamwork':
      return atomically((e) => handleInstalledApps(e, req, user, tail));
    default:
      throw segmentNotFound(resource);
  }
}

/** /communications/calls… (routes/calls.route.ts); a change runs in one transaction. */
async function routeCommunications(env: SandboxEnv, req: GraphRequest, rest: string[]): Promise<GraphReply> {
  const [calls, ...tail] = rest;
  if (calls !== 'calls') throw segmentNotFound(calls ?? 'communications');
  return req.method === 'GET' ? handleCalls(env, req, tail) : env.transaction((store) => handleCalls({ ...env, store }, req, tail));
}
