// The forms' values → the API's bodies (tab/src/forms/*-values.ts): what the browser sends must
// parse with the server's own schemas (bookingRequestSchema, inviteeDraftSchema, inviteePatchSchema),
// times typed on the conference day become its date-times, empty fields are left out, and an edit
// sends only what changed. The invented people here are nobody.
import { bookingRequestSchema } from '../../bot/app/api/booking.schema';
import { inviteeDraftSchema, inviteePatchSchema } from '../../bot/app/api/invite-list.schema';
import { bookingRequestOf, EMPTY_BOOKING } from '../../tab/src/forms/booking-values';
import { draftOf, EMPTY_INVITEE, errorFor, patchOf, unplacedErrors, valuesOf } from '../../tab/src/forms/invitee-values';

const DAY = '2027-03-01';

describe('bookingRequestOf', () => {
  it('makes a request the server parses, people as their ids, optional fields left out when empty', () => {
    const r = bookingRequestOf({
      ...EMPTY_BOOKING,
      text: { ...EMPTY_BOOKING.text, caseReference: ' MOS1234567 ', anchorDate: '2027-02-10', date: DAY, confidentialMinutes: '30' },
      people: { ...EMPTY_BOOKING.people, chairId: { id: 'chair-id', displayName: 'Chair Example' }, socialWorkerId: { id: 'sw-id', displayName: 'Worker Example' } },
    });
    if (!('body' in r)) throw new Error('expected a body');
    expect(bookingRequestSchema.safeParse(r.body).success).toBe(true);
    expect(r.body).toEqual({ kind: 'ICPC', caseReference: 'MOS1234567', anchorDate: '2027-02-10', chairId: 'chair-id', socialWorkerId: 'sw-id', date: DAY, startTime: '10:00', durationMinutes: 90, confidentialMinutes: 30 });
  });

  it('an empty form still parses (the server answers each missing field with its rule)', () => {
    const r = bookingRequestOf(EMPTY_BOOKING);
    expect('body' in r && bookingRequestSchema.safeParse(r.body).success).toBe(true);
  });

  it.each([['durationMinutes', 'ninety'], ['durationMinutes', ''], ['confidentialMinutes', '30m']] as const)('a %s of %p is the form\'s own error: it cannot be sent as a number', (field, value) => {
    expect(bookingRequestOf({ ...EMPTY_BOOKING, text: { ...EMPTY_BOOKING.text, [field]: value } })).toMatchObject({ field });
  });
});

describe('draftOf', () => {
  it('a family member with their own join time: the slot on the conference day, no agency or directory id', () => {
    const draft = draftOf({ ...EMPTY_INVITEE, role: 'parent', displayName: 'Ash Example', email: 'ash@family.example', phone: '07700 900999', agency: 'police', directoryId: 'x', slotFrom: '1045', slotTo: '11:30' }, DAY);
    expect(inviteeDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft).toEqual({ role: 'parent', displayName: 'Ash Example', email: 'ash@family.example', phone: '07700 900999', slot: { from: `${DAY}T10:45`, to: `${DAY}T11:30` } });
  });

  it('a professional with exclusions, an interpreter and a police check', () => {
    const draft = draftOf(
      { ...EMPTY_INVITEE, displayName: 'Pro Example', email: 'pro@agency.example', agency: 'health', interpreterLanguage: 'Polish', policeCheckReason: 'Concerns raised', exclusions: [{ from: '9:05', to: '10:00', grounds: 'Third-party information' }, { from: '', to: '', grounds: '' }] },
      DAY,
    );
    expect(inviteeDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft).toMatchObject({ agency: 'health', interpreter: { language: 'Polish' }, policeCheck: { reason: 'Concerns raised' }, exclusions: [{ from: `${DAY}T09:05`, to: `${DAY}T10:00`, grounds: 'Third-party information' }] });
  });

  it('the child: age band, advocate offer and a decision not to invite', () => {
    const draft = draftOf({ ...EMPTY_INVITEE, role: 'child', displayName: 'Kid Example', email: 'kid@family.example', ageBand: 'over-12', advocate: 'declined', notInvitedReason: 'Agreed with the child' }, DAY);
    expect(inviteeDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft).toMatchObject({ ageBand: 'over-12', advocateOffered: { accepted: false }, notInvitedDecision: { reason: 'Agreed with the child' } });
  });
});

describe('editing', () => {
  const entry = { id: 'inv-1', role: 'parent', audience: 'family' as const, displayName: 'Ash Example', email: 'ash@family.example', phone: '07700 900999', status: 'invited' as const, invited: true, late: false, slot: { from: `${DAY}T10:45`, to: `${DAY}T11:30` } };

  it('an entry goes back into the form as typed', () => {
    expect(valuesOf(entry)).toMatchObject({ role: 'parent', phone: '07700 900999', slotFrom: '10:45', slotTo: '11:30' });
  });

  it('the patch holds only what changed, and parses', () => {
    const before = valuesOf(entry);
    const patch = patchOf(before, { ...before, slotFrom: '11:00' }, DAY);
    expect(patch).toEqual({ slot: { from: `${DAY}T11:00`, to: `${DAY}T11:30` } });
    expect(inviteePatchSchema.safeParse(patch).success).toBe(true);
    expect(patchOf(before, before, DAY)).toEqual({});
  });
});

describe('field errors', () => {
  it('each server field path finds its form field; the rest are shown above the form', () => {
    const errors = { email: 'Not an e-mail.', 'slot.from': 'Outside the conference.', 'policeCheck.reason': 'Give the reason.', mystery: 'Something else.' };
    expect(errorFor(errors, 'email')).toBe('Not an e-mail.');
    expect(errorFor(errors, 'slotFrom')).toBe('Outside the conference.');
    expect(errorFor(errors, 'policeCheckReason')).toBe('Give the reason.');
    expect(errorFor(errors, 'phone')).toBe('');
    expect(unplacedErrors(errors)).toEqual(['Something else.']);
  });
});
