// The browser tests' harness itself (test/browser/support): the scenarios leave the product where
// their names say — a booked conference with its invite list, a live meeting at the stage asked
// for, a family member in the confidential section raising the chair's alert.
import { joinFamily, liveMeeting, openAlerts } from './support/scenarios';
import { startTabProduct, type TabProduct } from './support/tab-product';

jest.setTimeout(90_000);

let tp: TabProduct;

beforeAll(async () => {
  tp = await startTabProduct();
}, 90_000);

afterAll(async () => {
  await tp?.stop();
}, 30_000);

it('liveMeeting books, starts the meeting with the professionals and moves to the confidential section; a family joiner raises the alert', async () => {
  const meeting = await liveMeeting(tp, { stage: 'confidential' });
  expect(meeting.booked.invitations).toBe(6);
  const live = await meeting.live();
  expect(live.stage).toBe('confidential');
  expect(await openAlerts(meeting)).toEqual([]);
  await joinFamily(meeting);
  const alerts = await openAlerts(meeting);
  expect(alerts.map((a) => a.kind)).toEqual(['family-in-confidential']);
});
