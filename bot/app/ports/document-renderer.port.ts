// Files made from the product's documents (the decision and recommendations record): the
// adapter (bot/adapters/documents) owns the PDF library. Content comes in already redacted.
import type { RecordDocument } from '../../domain/record/record-content';

export interface DocumentRenderer {
  /** The copy as a PDF file (A4, text only, one font); deterministic for the same document. */
  recordPdf(doc: RecordDocument): Promise<Uint8Array>;
}
