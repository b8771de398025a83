// The chair approves one redacted copy (card verb record.approve-redacted, or the API): recorded
// and audited, then that copy goes at once through the same run as the issue. A second approval
// changes nothing and sends nothing again. Anyone but the chair is refused (audited).
import { approveRedacted } from '../../domain/record/record-state';
import type { AppDeps } from '../app-deps';
import { isChair, refuse } from './record-access';
import { RecordError } from './record-errors';
import { loadConference, requireDecided, runIssue, withRecordLease } from './issue-record.use-case';
import type { RecordStatus } from './record-status';

export async function approveRedactedCopy(deps: AppDeps, actorId: string, conferenceId: string, inviteeId: string): Promise<RecordStatus> {
  const c = await loadConference(deps, conferenceId);
  if (!isChair(c, actorId)) return refuse(deps, c, actorId, 'record.approve-redacted', 'RECORD.NOT_THE_CHAIR');
  return withRecordLease(deps, conferenceId, async (holder) => {
    await deps.uow.run(async (tx) => {
      const live = requireDecided(await deps.live.get(conferenceId, tx), conferenceId);
      if (!live.record) throw new RecordError('RECORD.RECIPIENT_NOT_FOUND', 'the record has not been issued yet');
      const r = approveRedacted(live.record, inviteeId, actorId, deps.clock.now().toISOString());
      if (!r.ok) throw new RecordError(r.code, `approve ${inviteeId}: ${r.code}`);
      if (!r.changed) return;
      await deps.live.save({ ...live, record: r.state }, tx);
      const approved = r.state.recipients.find((x) => x.inviteeId === inviteeId)!;
      await deps.audit.append(
        { actorId, actorRole: 'chair', action: 'record.redacted-approved', conferenceId, detail: { inviteeId, version: approved.versionKey, withheld: approved.withheld.map((w) => w.part) } },
        tx,
      );
    });
    return runIssue(deps, holder, actorId, c, []);
  });
}
