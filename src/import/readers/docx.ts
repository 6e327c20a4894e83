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
import { toCn } from '../../ingest/parse';

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

/** One level of a Word list: its start, number format and label text (%1、 · （%2） · %3．). */
interface NumLevel {
  start: number;
  fmt: string;
  text: string;
}

/**
 * Word's own list numbering (word/numbering.xml): the labels Word shows before numbered paragraphs (一、 （一） 1．)
 * are not in the text; they are worked out here as Word does — a counter per list and level, deeper levels restarting
 * when a shallower one advances, a list instance's start override restarting it. A paragraph numbered by a list this
 * does not know (no numbering.xml, a bullet) starts with AUTO_NUMBER for table.ts to number as the list's way.
 */
export class Numbering {
  private readonly abstract = new Map<string, Map<number, NumLevel>>();
  private readonly instances = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  /** Paragraph styles that carry a numbering (w:style/w:pPr/w:numPr), by style id. */
  readonly styles = new Map<string, { numId: string; ilvl: number }>();

  constructor(numberingXml?: string, stylesXml?: string) {
    if (numberingXml) {
      const dom = new DOMParser().parseFromString(numberingXml, 'text/xml');
      const root = dom.documentElement as unknown as XmlElement | null;
      for (const a of root ? children(root, 'abstractNum') : []) {
        const levels = new Map<number, NumLevel>();
        for (const l of children(a, 'lvl'))
          levels.set(Number(attr(l, 'ilvl') ?? 0), { start: Number(attr(child(l, 'start'), 'val') ?? 1), fmt: attr(child(l, 'numFmt'), 'val') ?? 'decimal', text: attr(child(l, 'lvlText'), 'val') ?? '' });
        this.abstract.set(attr(a, 'abstractNumId') ?? '', levels);
      }
      for (const n of root ? children(root, 'num') : []) {
        const overrides = new Map<number, number>();
        for (const o of children(n, 'lvlOverride')) {
          const so = attr(child(o, 'startOverride'), 'val');
          if (so !== null) overrides.set(Number(attr(o, 'ilvl') ?? 0), Number(so));
        }
        this.instances.set(attr(n, 'numId') ?? '', { abstractId: attr(child(n, 'abstractNumId'), 'val') ?? '', overrides });
      }
    }
    if (stylesXml) {
      const dom = new DOMParser().parseFromString(stylesXml, 'text/xml');
      const root = dom.documentElement as unknown as XmlElement | null;
      for (const st of root ? children(root, 'style') : []) {
        const numPr = child(child(st, 'pPr') ?? st, 'numPr');
        const numId = attr(child(numPr ?? st, 'numId'), 'val');
        if (numPr && numId) this.styles.set(attr(st, 'styleId') ?? '', { numId, ilvl: Number(attr(child(numPr, 'ilvl'), 'val') ?? 0) });
      }
    }
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`: '' for no numbering (numId 0, a bullet),
   * AUTO_NUMBER for a list this does not know. */
  next(numId: string, ilvl: number): string {
    if (numId === '0') return '';
    const inst = this.instances.get(numId);
    const levels = inst ? this.abstract.get(inst.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!inst || !levels || !level) return AUTO_NUMBER;
    if (level.fmt === 'bullet' || level.fmt === 'none') return '';
    const counts = this.counters.get(inst.abstractId) ?? [];
    this.counters.set(inst.abstractId, counts);
    // A list instance with a start override restarts its levels where it is first used.
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, v] of inst.overrides) counts[l] = v - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? (levels.get(ilvl)?.start ?? 1) - 1) + 1;
    for (let l = ilvl + 1; l < 9; l++) counts[l] = undefined as unknown as number;
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const lv = levels.get(l);
      return formatNumber(counts[l] ?? lv?.start ?? 1, lv?.fmt ?? 'decimal');
    });
  }
}

/** A number in one of Word's formats (those lists use; others as decimal). */
function formatNumber(n: number, fmt: string): string {
  if (/^(?:chineseCounting|chineseCountingThousand|chineseLegalSimplified|ideographTraditional|japaneseCounting|taiwaneseCounting|taiwaneseCountingThousand|ideographDigital)$/.test(fmt)) return toCn(n);
  if (fmt === 'decimalFullWidth' || fmt === 'decimalFullWidth2') return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  if (fmt === 'decimalEnclosedCircle' || fmt === 'decimalEnclosedCircleChinese') return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
  if (fmt === 'lowerLetter' || fmt === 'upperLetter') {
    const c = String.fromCharCode(97 + ((n - 1) % 26));
    return fmt === 'upperLetter' ? c.toUpperCase() : c;
  }
  return String(n);
}

/** A paragraph's lines: runs' text, w:br starting a new line; deleted text and field codes left out. A paragraph
 * numbered by Word itself (w:numPr, directly or by its style) starts with the label Word shows (Numbering). */
function paragraphLines(p: XmlElement, numbering: Numbering): string[] {
  const pPr = child(p, 'pPr');
  const numPr = pPr ? child(pPr, 'numPr') : undefined;
  const style = numPr ? undefined : numbering.styles.get(attr(pPr ? child(pPr, 'pStyle') : undefined, 'val') ?? '');
  const numId = numPr ? (attr(child(numPr, 'numId'), 'val') ?? '') : style?.numId;
  const label = numId !== undefined ? numbering.next(numId, numPr ? Number(attr(child(numPr, 'ilvl'), 'val') ?? 0) : (style?.ilvl ?? 0)) : '';
  const lines = [label];
  const walk = (el: XmlElement) => {
    for (const c of children(el)) {
      const n = c.localName;
      // Deleted (tracked w:del, w:moveFrom) text is not in the document; inserted (w:ins, w:moveTo) and content
      // controls' text (w:sdtContent) is. A drawing's fallback repeats its text box's text.
      if (SKIP.has(n ?? '')) continue;
      if (n === 't') lines[lines.length - 1] += c.textContent ?? '';
      else if (n === 'tab' || n === 'ptab') lines[lines.length - 1] += ' ';
      // A non-breaking hyphen is a hyphen in the text; a soft hyphen shows only where a line breaks.
      else if (n === 'noBreakHyphen') lines[lines.length - 1] += '-';
      else if (n === 'br' || n === 'cr') lines.push('');
      else walk(c);
    }
  };
  walk(p);
  return lines;
}

/** Block content (body, cell, sdtContent): paragraphs' lines, tables handed to `onTable`. */
function blocks(el: XmlElement, numbering: Numbering, onParagraph: (lines: string[]) => void, onTable: (t: XmlElement) => void): void {
  for (const c of children(el)) {
    if (c.localName === 'p') onParagraph(paragraphLines(c, numbering));
    else if (c.localName === 'tbl') onTable(c);
    else if (c.localName === 'sdt' || c.localName === 'sdtContent' || c.localName === 'customXml') blocks(c, numbering, onParagraph, onTable);
  }
}

function cellLines(tc: XmlElement, numbering: Numbering): string[] {
  const lines: string[] = [];
  blocks(
    tc,
    numbering,
    (ls) => lines.push(...ls),
    // A table nested in a cell: its text, row by row.
    (t) => lines.push(...tableRows(t, numbering).flatMap((r) => r.flat())),
  );
  return lines.map((l) => l.trim()).filter((l) => l !== '' && l !== AUTO_NUMBER);
}

/** Rows of cells on the table's grid, merged cells carried down, repeated header rows after the first dropped.
 * `carry`: the last body row of the table before (a table Word split at a page: its first row continues the merge). */
function tableRows(tbl: XmlElement, numbering: Numbering, carry?: string[][]): string[][][] {
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
      row[col] = continues ? [...(above?.[col] ?? [])] : cellLines(tc, numbering);
      for (let k = 1; k < span; k++) row[col + k] = [];
      col += span;
    }
    rows.push(row);
    if (!isHeaderRow(row)) lastBody = row;
  }
  return rows;
}

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
  const numbering = new Numbering(await zip.file('word/numbering.xml')?.async('string'), await zip.file('word/styles.xml')?.async('string'));
  const body = dom.getElementsByTagNameNS(W, 'body')[0] ?? dom.getElementsByTagName('w:body')[0];
  if (!body) throw new DocxError('the document has no body');
  const before: string[] = [];
  const rows: string[][][] = [];
  let pending: string[] = [];
  blocks(
    body as unknown as XmlElement,
    numbering,
    (lines) => {
      if (rows.length === 0) before.push(...lines);
      else pending.push(...lines.map((l) => l.trim()).filter((l) => l !== '' && l !== AUTO_NUMBER));
    },
    (t) => {
      // A table split into several (one a page, one a mechanism): the text between them (a heading 二、…, （三）…, a
      // page number, 续表) is a row across the table: table.ts reads headings as such and hands anything else to the
      // parser as a line of its own (page furniture is then dropped and listed; nothing is dropped unseen).
      for (const line of pending) rows.push([[line]]);
      pending = [];
      rows.push(...tableRows(t, numbering, [...rows].reverse().find((r) => r.length > 1 && !isHeaderRow(r))));
    },
  );
  // Paragraphs after the last table: the list going on as text, or a note. Rows across the table too.
  for (const line of pending) rows.push([[line]]);
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
