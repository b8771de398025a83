// Who may issue the record and read how it went (the chair and the clerk of this conference), and
// who approves a redacted copy (the chair only). A refusal is audited (ids and codes only).
import type { Conference } from '../../domain/conference/conference';
import type { AppDeps } from '../app-deps';
import { RecordError, type RecordErrorCode } from './record-errors';

export function isChair(c: Conference, actorId: string): boolean {
  return c.booking?.chairId === actorId || c.invitees.some((i) => i.role === 'chair' && i.status !== 'removed' && i.directoryId === actorId);
}

export function isClerk(c: Conference, actorId: string): boolean {
  return c.organizerId === actorId || c.invitees.some((i) => i.role === 'clerk' && i.status !== 'removed' && i.directoryId === actorId);
}

export async function refuse(deps: Pick<AppDeps, 'audit'>, c: Conference, actorId: string, attempted: string, code: RecordErrorCode): Promise<never> {
  await deps.audit.append({ actorId, actorRole: 'unknown', action: 'record.refused', conferenceId: c.id, detail: { attempted, code } });
  throw new RecordError(code, `${attempted} refused: ${code}`);
}

export async function requireChairOrClerk(deps: Pick<AppDeps, 'audit'>, c: Conference, actorId: string, attempted: string): Promise<'chair' | 'clerk'> {
  if (isChair(c, actorId)) return 'chair';
  if (isClerk(c, actorId)) return 'clerk';
  return refuse(deps, c, actorId, attempted, 'RECORD.NOT_ALLOWED');
}
