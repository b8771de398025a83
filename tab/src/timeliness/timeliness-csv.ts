// The timeliness table as CSV (RFC 4180: CRLF between records, a field with a comma, a quote or a
// line break is quoted and its quotes doubled). Case references only, never a name. A field that
// a spreadsheet would read as a formula (=, +, -, @ first) is written with a leading apostrophe.
import type { TimelinessReport } from '../shell/api-types';

type Row = TimelinessReport['rows'][number];

export const CSV_HEADER = ['Case reference', 'Conference kind', 'Date', 'Measure', 'Rule', 'Due by', 'Done on', 'Working days', 'Status'] as const;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function timelinessCsv(rows: readonly Row[], labels: Readonly<Record<string, string>>): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const r of rows) {
    lines.push([r.caseReference, r.kind, r.heldOn, labels[r.measure] ?? r.measure, r.rule, r.due, r.doneOn, r.workingDays, r.status].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
