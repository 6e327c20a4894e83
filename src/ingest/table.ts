// The attachment's table (序号 | 政策机制 | 主要举措 | 具体做法) → the list's text form, which the one parser reads
// (issue 23.1/23.2). The Word and PDF readers recover rows and cells; this module names the columns from the header,
// drops repeated header rows, carries merged cells down and writes each mechanism, measure and practice on its own
// line, so a table gives exactly the records its text form gives. Pure.
import { toCn } from './parse';
import { chineseNumeral, normaliseSpace, ROW_END } from './text';

export type ColumnRole = 'seq' | 'mechanism' | 'measure' | 'practice';

/**
 * Marks a paragraph Word numbers itself (a list paragraph: its "1．" or "（一）" is not in the text). The table's text
 * form numbers such practices within their measure and such measures within their mechanism, as the list does.
 */
export const AUTO_NUMBER = '\u2063';

/** A table as read: rows of cells, each cell its paragraphs (lines). Merged cells carry their value in every row. */
export interface TableDoc {
  /** Paragraphs before the table (the notice, the attachment's title): kept for the batch details. */
  before: string[];
  rows: string[][][];
}

// Besides the list's own columns, words heading columns the list has no place for (备注, 地区, 牵头单位…): a header row
// with them is still the header; their cells are then handed on as unread (tableText). Joined headings too: 政策机制及
// 主要举措 (one column holding both).
const HEADER_TOKEN = /序号|编号|政策机制|政策|机制|主要举措|主要|举措|具体做法|具体|做法|经验做法|典型做法|典型经验|经验|案例|内容|类别|方面|措施|备注|说明|地区|省份|城市|牵头单位|责任单位|实施主体|单位|来源/g;

/** A cell's text without spaces. */
const flat = (cell: readonly string[]) => normaliseSpace(cell.join(''));

/** A header cell holds only header words (序号, 政策 / 机制 over two lines, 具体做法…). */
export function isHeaderText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  const rest = t.replace(HEADER_TOKEN, '');
  // A joining word only between two headings (政策机制及主要举措), never in a fragment of a wrapped title (与机制).
  return t !== '' && (rest === '' || ((t.match(HEADER_TOKEN)?.length ?? 0) >= 2 && /^[及和与、/／]+$/.test(rest)));
}

/** A header row: every non-empty cell is a header word, and at least two cells are. */
export function isHeaderRow(row: readonly (readonly string[])[]): boolean {
  const texts = row.map(flat).filter((t) => t !== '');
  return texts.length >= 2 && texts.every(isHeaderText);
}

/** The role of a header cell's text. */
export function roleOfHeader(text: string): ColumnRole | null {
  const t = text.replace(/\s+/g, '');
  if (/序号|编号/.test(t)) return 'seq';
  if (/举措/.test(t)) return 'measure';
  if (/做法|内容|经验|案例|措施/.test(t)) return 'practice';
  if (/机制|政策|类别|方面/.test(t)) return 'mechanism';
  return null;
}

const MEASURE_START = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
const ITEM_START = /^[0-9０-９]{1,6}\s*[．.、](?![0-9０-９])/;
const MECH_START = /^[一二三四五六七八九十]{1,3}(?:\s*[、．.]|$)/;

/**
 * Column roles: from the header row when there is one; otherwise from what the cells hold (（一）… is a measure,
 * 1．… a practice, a lone 一 the 序号) and, for the rest, their order.
 */
