// A Word attachment (.docx) read from its structure (issue 23.1): word/document.xml's table rows and cells, merged
// cells (w:vMerge carries the 政策机制 / 主要举措 cell down over its rows, w:gridSpan), repeated header rows
// (w:tblHeader) — then src/ingest/table.ts writes the list's text form. Footers and headers (page numbers) live in
// other parts of the package and are never read.
//
// jszip + @xmldom/xmldom rather than mammoth: mammoth converts to HTML and drops what we need (it reads a vMerge
// continuation as an empty cell and has no notion of tblHeader), and it is ten times the size. xmldom is a small,
// well-kept pure-JS DOM parser that works in a Web Worker, where the browser's DOMParser does not exist.
import JSZip from 'jszip';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { AUTO_NUMBER, isHeaderRow, type TableDoc } from '../../ingest/table';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function children(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (!name || (n as XmlElement).localName === name)) out.push(n as XmlElement);
  return out;
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  return children(el, name)[0];
}

function attr(el: XmlElement | undefined, name: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(W, name) ?? el.getAttribute(`w:${name}`);
}

const SKIP = new Set(['del', 'moveFrom', 'instrText', 'delText', 'delInstrText', 'rPr', 'pPr', 'sdtPr', 'sdtEndPr', 'Fallback']);

/** Rows of a table: w:tr, also inside a content control (w:sdt) or custom XML around rows. */
function rowElements(tbl: XmlElement): XmlElement[] {
  return children(tbl).flatMap((c) => (c.localName === 'tr' ? [c] : c.localName === 'sdt' ? rowElements(child(c, 'sdtContent') ?? c) : c.localName === 'customXml' ? rowElements(c) : []));
}

/** A paragraph's lines: runs' text, w:br starting a new line; deleted text and field codes left out. A paragraph
 * numbered by Word itself (w:numPr: the "1．" is not in the text) starts with AUTO_NUMBER for table.ts to number. */
function paragraphLines(p: XmlElement): string[] {
  const pPr = child(p, 'pPr');
  const numbered = pPr !== undefined && child(pPr, 'numPr') !== undefined;
  const lines = [numbered ? AUTO_NUMBER : ''];
  const walk = (el: XmlElement) => {
    for (const c of children(el)) {
      const n = c.localName;
      // Deleted (tracked w:del, w:moveFrom) text is not in the document; inserted (w:ins, w:moveTo) and content
      // controls' text (w:sdtContent) is. A drawing's fallback repeats its text box's text.
      if (SKIP.has(n ?? '')) continue;
      if (n === 't') lines[lines.length - 1] += c.textContent ?? '';
      else if (n === 'tab') lines[lines.length - 1] += ' ';
      else if (n === 'br' || n === 'cr') lines.push('');
      else walk(c);
    }
  };
  walk(p);
  return lines;
}

/** Block content (body, cell, sdtContent): paragraphs' lines, tables handed to `onTable`. */
function blocks(el: XmlElement, onParagraph: (lines: string[]) => void, onTable: (t: XmlElement) => void): void {
  for (const c of children(el)) {
    if (c.localName === 'p') onParagraph(paragraphLines(c));
    else if (c.localName === 'tbl') onTable(c);
    else if (c.localName === 'sdt' || c.localName === 'sdtContent' || c.localName === 'customXml') blocks(c, onParagraph, onTable);
  }
}

function cellLines(tc: XmlElement): string[] {
  const lines: string[] = [];
  blocks(
    tc,
    (ls) => lines.push(...ls),
    // A table nested in a cell: its text, row by row.
    (t) => lines.push(...tableRows(t).flatMap((r) => r.flat())),
  );
  return lines.map((l) => l.trim()).filter((l) => l !== '' && l !== AUTO_NUMBER);
}

/** Rows of cells on the table's grid, merged cells carried down, repeated header rows after the first dropped.
 * `carry`: the last body row of the table before (a table Word split at a page: its first row continues the merge). */
