// GET /api/v1/me: the caller as the token names them (ids only; the directory comes later).
import type { Caller } from './caller.schema';

export function describeCaller(caller: Caller): Caller {
  return { objectId: caller.objectId, tenantId: caller.tenantId, roles: [...caller.roles], scopes: [...caller.scopes] };
}
