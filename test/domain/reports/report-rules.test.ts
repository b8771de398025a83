// The pure report rules: file types by their bytes, the drive file name, on time, who may read.
import type { Conference, Invitee } from '../../../bot/domain/conference/conference';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { driveFileName, entitledReaders, formatOfName, isOnTime, sniffReportFormat } from '../../../bot/domain/reports/report-rules';

const zip = (firstName: string, rest = '') => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(22), Buffer.from([firstName.length, 0, 0, 0]), Buffer.from(firstName + rest)]);

describe('sniffReportFormat', () => {
  it('knows PDF, ODT (mimetype first) and DOCX (content types and word/ parts), and nothing else', () => {
    expect(sniffReportFormat(Buffer.from('%PDF-1.4\n...'))).toBe('pdf');
    expect(sniffReportFormat(zip('mimetype', 'application/vnd.oasis.opendocument.text'))).toBe('odt');
    expect(sniffReportFormat(zip('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))).toBeNull();
    expect(sniffReportFormat(zip('[Content_Types].xml', ' word/document.xml'))).toBe('docx');
    expect(sniffReportFormat(zip('[Content_Types].xml', ' xl/workbook.xml'))).toBeNull();
    expect(sniffReportFormat(Buffer.from('MZ\x90\x00 an executable'))).toBeNull();
    expect(sniffReportFormat(Buffer.alloc(0))).toBeNull();
  });

  it('reads the extension case-insensitively', () => {
    expect(formatOfName('Report.PDF')).toBe('pdf');
    expect(formatOfName('report.doc')).toBeNull();
    expect(formatOfName('report')).toBeNull();
  });
});

const inv = (id: string, role: Invitee['role'], extra: Partial<Invitee> = {}): Invitee => ({ id, role, displayName: id, email: `${id}@example.org`, status: 'invited', ...extra });
const report = (onTime: boolean) => ({ driveItemId: 'x', fileName: 'f.pdf', contentType: 'application/pdf', bytes: 1, receivedAt: '2026-01-01T00:00:00Z', receivedBy: 'u', onTime });
const attending = [{ answer: 'attending' as const, at: '2026-01-01T00:00:00Z', by: 'u', via: 'api' as const }];

function conf(status: Conference['status'] = 'booked'): Conference {
  return {
    id: 'c', caseReference: 'CP-1', kind: 'ICPC', profileId: 'england', start: '2026-06-01T10:00', end: '2026-06-01T12:00', organizerId: 'o', status, bookingVersion: 1, version: 1,
    invitees: [
      inv('chair', 'chair'), inv('clerk', 'clerk'), inv('sw', 'social-worker'),
      inv('author', 'professional', { agency: 'police', report: report(true) }),
      inv('attends', 'professional', { attendance: attending }),
      inv('late', 'professional', { report: report(false) }),
      inv('silent', 'professional'),
      inv('gone', 'professional', { status: 'removed', attendance: attending }),
      inv('parent', 'parent'), inv('advocate', 'advocate'), inv('interpreter', 'interpreter'),
    ],
  };
}
const ids = (list: Invitee[]) => list.map((i) => i.id).sort();

describe('entitledReaders', () => {
  it('England: chair, clerk, social worker and professionals attending or reporting; never family, removed, silent or the author', () => {
    expect(ids(entitledReaders(conf(), resolveProfile('england'), 'author'))).toEqual(['attends', 'chair', 'clerk', 'late', 'sw']);
  });
  it("Sheffield: of the professionals, only those whose own report came by T9", () => {
    expect(ids(entitledReaders(conf(), resolveProfile('sheffield'), 'late'))).toEqual(['author', 'chair', 'clerk', 'sw']);
  });
  it('a stood-down or closed conference shares with nobody', () => {
    expect(entitledReaders(conf('stood-down'), resolveProfile('england'), 'author')).toEqual([]);
    expect(entitledReaders(conf('closed'), resolveProfile('england'), 'author')).toEqual([]);
  });
});

it('on time is on or before the T9 day; the drive name carries no person', () => {
  expect(isOnTime('2026-05-27', '2026-05-27')).toBe(true);
  expect(isOnTime('2026-05-28', '2026-05-27')).toBe(false);
  expect(isOnTime('2026-05-28', null)).toBe(true);
  expect(driveFileName({ caseReference: 'CP-1' }, { id: 'inv-7', role: 'professional', agency: 'police' }, 'pdf')).toBe('CP-1 police report inv-7.pdf');
  expect(driveFileName({ caseReference: 'CP-1' }, { id: 'inv-8', role: 'social-worker' }, 'odt')).toBe('CP-1 social-worker report inv-8.odt');
});