function tableRows(tbl: XmlElement, carry?: string[][]): string[][][] {
  const rows: string[][][] = [];
  // The row a vMerge continuation takes its text from: never a header row (repeated as text, not marked tblHeader).
  let lastBody = carry;
  let headerSeen = false;
  for (const tr of rowElements(tbl)) {
    const trPr = child(tr, 'trPr');
    // A row deleted with tracked changes on is not in the document.
    if (trPr && child(trPr, 'del')) continue;
    const isHeader = trPr ? child(trPr, 'tblHeader') !== undefined && attr(child(trPr, 'tblHeader'), 'val') !== 'false' && attr(child(trPr, 'tblHeader'), 'val') !== '0' : false;
    if (isHeader && headerSeen) continue;
    if (isHeader) headerSeen = true;
    const row: string[][] = [];
    let col = Number(attr(trPr ? child(trPr, 'gridBefore') : undefined, 'val') ?? 0) || 0;
    for (let i = 0; i < col; i++) row.push([]);
    const above = lastBody;
    for (const tc of children(tr).flatMap((c) => (c.localName === 'tc' ? [c] : c.localName === 'sdt' ? children(child(c, 'sdtContent') ?? c, 'tc') : []))) {
      const tcPr = child(tc, 'tcPr');
      const span = Math.max(1, Number(attr(tcPr ? child(tcPr, 'gridSpan') : undefined, 'val') ?? 1) || 1);
      const vMerge = tcPr ? child(tcPr, 'vMerge') : undefined;
      const continues = vMerge !== undefined && (attr(vMerge, 'val') ?? 'continue') === 'continue';
      row[col] = continues ? [...(above?.[col] ?? [])] : cellLines(tc);
      for (let k = 1; k < span; k++) row[col + k] = [];
      col += span;
    }
    rows.push(row);
    if (!isHeaderRow(row)) lastBody = row;
  }
  return rows;
}

const BETWEEN_HEADING = /^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十]{1,3}[）)])\s*\S/;

export class DocxError extends Error {}

/** The .docx's text paragraphs before its first table and the rows of its tables. */
export async function readDocx(bytes: Uint8Array): Promise<TableDoc> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DocxError(`not a readable .docx (zip): ${e instanceof Error ? e.message : String(e)}`);
  }
  const part = zip.file('word/document.xml');
  if (!part) throw new DocxError('no word/document.xml in the package');
  const xml = await part.async('string');
  const dom = new DOMParser().parseFromString(xml, 'text/xml');
  const body = dom.getElementsByTagNameNS(W, 'body')[0] ?? dom.getElementsByTagName('w:body')[0];
  if (!body) throw new DocxError('the document has no body');
  const before: string[] = [];
  const rows: string[][][] = [];
  let pending: string[] = [];
  blocks(
    body as unknown as XmlElement,
    (lines) => {
      if (rows.length === 0) before.push(...lines);
      else pending.push(...lines.map((l) => l.trim()).filter((l) => l !== '' && l !== AUTO_NUMBER));
    },
    (t) => {
      // A table split into several (one a page, one a mechanism): a heading between them (二、…, （三）…) is a row
      // across the table; other text between them (a page's note, an empty paragraph) is not part of the list.
      for (const line of pending) if (BETWEEN_HEADING.test(line)) rows.push([[line]]);
      pending = [];
      rows.push(...tableRows(t, [...rows].reverse().find((r) => r.length > 1 && !isHeaderRow(r))));
    },
  );
  return { before, rows };
}

/** What a zip package holds: a Word document, a workbook, a presentation, an OFD or ODF document, or something else. */
export async function zipKind(bytes: Uint8Array): Promise<'docx' | 'xlsx' | 'pptx' | 'ofd' | 'odt' | 'zip'> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return 'zip';
  }
  if (zip.file('word/document.xml')) return 'docx';
  if (zip.file('xl/workbook.xml')) return 'xlsx';
  if (zip.file('ppt/presentation.xml')) return 'pptx';
  if (zip.file('OFD.xml') || zip.file(/(^|\/)OFD\.xml$/i).length > 0) return 'ofd';
  if (zip.file('mimetype')) return 'odt';
  return 'zip';
}
