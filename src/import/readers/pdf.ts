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
    getViewport(o: { scale: number }): { width: number; height: number; transform?: number[] };
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
      // The page as it is shown: a landscape page stored as a portrait one turned by /Rotate, or a MediaBox that does
      // not start at 0, reads like any other once each piece goes through the viewport's transform (y down).
      const [va = 1, vb = 0, vc = 0, vd = -1, ve = 0, vf = vp.height] = vp.transform ?? [];
      const content = await page.getTextContent();
      const pieces: PdfPiece[] = [];
      for (const raw of content.items) {
        const it = raw as Partial<TextItemLike>;
        if (typeof it.str !== 'string' || !it.transform) continue;
        const [ta = 0, tb = 0, tc = 0, td = 0, te = 0, tf = 0] = it.transform;
        const a = va * ta + vc * tb;
        const b = vb * ta + vd * tb;
        const d = vb * tc + vd * td;
        const x = va * te + vc * tf + ve;
        const y = vb * te + vd * tf + vf;
        // Rotated text as shown (a stamp, a vertical caption) is not part of the table.
        if (Math.abs(b) > Math.abs(a) * 0.1 || a <= 0) continue;
        pieces.push({ str: it.str, x, y: vp.height - y, w: it.width ?? 0, h: Math.abs(d) || (it.height ?? 0) });
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
