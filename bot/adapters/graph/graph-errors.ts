// Maps Graph client failures to the Meetings port's stable codes. Messages carry ids and codes
// only; the access-policy one tells a Teams admin exactly what to run.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { MeetingsError } from '../../app/ports/meetings.port';
import { GraphAuthError } from './msal-token-provider';
import { TransportError } from './https-transport';

export function accessPolicyMessage(appId: string, organizerId: string): string {
  return [
    `Graph refused app-only access to online meetings for organizer ${organizerId}: application ${appId} has no Teams application access policy for this user.`,
    'A Teams administrator must run (Microsoft Teams PowerShell):',
    `  New-CsApplicationAccessPolicy -Identity "cp-conference-bot" -AppIds "${appId}" -Description "Child protection conference bot"`,
    `  Grant-CsApplicationAccessPolicy -PolicyName "cp-conference-bot" -Identity "${organizerId}"`,
    '(or Grant-CsApplicationAccessPolicy -PolicyName "cp-conference-bot" -Global for every organizer). The policy can take up to 30 minutes to apply.',
  ].join('\n');
}

/** Graph's 403 for a missing application access policy ("App … is not authorized to … on behalf of user"). */
export function isAccessPolicyDenial(err: GraphError): boolean {
  if (err.statusCode !== 403) return false;
  const text = `${err.code ?? ''} ${err.message ?? ''}`.toLowerCase();
  return text.includes('application access policy') || /not (be )?authorized to .*on behalf of/.test(text) || text.includes('no application access policy');
}

export function toMeetingsError(err: unknown, context: { what: string; appId: string; organizerId: string; onlineMeetings?: boolean }): unknown {
  if (err instanceof MeetingsError) return err;
  if (err instanceof GraphAuthError) return new MeetingsError('GRAPH.AUTH_FAILED', `${context.what}: no token from the identity platform`, undefined, { aadError: err.aadError ?? null });
  if (err instanceof TransportError) return new MeetingsError('GRAPH.UNAVAILABLE', `${context.what}: no answer from Graph`, undefined, { transport: err.code });
  if (err instanceof GraphError) {
    const status = err.statusCode;
    // The Graph client wraps what our middleware throws in a GraphError with status -1 and the
    // error's class name as its code.
    if (status <= 0 && err.code === 'GraphAuthError') return new MeetingsError('GRAPH.AUTH_FAILED', `${context.what}: no token from the identity platform`);
    if (status <= 0) return new MeetingsError('GRAPH.UNAVAILABLE', `${context.what}: no answer from Graph`, undefined, { transport: err.code ?? null });
    const details = { graphStatus: status, graphCode: err.code ?? null };
    if (context.onlineMeetings && isAccessPolicyDenial(err)) {
      return new MeetingsError('GRAPH.ACCESS_POLICY_MISSING', accessPolicyMessage(context.appId, context.organizerId), status, details);
    }
    const message = `${context.what}: Graph answered ${status}`;
    if (status === 401) return new MeetingsError('GRAPH.AUTH_FAILED', message, status, details);
    if (status === 404) return new MeetingsError('GRAPH.MEETING_NOT_FOUND', message, status, details);
    if (status === 429) return new MeetingsError('GRAPH.THROTTLED', `${context.what}: still throttled after retries`, status, details);
    if (status >= 500) return new MeetingsError('GRAPH.UNAVAILABLE', message, status, details);
    return new MeetingsError('GRAPH.REJECTED', message, status, details);
  }
  return err;
}
