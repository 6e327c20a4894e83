// A PDF attachment's text with positions → the list's text form (issue 23.2). Pure: the PDF reader (pdfjs, in the
// import worker or the CLI) hands over each page's text pieces with their x, y, width and height.
//
// - Lines: pieces whose baselines agree, per page, top to bottom.
// - Furniture: page numbers (— 3 —, 第3页, 3/10), and running headers/footers — a line near the top or bottom of
//   the page that recurs (digits aside) on at least half of the pages — are dropped.
// - The header row (序号 | 政策机制 | 主要举措 | 具体做法, possibly wrapped over two lines and repeated on every page)
//   names the columns and is dropped wherever it recurs. What stands above the first one is the notice and the
//   attachment's title, kept for the batch details.
// - Columns: boundaries are the vertical gutters no text crosses (cell borders and padding), picked between
//   consecutive header cells when there is a header; without one, every gutter, and the columns' roles come from what
//   they hold. Nothing depends on the page size, orientation or the column widths.
// - Merged 政策机制 / 主要举措 cells print their text once, often centred vertically over rows that run across pages,
//   so their place on the page says nothing about which practices they head. The list's numbering does: practice 1
//   opens the next measure, measure （一） the next mechanism. A practice split over a page break is one practice
//   because only a new number starts one.
import { isPageNumber } from './furniture';
import { columnRoles, isHeaderText, joinWrapped, type ColumnRole } from './table';
import { chineseNumeral } from './text';

export interface PdfPiece {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  w: number;
  /** Font size (height of the piece). */
  h: number;
}

export interface PdfPage {
  width: number;
  height: number;
  pieces: PdfPiece[];
}

interface Line {
  page: number;
  y: number;
  h: number;
  pieces: PdfPiece[];
  text: string;
  left: number;
  right: number;
}

export type PdfTextResult = { ok: true; text: string; pages: number } | { ok: false; reason: 'no-text' | 'no-table'; pages: number };

/** Pieces of one line joined: a space only where the gap is wide and both sides are Latin letters or digits. */
function joinPieces(pieces: readonly PdfPiece[]): string {
  let out = '';
  let end = -Infinity;
  for (const p of pieces) {
    const s = p.str.replace(/\s+/g, ' ').trim();
    if (!s) continue;
    const gap = p.x - end;
    out += out && gap > p.h * 0.2 && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(s) ? ` ${s}` : s;
    end = p.x + p.w;
  }
  return out;
}

function makeLine(page: number, pieces: PdfPiece[]): Line {
  pieces.sort((a, b) => a.x - b.x);
  const h = Math.max(...pieces.map((p) => p.h));
  return {
    page,
    y: pieces[0]!.y,
    h,
    pieces,
    text: joinPieces(pieces),
    left: Math.min(...pieces.map((p) => p.x)),
    right: Math.max(...pieces.map((p) => p.x + p.w)),
  };
}

function pageLines(page: PdfPage, index: number): Line[] {
  // A page number in the top or bottom tenth of the page is dropped even when it shares a baseline with a cell.
  const margin = (p: PdfPiece) => p.y < page.height * 0.1 || p.y > page.height * 0.9;
  const pieces = page.pieces.filter((p) => p.str.trim() !== '' && p.h > 0 && !(margin(p) && isPageNumber(p.str))).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfPiece[][] = [];
  for (const p of pieces) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0]!.y - p.y) <= Math.max(p.h, last[0]!.h) * 0.4) last.push(p);
    else lines.push([p]);
  }
  return lines.map((l) => makeLine(index, l));
}

/** Lines that recur near the top or bottom of most pages (a running header or footer), digits ignored. */
function runningLines(pages: readonly PdfPage[], lines: readonly Line[]): Set<Line> {
  const out = new Set<Line>();
  if (pages.length < 2) return out;
  const key = (l: Line) => l.text.replace(/[0-9０-９]+/g, '#');
  const band = (l: Line) => {
    const hgt = pages[l.page]!.height;
    return l.y > hgt * 0.9 || l.y < hgt * 0.1;
  };
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) if (band(l)) (pagesOf.get(key(l)) ?? pagesOf.set(key(l), new Set()).get(key(l))!).add(l.page);
  for (const l of lines) if (band(l) && (pagesOf.get(key(l))?.size ?? 0) >= Math.max(2, pages.length / 2)) out.add(l);
  return out;
}