export function columnRoles(header: readonly string[] | null, body: readonly (readonly string[])[][], width: number): (ColumnRole | null)[] {
  const roles: (ColumnRole | null)[] = Array.from({ length: width }, (_, i) => (header ? roleOfHeader(header[i] ?? '') : null));
  if (roles.includes('practice')) return roles;
  const score = (i: number, re: RegExp) => body.filter((r) => re.test(flat(r[i] ?? []))).length;
  const pick = (role: ColumnRole, re: RegExp) => {
    let best = -1;
    let bestN = 0;
    for (let i = 0; i < width; i++) {
      const n = score(i, re);
      if (roles[i] === null && n > bestN) [best, bestN] = [i, n];
    }
    if (best >= 0) roles[best] = role;
  };
  pick('practice', ITEM_START);
  pick('measure', MEASURE_START);
  pick('seq', /^[一二三四五六七八九十]{1,3}$/);
  // …or the practices, 1…N straight through the table.
  if (!roles.includes('seq')) pick('seq', /^[0-9０-９]{1,6}$/);
  // The widest remaining text column left of the measures is the mechanism title.
  const practice = roles.indexOf('practice');
  if (!roles.includes('mechanism'))
    for (let i = 0; i < (practice < 0 ? width : practice); i++)
      if (roles[i] === null && body.some((r) => flat(r[i] ?? []).length > 2)) {
        roles[i] = 'mechanism';
        break;
      }
  if (practice < 0 && width > 0) roles[width - 1] = 'practice';
  return roles;
}

/** Joins wrapped lines of one cell or paragraph: no space between Chinese characters, one between Latin words. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) continue;
    out += out && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(p) ? ` ${p}` : p;
  }
  return out;
}

/**
 * The text form of a table: the paragraphs before it, then per row the mechanism (when it changes), the measure
 * (when it changes) and the practice paragraphs. Repeated header rows are dropped.
 */
