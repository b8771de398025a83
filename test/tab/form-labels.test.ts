// The tab may import only the API's types, so its forms keep their own copy of the words for the
// API's ids (tab/src/forms/form-labels.ts). This test holds that copy to the server's: a label
// changed on a card, or a role or agency added, fails here rather than drifting apart.
import { ANSWER } from '../../bot/app/attendance/board-card';
import { ANCHOR_LABEL, WHY } from '../../bot/app/booking/booking-card';
import { AGE_LABEL, ROLE_LABEL } from '../../bot/app/invite-list/invite-list-card';
import { AGENCY_LABEL } from '../../bot/domain/conference/agency';
import { FAMILY_SIDE_ROLES } from '../../bot/domain/conference/conference';
import { ANCHORS_FOR_KIND } from '../../bot/domain/timescales';
import * as tab from '../../tab/src/forms/form-labels';

it('role, agency, age band, anchor and missed-deadline words are the cards\' words', () => {
  expect(tab.ROLE_LABEL).toEqual(ROLE_LABEL);
  expect(tab.AGENCY_LABEL).toEqual(AGENCY_LABEL);
  expect(tab.AGE_BAND_LABEL).toEqual(AGE_LABEL);
  expect(tab.ANCHOR_LABEL).toEqual(ANCHOR_LABEL);
  expect(tab.MISSED_WHY).toEqual(WHY);
});

it('the answers the form shows are the board card\'s (the board adds "no answer yet")', () => {
  expect(tab.ANSWER_LABEL).toEqual(Object.fromEntries(Object.entries(ANSWER).filter(([k]) => k !== 'no-answer')));
});

it('each kind offers the anchors the server accepts, its default first; every role is on one side', () => {
  expect(tab.ANCHORS_FOR_KIND).toEqual(ANCHORS_FOR_KIND);
  expect([...tab.FAMILY_ROLES].sort()).toEqual([...FAMILY_SIDE_ROLES].sort());
  expect([...tab.FAMILY_ROLES, ...tab.PROFESSIONAL_ROLES].sort()).toEqual(Object.keys(ROLE_LABEL).sort());
  expect(Object.keys(tab.KIND_LABEL).sort()).toEqual(Object.keys(ANCHORS_FOR_KIND).sort());
});