/** A line of the header row: every piece a header word, one of them naming a column of practices or measures. */
function headerLike(l: Line): boolean {
  // Narrow header cells wrap their words, down to one character a line (序 / 号).
  return l.pieces.every((p) => isHeaderText(p.str) || /^[序号政策机制主要举措具体做法\s]{1,2}$/.test(p.str.trim()));
}
const HEADER_KEY = /序号|机制|举措|做法/;

interface HeaderCell {
  left: number;
  right: number;
  text: string;
}

/** The header band's pieces grouped into cells by horizontal overlap (政策 over 机制 is one cell). */
function headerCells(band: readonly Line[]): HeaderCell[] {
  const cells: HeaderCell[] = [];
  const pieces = band.flatMap((l) => l.pieces.map((p) => ({ p, y: l.y }))).sort((a, b) => b.y - a.y);
  for (const { p } of pieces) {
    const c = cells.find((c) => p.x < c.right && p.x + p.w > c.left);
    if (c) {
      c.left = Math.min(c.left, p.x);
      c.right = Math.max(c.right, p.x + p.w);
      c.text += p.str.trim();
    } else cells.push({ left: p.x, right: p.x + p.w, text: p.str.trim() });
  }
  return cells.sort((a, b) => a.left - b.left);
}

/** Vertical gutters (x ranges no piece of enough lines covers) over the given lines: [start, end] pairs. */
function gutters(lines: readonly Line[], share = 0.02): [number, number][] {
  const pieces = lines.flatMap((l) => l.pieces);
  if (pieces.length === 0) return [];
  const min = Math.floor(Math.min(...pieces.map((p) => p.x)));
  const max = Math.ceil(Math.max(...pieces.map((p) => p.x + p.w)));
  const cover = new Int32Array(max - min + 2);
  for (const l of lines) {
    // Each line counts once per x, however many pieces overlap there.
    const seen = new Uint8Array(max - min + 2);
    for (const p of l.pieces) for (let x = Math.floor(p.x) - min + 1; x < Math.ceil(p.x + p.w) - min; x++) seen[x] = 1;
    for (let x = 0; x < seen.length; x++) cover[x]! += seen[x]!;
  }
  const limit = Math.max(1, Math.floor(lines.length * share));
  const out: [number, number][] = [];
  let start = -1;
  for (let x = 1; x < cover.length - 1; x++) {
    const free = cover[x]! <= limit;
    if (free && start < 0) start = x;
    if (!free && start >= 0) {
      if (x - start >= 3) out.push([start + min, x + min]);
      start = -1;
    }
  }
  return out;
}

const ITEM_START = /^([0-9０-９]{1,6})\s*[．.、](?![0-9０-９])/;
const MEASURE_START = /^[（(]([一二三四五六七八九十]{1,3})[）)]/;
const MECH_START = /^([一二三四五六七八九十]{1,3})(?:\s*[、．.]|$)/;

const digits = (s: string) => Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));

/** Paragraphs of running text (the notice): a line that reaches the right margin continues on the next. */
function paragraphs(lines: readonly Line[]): string[] {
  if (lines.length === 0) return [];
  const right = Math.max(...lines.map((l) => l.right));
  const left = Math.min(...lines.map((l) => l.left));
  const out: string[] = [];
  let open = false;
  for (const l of lines) {
    // A wrapped line starts at the left margin; a centred one (the 文号 under the title) is a paragraph of its own.
    if (open && l.left <= left + l.h * 0.5) out[out.length - 1] = joinWrapped([out[out.length - 1]!, l.text]);
    else out.push(l.text);
    open = l.right >= right - l.h * 1.5;
  }
  return out;
}

