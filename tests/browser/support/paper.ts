/**
 * What a printed paper says, read from its PDF as a reader of the file would: each page's size
 * and text (unpdf, PDF.js), the fonts the file embeds, and the text a QR code on screen carries
 * (jsQR over a PNG screenshot).
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { extractTextItems, getDocumentProxy } from 'unpdf';

export interface PdfPage {
  /** in points; A4 is 595.28 × 841.89, 80 mm is 226.77 wide */
  width: number;
  height: number;
  /** the page's text, lines joined by spaces */
  text: string;
  items: { str: string; x: number; width: number }[];
}

export interface PdfPaper {
  pages: PdfPage[];
  /** all pages' text */
  text: string;
  /** the embedded fonts' names without their subset prefix, e.g. `NotoSans-Regular` */
  fonts: string[];
}

export async function readPdf(pdf: Buffer): Promise<PdfPaper> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { items } = await extractTextItems(document);
  const pages: PdfPage[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const [, , width, height] = (await document.getPage(i)).view as [
      number,
      number,
      number,
      number,
    ];
    const pageItems = items[i - 1] ?? [];
    pages.push({
      width,
      height,
      text: pageItems.map((item) => item.str + (item.hasEOL ? ' ' : '')).join(''),
      items: pageItems.map(({ str, x, width: w }) => ({ str, x, width: w })),
    });
  }
  // Chromium's PDFs keep font dictionaries uncompressed: the names are readable in the file.
  const fonts = [
    ...new Set(
      [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]]+)/g)].map(
        (m) => m[1] as string,
      ),
    ),
  ];
  return { pages, text: pages.map((p) => p.text).join(' '), fonts };
}

/** The text without any white space: a label wrapped over two lines still reads the same. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

/** The text a QR code in a PNG image carries; null when no code is found. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
