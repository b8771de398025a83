// DocumentRenderer on pdf-lib (the maintained library, pinned 1.17.1): the record's lines on A4
// pages in Helvetica, wrapped to the page width. Helvetica's WinAnsi encoding cannot draw every
// character a name may hold: those are written as '?' rather than failing the whole record.
// The creation date is fixed to the document's own date so the same copy gives the same bytes.
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import type { DocumentRenderer } from '../../app/ports/document-renderer.port';
import { type RecordDocument, recordLines } from '../../domain/record/record-content';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = { title: 16, heading: 12, text: 10 } as const;
const LEADING = 1.4;

/** Each character the font can encode, others as '?'. */
function encodable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export class PdfRecordRenderer implements DocumentRenderer {
  async recordPdf(doc: RecordDocument): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(encodableTitle(doc));
    pdf.setProducer('child protection conference bot');
    pdf.setCreator('child protection conference bot');
    const fixed = new Date(0);
    pdf.setCreationDate(fixed);
    pdf.setModificationDate(fixed);
    const regular = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    const width = A4.width - 2 * MARGIN;
    let page = pdf.addPage([A4.width, A4.height]);
    let y = A4.height - MARGIN;
    for (const line of recordLines(doc)) {
      const font = line.style === 'text' ? regular : bold;
      const size = SIZE[line.style];
      if (line.style === 'heading') y -= size * 0.6;
      for (const part of wrap(font, size, encodable(font, line.text), width)) {
        if (y - size < MARGIN) {
          page = pdf.addPage([A4.width, A4.height]);
          y = A4.height - MARGIN;
        }
        y -= size * LEADING;
        page.drawText(part, { x: MARGIN, y, size, font });
      }
    }
    return pdf.save();
  }
}

/** The document's title in its metadata: the case reference only. */
function encodableTitle(doc: RecordDocument): string {
  return `Decision and recommendations ${doc.caseReference}`.replace(/[^\x20-\x7e]/g, '?');
}
