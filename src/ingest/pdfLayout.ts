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
import { chineseNumeral, ROW_END } from './text';

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

/** What the layout drops by its place on the page (listed in the preview, issue 23.4): page numbers, running
 * headers and footers, the header row repeated on later pages. `page` is 1-based. */
export interface PdfDropped {
  page: number;
  text: string;
  kind: 'page-number' | 'running' | 'header';
}

export type PdfTextResult = { ok: true; text: string; pages: number; dropped: PdfDropped[] } | { ok: false; reason: 'no-text' | 'no-table'; pages: number };

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

function pageLines(page: PdfPage, index: number, dropped: PdfDropped[] = []): Line[] {
  // A page number in the top or bottom tenth of the page is dropped even when it shares a baseline with a cell.
  // A bare number with text further out than it (below it in the bottom band, above it in the top one) is a 序号 cell
  // near the page's edge, not the page number.
  const margin = (p: PdfPiece) => p.y < page.height * 0.1 || p.y > page.height * 0.9;
  const outside = (p: PdfPiece) =>
    /^\s*[0-9０-９]{1,6}\s*$/.test(p.str) && page.pieces.some((q) => q.str.trim() !== '' && (p.y < page.height / 2 ? q.y < p.y - p.h * 0.4 : q.y > p.y + p.h * 0.4) && !isPageNumber(q.str));
  // A number touching other text on its baseline is part of that text (a practice's "3" before its "．湖北省…" at the
  // foot of a page without a footer), never a page number.
  const touching = (p: PdfPiece) =>
    page.pieces.some((q) => q !== p && q.str.trim() !== '' && Math.abs(q.y - p.y) <= p.h * 0.4 && (Math.abs(q.x - (p.x + p.w)) < p.h * 0.5 || Math.abs(p.x - (q.x + q.w)) < p.h * 0.5));
  const pieces = page.pieces
    .filter((p) => {
      if (p.str.trim() === '' || p.h <= 0) return false;
      const pageNumber = margin(p) && isPageNumber(p.str) && !outside(p) && !touching(p);
      if (pageNumber) dropped.push({ page: index + 1, text: p.str.trim(), kind: 'page-number' });
      return !pageNumber;
    })
    .sort((a, b) => b.y - a.y || a.x - b.x);
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
  // Narrow header cells wrap their words anywhere, down to one character a line (序 / 号, 主要举 / 措).
  return l.pieces.every((p) => isHeaderText(p.str) || /^[序号政策机制主要举措具体做法\s]{1,4}$/.test(p.str.trim()));
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
    // A wrapped line starts at the left margin; a centred one (the 文号 under the title) is a paragraph of its own,
    // and so is a numbered heading or practice after a finished sentence (a paragraph that happened to fill its line).
    const numbered = /[。！？；：:]$/.test(out[out.length - 1] ?? '') && (ITEM_START.test(l.text) || MEASURE_START.test(l.text) || MECH_START.test(l.text));
    if (open && l.left <= left + l.h * 0.5 && !numbered) out[out.length - 1] = joinWrapped([out[out.length - 1]!, l.text]);
    else out.push(l.text);
    open = l.right >= right - l.h * 1.5;
  }
  return out;
}