export function pdfText(pages: readonly PdfPage[]): PdfTextResult {
  const all = pages.flatMap(pageLines);
  const chars = all.reduce((n, l) => n + l.text.length, 0);
  if (chars < Math.max(20, pages.length * 5)) return { ok: false, reason: 'no-text', pages: pages.length };
  const running = runningLines(pages, all);
  const lines = all.filter((l) => !running.has(l) && !isPageNumber(l.text));

  // Header bands: runs of header-like lines on one page.
  const header = new Set<Line>();
  let firstBand: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (!headerLike(lines[i]!)) continue;
    const band = [lines[i]!];
    while (i + 1 < lines.length && lines[i + 1]!.page === band[0]!.page && headerLike(lines[i + 1]!)) band.push(lines[++i]!);
    const words = band.map((l) => l.text).join('');
    if (!HEADER_KEY.test(words) || (!band.some((l) => l.pieces.length >= 2) && !/做法/.test(words))) continue;
    for (const l of band) header.add(l);
    firstBand ??= band;
  }
  const firstAt = firstBand ? lines.indexOf(firstBand[0]!) : -1;
  let before = firstAt >= 0 ? lines.slice(0, firstAt) : [];
  let table = (firstAt >= 0 ? lines.slice(firstAt) : lines).filter((l) => !header.has(l));

  let bounds: number[];
  let roles: (ColumnRole | null)[];
  if (firstBand) {
    const cells = headerCells(firstBand);
    // Lines across the table (a mechanism written as a row, a note) may cross a gutter: a gutter may be crossed by
    // a few lines when no clean one is found.
    const tries = [0.02, 0.05, 0.12].map((share) => gutters(table, share));
    bounds = [];
    for (let i = 0; i + 1 < cells.length; i++) {
      const a = cells[i]!;
      const b = cells[i + 1]!;
      const inside = (g: [number, number][]) => g.filter(([s, e]) => (s + e) / 2 > a.left && (s + e) / 2 < b.right);
      const between = tries.map(inside).find((g) => g.length > 0) ?? [];
      // The widest gutter between the two header cells; without one, the middle of the space between them.
      const best = between.sort((x, y) => y[1] - y[0] - (x[1] - x[0]))[0];
      bounds.push(best ? (best[0] + best[1]) / 2 : (a.right + b.left) / 2);
    }
    roles = columnRoles(
      cells.map((c) => c.text),
      [],
      cells.length,
    );
  } else {
    // No header: the table starts at the first line with pieces in two columns.
    const g = gutters(table.filter((l) => l.pieces.length >= 2));
    bounds = g.map(([s, e]) => (s + e) / 2);
    const startAt = table.findIndex((l) => columnsOf(l, bounds).size >= 2);
    before = startAt > 0 ? table.slice(0, startAt) : [];
    table = table.slice(Math.max(0, startAt));
    const rows = table.map((l) => cellsOf(l, bounds, bounds.length + 1).map((t) => [t]));
    roles = columnRoles(null, rows, bounds.length + 1);
  }
  if (!roles.includes('practice')) return { ok: false, reason: 'no-table', pages: pages.length };

  // Mechanisms written as rows across the table (一、建立… over the measure and practice columns) when there is no
  // 政策机制 column: a line that opens with 一、 at the table's left, outside the practice column.
  const inlineMechs: string[] = [];
  if (!roles.includes('mechanism')) {
    const practiceCol = roles.indexOf('practice');
    table = table.filter((l) => {
      const heading = /^[一二三四五六七八九十]{1,3}[、．.]\s*\S{2,}/.test(l.text) && columnAt(l.left + 1, bounds) !== practiceCol;
      if (heading) inlineMechs.push(l.text);
      return !heading;
    });
  }

  // Each column's lines in reading order.
  const colLines = (role: ColumnRole) => {
    const c = roles.indexOf(role);
    if (c < 0) return [] as { text: string; line: Line }[];
    return table.flatMap((l) => {
      const t = cellsOf(l, bounds, roles.length)[c] ?? '';
      return t ? [{ text: t, line: l }] : [];
    });
  };

  // Practices: a new one at each next number (or 1, opening the next measure).
  const items: { num: number; parts: string[] }[] = [];
  for (const { text } of colLines('practice')) {
    const m = ITEM_START.exec(text);
    const last = items[items.length - 1];
    if (m && (!last || digits(m[1]!) === last.num + 1 || digits(m[1]!) === 1)) items.push({ num: digits(m[1]!), parts: [text] });
    else if (last) last.parts.push(text);
    else items.push({ num: 0, parts: [text] });
  }
  // Measures: each opens with （N）; a block repeated after a page break is one.
  const measures: { num: number; parts: string[] }[] = [];
  for (const { text } of colLines('measure')) {
    const m = MEASURE_START.exec(text);
    if (m || measures.length === 0) measures.push({ num: m ? (chineseNumeral(m[1]!) ?? 0) : 0, parts: [text] });
    else measures[measures.length - 1]!.parts.push(text);
  }
  const measureTexts = dedupe(measures.map((m) => ({ num: m.num, text: joinWrapped(m.parts) })));
  // Mechanisms: the 序号 numerals and the titles, a title being lines close together in one column.
  // Blocks of a column: lines close together on one page (a merged cell's wrapped text: a title, or 二十 / 一 in a
  // narrow 序号 column).
  const blocks = (role: ColumnRole, opens: (text: string, before: string) => boolean) => {
    const out: { parts: string[]; last: Line }[] = [];
    for (const { text, line } of colLines(role)) {
      const prev = out[out.length - 1];
      if (prev && prev.last.page === line.page && prev.last.y - line.y <= line.h * 1.9 && !opens(text, joinWrapped(prev.parts))) {
        prev.parts.push(text);
        prev.last = line;
      } else out.push({ parts: [text], last: line });
    }
    return out.map((b) => joinWrapped(b.parts));
  };
  // 二十 + 一 is one numeral; 一 + 二 (two short rows, top-aligned) are two.
  const numerals = blocks('seq', (t, before) => chineseNumeral(`${before}${t}`.replace(/[、．.]$/, '')) === null).filter((t) => chineseNumeral(t.replace(/[、．.]$/, '')) !== null);
  const mechColumn = dedupe(blocks('mechanism', (t) => MECH_START.test(t)).map((text) => ({ num: 0, text }))).map((m) => m.text);
  const mechTexts = mechColumn.length ? mechColumn : dedupe(inlineMechs.map((text) => ({ num: 0, text }))).map((m) => m.text);
  const uniqueNumerals = numerals.filter((n, i) => n !== numerals[i - 1]);

  const out = paragraphs(before);
  let mi = -1;
  let si = -1;
  const openMechanism = () => {
    mi++;
    const title = mechTexts[mi] ?? '';
    const numeral = uniqueNumerals[mi]?.replace(/[、．.]$/, '') ?? '';
    if (numeral && title && !MECH_START.test(title)) out.push(`${numeral}、${title}`);
    else if (title || numeral) out.push(title || numeral);
  };
  items.forEach((it, i) => {
    if (i === 0 || it.num === 1) {
      if (measureTexts.length === 0) openMechanism();
      else {
        si++;
        const ms = measureTexts[si];
        if (si === 0 || ms?.num === 1) openMechanism();
        if (ms) out.push(ms.text);
      }
    }
    out.push(joinWrapped(it.parts));
  });
  return { ok: true, text: out.join('\n'), pages: pages.length };
}

/** Consecutive equal entries once (a merged cell printed again on the next page). */
function dedupe<T extends { text: string }>(list: T[]): T[] {
  return list.filter((x, i) => i === 0 || x.text !== list[i - 1]!.text);
}

/** The column index of an x position. */
function columnAt(x: number, bounds: readonly number[]): number {
  let c = 0;
  while (c < bounds.length && x >= bounds[c]!) c++;
  return c;
}

function columnsOf(l: Line, bounds: readonly number[]): Set<number> {
  return new Set(l.pieces.map((p) => columnAt(p.x + Math.min(p.w, p.h) / 2, bounds)));
}

/** A line's text per column. */
function cellsOf(l: Line, bounds: readonly number[], n: number): string[] {
  const groups: PdfPiece[][] = Array.from({ length: n }, () => []);
  for (const p of l.pieces) groups[Math.min(n - 1, columnAt(p.x + Math.min(p.w, p.h) / 2, bounds))]!.push(p);
  return groups.map(joinPieces);
}