export function tableText(doc: TableDoc): string {
  const width = Math.max(0, ...doc.rows.map((r) => r.length));
  const headerAt = doc.rows.findIndex(isHeaderRow);
  const header = headerAt >= 0 ? doc.rows[headerAt]!.map(flat) : null;
  // Rows above the header (the attachment's title in a row across the table) belong with the text before it.
  const above = headerAt > 0 ? doc.rows.slice(0, headerAt).flatMap((r) => r.filter((c) => flat(c) !== '').map((c) => joinWrapped(c))) : [];
  const body = doc.rows.filter((r, i) => i > headerAt && !isHeaderRow(r) && r.some((c) => flat(c) !== ''));
  const roles = columnRoles(header, body, width);
  const col = (role: ColumnRole) => roles.indexOf(role);
  const [seqC, mechC, measC, pracC] = [col('seq'), col('mechanism'), col('measure'), col('practice')];
  const out: string[] = [...doc.before.map((p) => p.replace(AUTO_NUMBER, '').trim()).filter(Boolean), ...above];
  let lastMech = '';
  let lastMeasure = '';
  const lastUnread = new Map<number, string>();
  let measureNo = 0;
  let itemNo = 0;
  const auto = (p: string) => p.startsWith(AUTO_NUMBER);
  for (const row of body) {
    // A row across the table (one merged cell, or a heading between split tables): 一、… opens a mechanism, （一）… a
    // measure. Its text may sit in any column, 序号 included.
    const filled = row.map(flat).filter((t) => t !== '');
    const across = filled.length === 1 ? joinWrapped(row.find((c) => flat(c) !== '')!) : '';
    if (across && (MECH_START.test(across) && !/^[一二三四五六七八九十]{1,3}$/.test(across) ? true : MEASURE_START.test(across)) && !ITEM_START.test(across)) {
      if (MEASURE_START.test(across)) {
        if (across !== lastMeasure) out.push(across);
        lastMeasure = across;
        measureNo++;
        itemNo = 0;
      } else {
        if (`|${across}` !== lastMech) out.push(across);
        lastMech = `|${across}`;
        lastMeasure = '';
        measureNo = 0;
      }
      continue;
    }
    // Any other row across the table (a note, a caption) is not in a column: its text goes to the parser as a line
    // of its own, never dropped.
    const only = across ? row.findIndex((c) => flat(c) !== '') : -1;
    if (across && (roles[only] === 'seq' || roles[only] === null || roles[only] === undefined) && chineseNumeral(across) === null && !/^[0-9０-９]{1,6}$/.test(across)) {
      out.push(across);
      continue;
    }
    const get = (c: number) => (c >= 0 ? joinWrapped((row[c] ?? []).map((p) => p.replace(AUTO_NUMBER, ''))) : '');
    const seq = get(seqC);
    const numeral = chineseNumeral(seq) !== null ? seq : '';
    const mechTitle = get(mechC);
    const mechKey = `${numeral}|${mechTitle}`;
    if ((numeral || mechTitle) && mechKey !== lastMech && !(numeral === '' && mechTitle === lastMech.split('|')[1])) {
      if (numeral && mechTitle && !MECH_START.test(mechTitle)) out.push(`${numeral}、${mechTitle}`);
      else if (mechTitle) out.push(mechTitle);
      else if (numeral) out.push(numeral);
      lastMech = mechKey;
      lastMeasure = '';
      measureNo = 0;
    }
    let measure = get(measC);
    // One column holding both (政策机制及主要举措): the mechanism's heading (一、…) above the measure (（一）…) in the
    // same merged cell.
    const measParas = measC >= 0 ? (row[measC] ?? []).map((p) => p.replace(AUTO_NUMBER, '').trim()).filter(Boolean) : [];
    const headAt = measParas.findIndex((p) => MECH_START.test(p) && chineseNumeral(p.replace(/[、．.]$/, '')) === null);
    if (headAt >= 0) {
      const msAt = measParas.findIndex((p, i) => i > headAt && MEASURE_START.test(p));
      const heading = joinWrapped(measParas.slice(headAt, msAt < 0 ? undefined : msAt));
      if (`|${heading}` !== lastMech) {
        out.push(heading);
        lastMech = `|${heading}`;
        lastMeasure = '';
        measureNo = 0;
      }
      measure = msAt < 0 ? '' : joinWrapped(measParas.slice(msAt));
    }
    if (measure && measure !== lastMeasure) {
      const numbered = measC >= 0 && auto(row[measC]?.[0] ?? '') && !MEASURE_START.test(measure);
      out.push(numbered ? `（${toCn(++measureNo)}）${measure}` : measure);
      if (!numbered && MEASURE_START.test(measure)) measureNo++;
      lastMeasure = measure;
      itemNo = 0;
    }
    const paragraphs = (pracC >= 0 ? (row[pracC] ?? []) : []).map((p) => p.trim()).filter((p) => p !== '' && p !== AUTO_NUMBER);
    // A 序号 column numbering the practices (1, 2, …) instead of the mechanisms gives the item number.
    const rowNo = /^[0-9０-９]{1,6}$/.test(seq) ? seq : '';
    paragraphs.forEach((raw, i) => {
      const p = raw.replace(AUTO_NUMBER, '');
      if (ITEM_START.test(p)) itemNo++;
      if (auto(raw) && !ITEM_START.test(p)) out.push(`${++itemNo}．${p}`);
      else out.push(i === 0 && rowNo && !ITEM_START.test(p) ? `${rowNo}．${p}` : p);
    });
    if (paragraphs.length > 0) out.push(ROW_END);
    // Cells of a column the list has no place for (备注, 牵头单位…, or a 序号 holding text): never dropped unseen. Each
    // goes to the parser as a line of its own after the row, named by its column (a merged cell once), where it is an
    // error naming its line unless the user ignores it.
    row.forEach((cell, c) => {
      const text = joinWrapped(cell.map((p) => p.replace(AUTO_NUMBER, '')));
      const unread = roles[c] === null || roles[c] === undefined ? text !== '' : c === seqC && text !== '' && chineseNumeral(text.replace(/[、．.]$/, '')) === null && !/^[0-9０-９]{1,6}[．.、]?$/.test(text);
      // An empty cell ends a merged one: the same text further down is another cell.
      if (text === '') lastUnread.delete(c);
      if (!unread || lastUnread.get(c) === text) return;
      lastUnread.set(c, text);
      if (out[out.length - 1] !== ROW_END) out.push(ROW_END);
      out.push(header?.[c] ? `${header[c]}：${text}` : text);
    });
  }
  return out.join('\n');
}
