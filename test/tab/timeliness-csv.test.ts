// The timeliness CSV export (tab/src/timeliness/timeliness-csv.ts): RFC 4180 quoting, CRLF, no
// formula injection, the header first and one line per row.
import { csvField, timelinessCsv } from '../../tab/src/timeliness/timeliness-csv';

describe('timeliness CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "no"', '"say ""no"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1+1', "'-1+1"],
    ['@x,y', `"'@x,y"`],
  ])('%j → %j', (input, out) => {
    expect(csvField(input)).toBe(out);
  });

  it('numbers and nulls', () => {
    expect([csvField(15), csvField(null)]).toEqual(['15', '']);
  });

  it('header, then one CRLF-terminated line per row with the measure label', () => {
    const csv = timelinessCsv(
      [{ conferenceId: 'c1', caseReference: 'CP-2027-0101', kind: 'ICPC', heldOn: '2027-03-01', measure: 'icpc-within-t1', rule: 'T1', due: '2027-03-03', doneOn: '2027-03-01', workingDays: 13, status: 'met' }],
      { 'icpc-within-t1': 'ICPCs within T1, of the strategy discussion' },
    );
    expect(csv).toBe(
      'Case reference,Conference kind,Date,Measure,Rule,Due by,Done on,Working days,Status\r\n' +
        'CP-2027-0101,ICPC,2027-03-01,"ICPCs within T1, of the strategy discussion",T1,2027-03-03,2027-03-01,13,met\r\n',
    );
  });
});
