// A PDF attachment's text with positions, page by page, from pdfjs-dist (issue 23.2). The caller passes the pdfjs
// module: the import worker loads the browser build as a lazy chunk (its own worker code too, from the app's origin),
// the CLI the legacy build for Node. src/ingest/pdfLayout.ts turns the pieces into the list's text.
import type { PdfPage, PdfPiece } from '../../ingest/pdfLayout';

/** The part of pdfjs-dist this reader uses (the browser and the legacy Node builds both have it). */
export interface PdfjsLike {
  getDocument(src: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    verbosity?: number;
    stopAtErrors?: boolean;
    /** Where the CMaps of fonts the PDF does not embed come from (the worker: the app's assets; Node: the package). */
    cMapUrl?: string;
    cMapPacked?: boolean;
    useWorkerFetch?: boolean;
    BinaryDataFactory?: unknown;
  }): { promise: Promise<PdfDocumentLike> };
}

interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number };
    getTextContent(): Promise<{ items: unknown[] }>;
    cleanup(): void;
  }>;
  destroy(): Promise<void>;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export class PdfError extends Error {
  constructor(
    message: string,
    readonly kind: 'password' | 'damaged',
  ) {
    super(message);
  }
}

export async function readPdfPages(bytes: Uint8Array, pdfjs: PdfjsLike, onPage: (done: number, total: number) => void = () => {}): Promise<PdfPage[]> {
  let doc: PdfDocumentLike;
  try {
    doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    throw new PdfError(e instanceof Error ? e.message : String(e), name === 'PasswordException' ? 'password' : 'damaged');
  }
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const pieces: PdfPiece[] = [];
      for (const raw of content.items) {
        const it = raw as Partial<TextItemLike>;
        if (typeof it.str !== 'string' || !it.transform) continue;
        const [a = 0, b = 0, , d = 0, e = 0, f = 0] = it.transform;
        // Rotated text (a stamp, a vertical caption) is not part of the table.
        if (Math.abs(b) > Math.abs(a) * 0.1) continue;
        pieces.push({ str: it.str, x: e, y: f, w: it.width ?? 0, h: Math.abs(d) || (it.height ?? 0) });
      }
      pages.push({ width: vp.width, height: vp.height, pieces });
      page.cleanup();
      onPage(n, doc.numPages);
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
