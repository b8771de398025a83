// Matching a Teams participant to an invitee: Entra id, then UPN, then e-mail, case-insensitive;
// never by display name; removed invitees skipped; two candidates is no match.
import { matchParticipant } from '../../../bot/domain/meeting/roster-match';
import { invitee } from './meeting-fixtures';

const sw = invitee('sw', 'social-worker', { directoryId: 'AAAA-1111', email: 'Sam.Worker@council.example' });
const pc = invitee('pc', 'professional', { agency: 'police', email: 'officer@police.example' });
const mum = invitee('mum', 'parent', { displayName: 'Testmum Example', email: 'testmum@mail.example' });

describe('matchParticipant', () => {
  const list = [sw, pc, mum];
  it.each<[string, Parameters<typeof matchParticipant>[1], ReturnType<typeof matchParticipant>]>([
    ['Entra object id', { aadObjectId: 'AAAA-1111' }, { inviteeId: 'sw', matchedBy: 'entra-id' }],
    ['Entra object id in another case', { aadObjectId: 'aaaa-1111' }, { inviteeId: 'sw', matchedBy: 'entra-id' }],
    ['Entra id wins over a UPN naming someone else', { aadObjectId: 'AAAA-1111', userPrincipalName: 'officer@police.example' }, { inviteeId: 'sw', matchedBy: 'entra-id' }],
    ['UPN against the invitee e-mail, case-insensitive', { aadObjectId: 'BBBB', userPrincipalName: 'OFFICER@Police.Example' }, { inviteeId: 'pc', matchedBy: 'upn' }],
    ['UPN before e-mail', { userPrincipalName: 'officer@police.example', email: 'testmum@mail.example' }, { inviteeId: 'pc', matchedBy: 'upn' }],
    ['e-mail when the UPN matches nobody', { userPrincipalName: 'guest#ext@tenant.example', email: ' TestMum@mail.example ' }, { inviteeId: 'mum', matchedBy: 'email' }],
    ['nothing to match on', {}, null],
    ['unknown addresses', { aadObjectId: 'CCCC', userPrincipalName: 'x@y.example', email: 'z@y.example' }, null],
    ['empty strings are not keys', { aadObjectId: '', userPrincipalName: '  ', email: '' }, null],
  ])('%s', (_name, p, expected) => {
    expect(matchParticipant(list, p)).toEqual(expected);
  });

  it('never by display name', () => {
    const p = { displayName: 'Testmum Example' } as Parameters<typeof matchParticipant>[1];
    expect(matchParticipant(list, p)).toBeNull();
  });

  it('an invitee known by another Entra id is not matched by a shared address', () => {
    // sw's directory id is AAAA-1111: someone else signed in with sw's address is not sw.
    expect(matchParticipant(list, { aadObjectId: 'DDDD', userPrincipalName: 'sam.worker@council.example' })).toBeNull();
    // Without an Entra id on the participant, the address still matches.
    expect(matchParticipant(list, { email: 'sam.worker@council.example' })).toEqual({ inviteeId: 'sw', matchedBy: 'email' });
  });

  it('removed invitees are skipped (by every key)', () => {
    const removed = [{ ...sw, status: 'removed' as const }, { ...pc, status: 'removed' as const }];
    expect(matchParticipant(removed, { aadObjectId: 'AAAA-1111' })).toBeNull();
    expect(matchParticipant(removed, { userPrincipalName: 'officer@police.example' })).toBeNull();
    // A removed duplicate does not make the live one ambiguous.
    expect(matchParticipant([{ ...pc, id: 'old', status: 'removed' }, pc], { email: 'officer@police.example' })).toEqual({ inviteeId: 'pc', matchedBy: 'email' });
  });

  it('ambiguous: two invitees with the same address or the same Entra id → no match', () => {
    const twin = invitee('twin', 'professional', { agency: 'police', email: 'OFFICER@police.example' });
    expect(matchParticipant([pc, twin], { email: 'officer@police.example' })).toBeNull();
    expect(matchParticipant([pc, twin], { userPrincipalName: 'officer@police.example', email: 'other@x.example' })).toBeNull();
    const dup = invitee('dup', 'team-manager', { directoryId: 'aaaa-1111' });
    expect(matchParticipant([sw, dup], { aadObjectId: 'AAAA-1111' })).toBeNull();
  });
});
