// RETENTION_* settings: off by default, conference data never under 26 years, a bad value stops
// start-up naming the setting (through loadConfig).
import { loadConfig } from '../../bot/config/load-config';
import { readRetentionConfig } from '../../bot/config/retention-config';
import { LOCAL_MODE } from '../../scripts/local/sandbox-defaults';

it('is off by default and runs at 02:00 UTC', () => {
  expect(readRetentionConfig({})).toEqual({ reportFileDays: null, conferenceYears: null, runHourUtc: 2 });
  expect(readRetentionConfig({ RETENTION_REPORT_FILE_DAYS: 'off', RETENTION_CONFERENCE_YEARS: 'OFF' })).toMatchObject({ reportFileDays: null, conferenceYears: null });
});

it('takes whole numbers in range', () => {
  expect(readRetentionConfig({ RETENTION_REPORT_FILE_DAYS: '30', RETENTION_CONFERENCE_YEARS: '26', RETENTION_RUN_HOUR_UTC: '23' })).toEqual({ reportFileDays: 30, conferenceYears: 26, runHourUtc: 23 });
});

it.each([
  ['RETENTION_CONFERENCE_YEARS', '25'],
  ['RETENTION_CONFERENCE_YEARS', '7'],
  ['RETENTION_CONFERENCE_YEARS', '30.5'],
  ['RETENTION_REPORT_FILE_DAYS', '-1'],
  ['RETENTION_REPORT_FILE_DAYS', 'soon'],
  ['RETENTION_RUN_HOUR_UTC', '24'],
])('refuses %s=%s, naming it', (name, value) => {
  expect(() => loadConfig({ PLAYGROUND: '0', [name]: value }, LOCAL_MODE)).toThrow(new RegExp(`configuration: ${name} is invalid`));
});
