import PDFDocument from 'pdfkit';
import { chineseFont } from './chineseFont.js';
import type { PrintLayout, PrintLine } from './printLines.js';

/** A signature's drawing, read from the record's files (PNG or JPEG). */
export type SignatureImage = { data: Buffer; contentType: string } | null;

const MARGIN = 48;
const LABEL_WIDTH = 150;

/**
 * The print layout as an A4 PDF: the Chinese font embedded (only the glyphs used), title, header
 * rows, fields (label and value, wrapped, new pages as needed), signature boxes with the drawn
 * signatures. Resolves with the whole file.
 */
export function renderPdf(
  layout: PrintLayout,
  images: readonly SignatureImage[],
  meta: { author: string; createdAt: Date },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: layout.title, Author: meta.author, CreationDate: meta.createdAt },
    // Fixed ids and dates: the same record gives the same file.
    compress: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('zh', chineseFont());
  doc.font('zh');
  const width = doc.page.width - MARGIN * 2;

  doc.fontSize(18).text(layout.title, { align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(10);
  for (const line of layout.header) row(doc, line, width);
  doc
    .moveTo(MARGIN, doc.y + 4)
    .lineTo(MARGIN + width, doc.y + 4)
    .strokeColor('#999999')
    .stroke();
  doc.moveDown(0.8);
  doc.fontSize(11);
  for (const line of layout.lines) row(doc, line, width);

  doc.moveDown(1.5);
  const boxWidth = (width - 20) / 2;
  layout.signatures.forEach((signature, i) => {
    const column = i % 2;
    if (column === 0 && doc.y + 110 > doc.page.height - MARGIN) doc.addPage();
    const top = column === 0 ? doc.y : (doc as unknown as { signatureTop: number }).signatureTop;
    if (column === 0) (doc as unknown as { signatureTop: number }).signatureTop = top;
    const left = MARGIN + column * (boxWidth + 20);
    doc.fontSize(10).text(signature.label, left, top, { width: boxWidth });
    const image = images[i];
    if (image) doc.image(image.data, left, top + 16, { fit: [boxWidth, 60] });
    doc
      .moveTo(left, top + 84)
      .lineTo(left + boxWidth, top + 84)
      .strokeColor('#333333')
      .stroke();
    doc.x = MARGIN;
    doc.y = column === 1 || i === layout.signatures.length - 1 ? top + 100 : top;
  });
  doc.end();
  return done;
}

function row(doc: PDFKit.PDFDocument, line: PrintLine, width: number): void {
  const indent = line.depth * 14;
  const top = doc.y;
  if (top + 20 > doc.page.height - MARGIN) doc.addPage();
  const y = doc.y;
  doc.fillColor('#555555').text(line.label, MARGIN + indent, y, { width: LABEL_WIDTH - indent });
  const afterLabel = doc.y;
  doc.fillColor('#000000').text(line.value || ' ', MARGIN + LABEL_WIDTH, y, { width: width - LABEL_WIDTH });
  doc.x = MARGIN;
  doc.y = Math.max(afterLabel, doc.y) + 3;
}