export function pdfText(pages: readonly PdfPage[]): PdfTextResult {
  const dropped: PdfDropped[] = [];
  const all = pages.flatMap((p, i) => pageLines(p, i, dropped));
  const chars = all.reduce((n, l) => n + l.text.length, 0);
  if (chars < Math.max(20, pages.length * 5)) return { ok: false, reason: 'no-text', pages: pages.length };
  const running = runningLines(pages, all);
  // A page number standing on a line of its own. A bare number (no dashes, no 第…页) only as the first or last line
  // of its page: in between, a number alone on its line is a 序号 cell centred in its row.
  const edge = new Set<Line>();
  all.forEach((l, i) => {
    if (all[i - 1]?.page !== l.page || all[i + 1]?.page !== l.page) edge.add(l);
  });
  const lines = all.filter((l) => {
    const kind = running.has(l) ? 'running' : isPageNumber(l.text) && (!/^\s*[0-9０-９]{1,4}\s*$/.test(l.text) || edge.has(l)) ? 'page-number' : null;
    if (kind) dropped.push({ page: l.page + 1, text: l.text, kind });
    return kind === null;
  });

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
    // The header row again on a later page (the first one names the columns).
    if (firstBand) dropped.push({ page: band[0]!.page + 1, text: band.map((l) => l.text).join(' '), kind: 'header' });
    firstBand ??= band;
  }
  const firstAt = firstBand ? lines.indexOf(firstBand[0]!) : -1;
  let before = firstAt >= 0 ? lines.slice(0, firstAt) : [];
  let table = (firstAt >= 0 ? lines.slice(firstAt) : lines).filter((l) => !header.has(l));

  let bounds: number[];
  let roles: (ColumnRole | null)[];
  let headerNames: string[] = [];
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
    headerNames = cells.map((c) => c.text);
  } else {
    // No header: the table starts at the first line with pieces in two columns.
    const g = gutters(table.filter((l) => l.pieces.length >= 2));
    bounds = g.map(([s, e]) => (s + e) / 2);
    // No table at all: the list written as numbered paragraphs (一、 （一） 1．) — hardly a line with text in two
    // columns. Its text is its paragraphs, read by the one parser like any text.
    if (bounds.length === 0 || table.filter((l) => columnsOf(l, bounds).size >= 2).length < table.length * 0.1) return { ok: true, text: paragraphs(table).join('\n'), pages: pages.length, dropped: sortDropped(dropped) };
    const startAt = table.findIndex((l) => columnsOf(l, bounds).size >= 2);
    before = startAt > 0 ? table.slice(0, startAt) : [];
    table = table.slice(Math.max(0, startAt));
    const rows = table.map((l) => cellsOf(l, bounds, bounds.length + 1).map((t) => [t]));
    roles = columnRoles(null, rows, bounds.length + 1);
  }
  if (!roles.includes('practice')) return { ok: false, reason: 'no-table', pages: pages.length };

  // Mechanisms written as rows across the table (一、建立… over the measure and practice columns) when there is no
  // 政策机制 column: a line that opens with 一、 at the table's left, outside the practice column.
  // A long heading wraps: the line under it, starting where it starts, is its rest (not a measure or a practice).
  // `across`: a row across the table (its practices start under it), not a heading in a merged cell of its own column.
  const inlineMechs: { text: string; line: Line; next?: Line; across?: boolean }[] = [];
  if (!roles.includes('mechanism')) {
    const practiceCol = roles.indexOf('practice');
    const tableRight = Math.max(...table.map((l) => l.right));
    const kept: Line[] = [];
    let open: ((typeof inlineMechs)[number] & { left: number; right: number; colRight: number }) | null = null;
    const colOf = (p: PdfPiece) => columnAt(p.x + Math.min(p.w, p.h) / 2, bounds);
    const contiguous = (l: Line) => l.pieces.every((p, i) => i === 0 || Math.abs(p.x - (l.pieces[i - 1]!.x + l.pieces[i - 1]!.w)) < p.h * 0.3);
    for (const l of table) {
      // A heading row across the table is one run of text; a heading in a merged cell of its own column (政策机制及
      // 主要举措: 一、… over （一）…) shares its baseline with a practice's line, which stays a practice's line.
      const across = contiguous(l) && bounds.some((b) => l.left < b - l.h && l.right > b + l.h);
      const own = across ? l.pieces : l.pieces.filter((p) => colOf(p) !== practiceCol);
      const rest = across ? [] : l.pieces.filter((p) => colOf(p) === practiceCol);
      const ownText = joinPieces(own);
      const ownLeft = own.length ? Math.min(...own.map((p) => p.x)) : Infinity;
      const ownRight = own.length ? Math.max(...own.map((p) => p.x + p.w)) : -Infinity;
      const heading = own.length > 0 && columnAt(ownLeft + 1, bounds) !== practiceCol && /^[一二三四五六七八九十]{1,3}[、．.]\s*\S{2,}/.test(ownText);
      const prev = open?.line;
      const wrapped =
        open !== null &&
        prev !== undefined &&
        own.length > 0 &&
        open.right >= open.colRight - prev.h * 2.5 &&
        l.page === prev.page &&
        prev.y - l.y <= l.h * 1.9 &&
        Math.abs(ownLeft - open.left) <= l.h &&
        !MEASURE_START.test(ownText) &&
        !ITEM_START.test(ownText);
      const keepRest = () => {
        if (rest.length === 0) return;
        const line = makeLine(l.page, rest);
        if (open && !open.next) open.next = line;
        kept.push(line);
      };
      if (heading) {
        const c = columnAt(ownLeft + 1, bounds);
        open = { text: ownText, line: l, left: ownLeft, right: ownRight, colRight: across ? tableRight : (bounds[c] ?? tableRight), across };
        inlineMechs.push(open);
        keepRest();
      } else if (wrapped) {
        open!.text = joinWrapped([open!.text, ownText]);
        open!.line = l;
        open!.right = ownRight;
        keepRest();
      } else if (open && !open.across && own.length === 0) {
        // A practice's line between the lines of a heading in its own column (a centred cell's baselines are not the
        // practices'): the heading may still wrap on.
        kept.push(l);
      } else {
        if (open && !open.next) open.next = l;
        open = null;
        kept.push(l);
      }
    }
    table = kept;
  }
  // A line whose text runs across a column boundary is in no column: a note under the table (注：…), a paragraph
  // between its parts. Never split into the columns (its middle would go on with a practice): it goes after the
  // practice above it as a line of its own, for the parser to place or report.
  // Its pieces run on with no gap at all (justified text is set piece against piece), while cells of one row stand
  // apart by their padding, even when their text fills them.
  const crosses = (l: Line) =>
    l.pieces.every((p, i) => i === 0 || Math.abs(p.x - (l.pieces[i - 1]!.x + l.pieces[i - 1]!.w)) < p.h * 0.3) && bounds.some((b) => l.left < b - l.h && l.right > b + l.h);
  const acrossAt = new Map<Line, number>();
  {
    const kept: Line[] = [];
    for (const l of table) {
      if (crosses(l)) acrossAt.set(l, kept.length);
      else kept.push(l);
    }
    table = kept;
  }
  const order = new Map(table.map((l, i) => [l, i]));

  // Each column's lines in reading order.
  const colLines = (role: ColumnRole) => {
    const c = roles.indexOf(role);
    if (c < 0) return [] as { text: string; line: Line }[];
    return table.flatMap((l) => {
      const t = cellsOf(l, bounds, roles.length)[c] ?? '';
      return t ? [{ text: t, line: l }] : [];
    });
  };

  // Practices: a new one at each next number (or 1, opening the next measure). When the practices carry no number
  // and the 序号 column numbers them (1…N through the table), a practice starts on the 序号's baseline (the nearest
  // practice line at or above it: a row's cells are top-aligned) and takes its number.
  // `k`: the item's first line in practiceLines.
  const items: { num: number; parts: string[]; at: number; k: number }[] = [];
  const practiceLines = colLines('practice');
  const seqNumbers = colLines('seq').filter(({ text }) => /^[0-9０-９]{1,6}$/.test(text));
  const bySeq = seqNumbers.length >= 2 && practiceLines.filter(({ text }) => ITEM_START.test(text)).length < seqNumbers.length / 2;
  const seqStarts = new Map<number, number>();
  if (bySeq) {
    // Which practice line opens each 序号's row. A row ends a practice, so it opens at the first line, right after a
    // mechanism row across the table, or after a line that ends a sentence. A 序号 top-aligned sits on its row's
    // first line; one centred in its row (word processors centre each page's part of a row) sits in the middle of
    // its rows' lines — rows told apart by neither a wider gap nor anything but the sentence ends, so the rows are
    // chosen from the last 序号 back, each opening at the candidate line that centres its 序号 best.
    const afterMech = new Set(inlineMechs.flatMap((h) => (h.next ? [h.next] : [])));
    const canOpen = (k: number) => k === 0 || afterMech.has(practiceLines[k]!.line) || /[。！？；;!?][”’"」』）)]*$/.test(practiceLines[k - 1]!.text);
    const anchorOf = (sl: Line) => {
      let best = -1;
      practiceLines.forEach((p, k) => {
        if (p.line.page === sl.page && p.line.y >= sl.y - p.line.h * 0.4 && (best < 0 || p.line.y < practiceLines[best]!.line.y)) best = k;
      });
      return best;
    };
    const anchors = seqNumbers.map((x) => anchorOf(x.line));
    const onBaseline = (x: (typeof seqNumbers)[number], k: number) => k >= 0 && Math.abs(practiceLines[k]!.line.y - x.line.y) <= x.line.h * 0.3 && canOpen(k);
    const topAligned = seqNumbers.every((x, i) => onBaseline(x, anchors[i]!));
    const starts: number[] = [];
    let end = practiceLines.length - 1;
    for (let i = seqNumbers.length - 1; i >= 0; i--) {
      const x = seqNumbers[i]!;
      const hi = anchors[i]!;
      const lo = i > 0 ? Math.max(0, anchors[i - 1]! + 1) : 0;
      let pick = -1;
      if (topAligned) pick = hi;
      else {
        let bestMiss = Infinity;
        for (let k = hi; k >= lo; k--) {
          if (!canOpen(k)) continue;
          // The row's lines up to the next mechanism row; its part on the 序号's page.
          let e = end;
          for (let j = k + 1; j <= end; j++)
            if (afterMech.has(practiceLines[j]!.line)) {
              e = j - 1;
              break;
            }
          const ys = practiceLines.slice(k, e + 1).filter((p) => p.line.page === x.line.page).map((p) => p.line.y);
          if (ys.length === 0) continue;
          const miss = Math.abs((Math.max(...ys) + Math.min(...ys)) / 2 - x.line.y);
          if (miss < bestMiss) [pick, bestMiss] = [k, miss];
        }
      }
      if (pick < 0) pick = hi;
      if (pick < 0) continue;
      starts[i] = pick;
      end = pick - 1;
    }
    seqNumbers.forEach((x, i) => {
      const at = starts[i];
      if (at !== undefined && at >= 0 && !seqStarts.has(at)) seqStarts.set(at, digits(x.text));
    });
  }
  practiceLines.forEach(({ text, line }, k) => {
    const at = order.get(line) ?? 0;
    const last = items[items.length - 1];
    if (bySeq) {
      const n = seqStarts.get(k);
      if (n !== undefined) items.push({ num: n, parts: [`${n}．${text}`], at, k });
      else if (last) last.parts.push(text);
      else items.push({ num: 0, parts: [text], at, k });
      return;
    }
    const m = ITEM_START.exec(text);
    if (m && (!last || digits(m[1]!) === last.num + 1 || digits(m[1]!) === 1)) items.push({ num: digits(m[1]!), parts: [text], at, k });
    else if (last) last.parts.push(text);
    else items.push({ num: 0, parts: [text], at, k });
  });
  // Measures: each opens with （N）; a block repeated after a page break is one.
  const measures: { num: number; parts: string[]; at: number; end: number }[] = [];
  for (const { text, line } of colLines('measure')) {
    const m = MEASURE_START.exec(text);
    const at = order.get(line) ?? 0;
    if (m || measures.length === 0) measures.push({ num: m ? (chineseNumeral(m[1]!) ?? 0) : 0, parts: [text], at, end: at });
    else {
      measures[measures.length - 1]!.parts.push(text);
      measures[measures.length - 1]!.end = at;
    }
  }
  const measureTexts = dedupe(measures.map((m) => ({ num: m.num, at: m.at, end: m.end, text: joinWrapped(m.parts) })));
  // Mechanisms: the 序号 numerals and the titles, a title being lines close together in one column.
  // Blocks of a column: lines close together on one page (a merged cell's wrapped text: a title, or 二十 / 一 in a
  // narrow 序号 column).
  const blockParts = (role: ColumnRole, opens: (text: string, before: string) => boolean) => {
    const out: { parts: string[]; first: Line; last: Line }[] = [];
    for (const { text, line } of colLines(role)) {
      const prev = out[out.length - 1];
      if (prev && prev.last.page === line.page && prev.last.y - line.y <= line.h * 1.9 && !opens(text, joinWrapped(prev.parts))) {
        prev.parts.push(text);
        prev.last = line;
      } else out.push({ parts: [text], first: line, last: line });
    }
    return out;
  };
  const blocks = (role: ColumnRole, opens: (text: string, before: string) => boolean) => blockParts(role, opens).map((b) => joinWrapped(b.parts));
  // 二十 + 一 is one numeral; 一 + 二 (two short rows, top-aligned) are two.
  const numerals = blocks('seq', (t, before) => chineseNumeral(`${before}${t}`.replace(/[、．.]$/, '')) === null).filter((t) => chineseNumeral(t.replace(/[、．.]$/, '')) !== null);
  const mechBlocks = dedupe(blockParts('mechanism', (t) => MECH_START.test(t)).map((b) => ({ ...b, text: joinWrapped(b.parts) })));
  // A title cut by a page break (a narrow merged cell whose rest is printed on the next page): with more title blocks
  // than mechanisms, a block first on its page that does not open with a numeral is the rest of the one last on
  // the page before.
  // (Without a 序号 column, the mechanisms are counted by their measures numbered （一）.)
  const wanted = new Set(numerals.map((n) => n.replace(/[、．.]$/, ''))).size || measureTexts.filter((m) => m.num === 1).length;
  for (let i = mechBlocks.length - 1; i > 0 && wanted > 0 && mechBlocks.length > wanted; i--) {
    const [a, b] = [mechBlocks[i - 1]!, mechBlocks[i]!];
    const lastOnPage = !mechBlocks.some((x) => x !== a && x.first.page === a.last.page && x.first.y < a.last.y);
    const firstOnPage = !mechBlocks.some((x) => x !== b && x.last.page === b.first.page && x.last.y > b.first.y);
    if (b.first.page === a.last.page + 1 && lastOnPage && firstOnPage && !MECH_START.test(b.text)) {
      mechBlocks.splice(i - 1, 2, { ...a, parts: [...a.parts, ...b.parts], last: b.last, text: joinWrapped([a.text, b.text]) });
    }
  }
  const mechColumn = mechBlocks.map((m) => m.text);
  const mechTexts = mechColumn.length ? mechColumn : dedupe(inlineMechs.map((m) => ({ num: 0, text: m.text }))).map((m) => m.text);
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
  // Which practice opens a measure: practice 1, when the numbers restart in each measure. When they run through the
  // table (1…N), the places say it: a merged measure cell's first line shares its first practice's baseline when
  // top-aligned; centred, its text sits in the middle of its rows, so (from the last measure back) its rows start as
  // far before its middle as the next measure's rows start after it. A mechanism across the table opens at the first
  // practice below it.
  const restarts = items.some((it, i) => i > 0 && it.num === 1);
  const opens = new Set<number>(items.length ? [0] : []);
  if (restarts) items.forEach((it, i) => it.num === 1 && opens.add(i));
  else if (measureTexts.length > 0) {
    const startAt = (at: number) => items.findIndex((it) => it.at === at);
    if (measureTexts.every((m) => startAt(m.at) >= 0)) for (const m of measureTexts) opens.add(startAt(m.at));
    else {
      // Centred: a measure's rows are the practices whose lines its text sits in the middle of (on the page where its
      // text is: a word processor centres each page's part of a merged cell). Chosen from the last measure back: its
      // rows start after the practice holding the previous measure's text and at or before the one holding its own.
      // A mechanism row across the table opens the mechanism's first measure at the practice under it.
      const holding = (at: number) => items.reduce((best, it, i) => (it.at <= at ? i : best), 0);
      const forced = new Map<number, number>();
      const firsts = measureTexts.flatMap((m, i) => (i === 0 || m.num === 1 ? [i] : []));
      if (inlineMechs.length === firsts.length)
        inlineMechs.forEach((h, j) => {
          if (!h.across) return;
          const at = h.next ? (order.get(h.next) ?? -1) : -1;
          const i = items.findIndex((it) => it.at >= at);
          if (at >= 0 && i >= 0) forced.set(firsts[j]!, i);
        });
      const centreOf = (from: number, to: number, page: number) => {
        const ys = table.slice(from, to + 1).filter((l) => l.page === page).map((l) => l.y);
        return ys.length ? (Math.max(...ys) + Math.min(...ys)) / 2 : null;
      };
      let endItem = items.length - 1;
      for (let k = measureTexts.length - 1; k > 0; k--) {
        const m = measureTexts[k]!;
        let best = forced.get(k) ?? -1;
        if (best < 0) {
          const page = table[m.at]!.page;
          const centre = centreOf(m.at, m.end, page)!;
          const lo = holding(measureTexts[k - 1]!.at) + 1;
          const hi = holding(m.at);
          let bestMiss = Infinity;
          for (let i = Math.min(hi, endItem); i >= Math.min(lo, hi); i--) {
            // The rows' practice lines on that page (their other columns hold the measure itself). Rows running on to
            // the next page: the text stands at the top of their part on this page (LibreOffice does not centre a
            // cell split by a page break); otherwise in its middle.
            const rowLines = practiceLines.slice(items[i]!.k, items[endItem + 1]?.k ?? practiceLines.length);
            const ys = rowLines.filter((p) => p.line.page === page).map((p) => p.line.y);
            if (ys.length === 0) continue;
            const split = rowLines.some((p) => p.line.page > page);
            const miss = split ? Math.abs(Math.max(...ys) - table[m.at]!.y) : Math.abs((Math.max(...ys) + Math.min(...ys)) / 2 - centre);
            if (miss < bestMiss) [best, bestMiss] = [i, miss];
          }
          if (best < 0) best = hi;
        }
        opens.add(best);
        endItem = best - 1;
      }
    }
  } else
    for (const h of inlineMechs) {
      const at = h.next ? (order.get(h.next) ?? -1) : -1;
      const i = items.findIndex((it) => it.at >= at);
      if (at >= 0 && i >= 0) opens.add(i);
    }
  // Text in a column the list has no place for (备注, 牵头单位…): never dropped unseen. Each block goes after the
  // practice whose rows hold it, as a line of its own named by its column, where the parser reports it unless the
  // user ignores it.
  const unread = new Map<number, string[]>();
  // Lines across the columns (above) after the practice holding the table line before them; joined while they wrap.
  {
    let prevAt = -2;
    let prevItem = -1;
    for (const [l, at] of acrossAt) {
      const item = items.reduce((best, it, i) => (it.at <= at - 1 ? i : best), 0);
      const list = unread.get(item) ?? [];
      if (at === prevAt && item === prevItem && list.length) list[list.length - 1] = joinWrapped([list[list.length - 1]!, l.text]);
      else list.push(l.text);
      unread.set(item, list);
      [prevAt, prevItem] = [at, item];
    }
  }
  roles.forEach((role, c) => {
    if (role !== null) return;
    let prev: { line: Line; parts: string[]; item: number } | null = null;
    const flush = () => {
      if (prev) unread.set(prev.item, [...(unread.get(prev.item) ?? []), `${headerNames[c] ? `${headerNames[c]}：` : ''}${joinWrapped(prev.parts)}`]);
    };
    for (const l of table) {
      const t = cellsOf(l, bounds, roles.length)[c] ?? '';
      if (!t) continue;
      if (prev && prev.line.page === l.page && prev.line.y - l.y <= l.h * 1.9) {
        prev.parts.push(t);
        prev.line = l;
        continue;
      }
      flush();
      const at = order.get(l) ?? 0;
      prev = { line: l, parts: [t], item: items.reduce((best, it, i) => (it.at <= at ? i : best), 0) };
    }
    flush();
  });
  items.forEach((it, i) => {
    if (opens.has(i)) {
      if (measureTexts.length === 0) openMechanism();
      else {
        si++;
        const ms = measureTexts[si];
        if (si === 0 || ms?.num === 1) openMechanism();
        if (ms) out.push(ms.text);
      }
    }
    out.push(joinWrapped(it.parts));
    for (const u of unread.get(i) ?? []) out.push(ROW_END, u);
  });
  return { ok: true, text: out.join('\n'), pages: pages.length, dropped: sortDropped(dropped) };
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

function sortDropped(list: PdfDropped[]): PdfDropped[] {
  return list.sort((a, b) => a.page - b.page);
}
