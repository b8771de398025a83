// The record as a PDF: it parses, it draws the copy's text, and a redacted copy draws nothing of
// the withheld parts (read back from the PDF's own content streams).
import { PdfRecordRenderer } from '../../../bot/adapters/documents/pdf-record-renderer';
import { audienceOf, buildRecord, type RecordDocument, recordLines } from '../../../bot/domain/record/record-content';
import { partWindows, withheldParts } from '../../../bot/domain/record/record-parts';
import { pdfText } from '../../support/pdf-text';
import { conference, decision, inviteeById, live } from '../../domain/record/record-fixtures';

const renderer = new PdfRecordRenderer();
const windows = partWindows(conference, live);
const copyFor = (id: string): RecordDocument => {
  const i = inviteeById(id);
  return buildRecord({ conference, live, decision, windows, deadline: '2027-03-02' }, audienceOf(i), withheldParts(windows, i));
};

it('the full copy parses and draws every line of the record', async () => {
  const doc = copyFor('inv-police');
  const pdf = await renderer.recordPdf(doc);
  expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const { lines } = await pdfText(pdf);
  const drawn = lines.join(' ');
  for (const l of recordLines(doc)) expect(drawn.replace(/\s+/g, ' ')).toContain(l.text.replace(/\s+/g, ' ').slice(0, 40));
  expect(drawn).toContain('Confidential section (professionals only)');
  expect(drawn).toContain('Outcome: Child protection plan');
});

it("the excluded father's PDF draws neither the confidential section, the family section nor the decision", async () => {
  const { lines } = await pdfText(await renderer.recordPdf(copyFor('inv-father')));
  const drawn = lines.join('\n');
  expect(drawn).toContain('CP-2027-0420');
  for (const withheld of ['Confidential section', 'Family section', 'Outcome', 'Neglect', 'Improvement since the referral', 'casting vote']) {
    expect(drawn).not.toContain(withheld);
  }
});

it("the mother's PDF has the decision but not the confidential section", async () => {
  const drawn = (await pdfText(await renderer.recordPdf(copyFor('inv-mother')))).lines.join('\n');
  expect(drawn).toContain('Outcome: Child protection plan');
  expect(drawn).not.toContain('Confidential section');
  expect(drawn).not.toContain('Professionals shared information');
});

it('wraps long text onto more pages, writes unencodable characters as ?, and gives the same bytes twice', async () => {
  const long = { ...decision, chairConcerns: `Łukasz ${'concern '.repeat(4000)}` };
  const doc = buildRecord({ conference, live, decision: long, windows, deadline: '2027-03-02' }, 'professional', []);
  const pdf = await renderer.recordPdf(doc);
  const { pages, lines } = await pdfText(pdf);
  expect(pages).toBeGreaterThan(2);
  expect(lines.some((l) => l.startsWith("The chair's concerns: ?ukasz concern"))).toBe(true);
  expect(Buffer.from(await renderer.recordPdf(doc)).equals(Buffer.from(pdf))).toBe(true);
});
