// GET the record's delivery status: the chair and the clerk only (audited refusal otherwise).
import type { AppDeps } from '../app-deps';
import { loadConference } from './issue-record.use-case';
import { requireChairOrClerk } from './record-access';
import { type RecordStatus, recordStatusOf } from './record-status';

export async function readRecordStatus(deps: AppDeps, actorId: string, conferenceId: string): Promise<RecordStatus> {
  const c = await loadConference(deps, conferenceId);
  await requireChairOrClerk(deps, c, actorId, 'record.read-status');
  return recordStatusOf(c, await deps.live.get(conferenceId), deps.clock.today());
}
