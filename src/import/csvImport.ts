// A CSV of practices → records: each row is one practice, its mechanism, measure, item number and text taken from
// its own cells (never re-read as a list: a cell holding "二、… （一）… 1．…" or line breaks is text, issue 24.4), then
// the ingest's record step (geocode, extract) as for any list. The columns are the ones src/format/csv.ts writes (a merged export reads back), with English names accepted too:
//
//   required  政策机制 (mechanism)   "一、建立城市更新统筹谋划机制", or the title alone (numbered in order of appearance)
//             主要举措 (measure)     "（一）加强工作统筹和督查考核", or the title alone; the mechanism's own title
//                                   alone = practices directly under the mechanism (the export writes such rows so)
//             全文     (text)        the practice's full text; its first sentence must open with the place
//   optional  序号     (item)        "一（一）2" or "2"; else items are numbered in order under their measure
//   Numbers as written are kept (an export of some practices reads back with their own numbers, gaps and all); one
//   number with two titles, or two rows with the same item number, is refused naming both lines.
//   Tabs and line breaks inside a cell become a space (a practice is one paragraph in the detail card and the
//   exports); everything else in a cell is kept as written, so an exported record reads back the same.
//             批次     (batch)       batch title: a file with several batches gives several batches
//             实施主体代码 (adcodes) actors' division codes joined by 、 , ; | — replaces the geocoded actors
//             来源文件 (source_file) / 原文行 (source_lines)  kept as the practice's source when both are given
//
// Pure. Line numbers in messages are the CSV file's (header = line 1; a quoted cell with line breaks spans lines).
import { unescapeCsvFormula } from '../format/csvFormula';
import Papa from 'papaparse';
import { toCn, type RawItem } from '../ingest/parse';
import { chineseNumeral } from '../ingest/text';
import { convertText, type ConversionKind } from '../ingest/convert';
import { issue, type IngestIssue } from '../ingest/issues';
import type { Mechanism } from '../types';
import type { ImportProblem } from './types';

export const CSV_REQUIRED = ['政策机制', '主要举措', '全文'] as const;

/** Accepted header names for each column (first = canonical, as the export writes it). */
export const CSV_HEADERS: Record<string, readonly string[]> = {
  政策机制: ['政策机制', 'mechanism', '机制'],
  主要举措: ['主要举措', 'measure', '举措'],
  全文: ['全文', 'text', '具体做法'],
  序号: ['序号', 'item'],
  批次: ['批次', 'batch'],
  实施主体代码: ['实施主体代码', 'adcodes', 'actor_adcodes'],
  来源文件: ['来源文件', 'source_file'],
  原文行: ['原文行', 'source_lines'],
};

export interface CsvRow {
  /** CSV line where the record starts / ends. */
  lines: [number, number];
  mechanism: string;
  measure: string;
  text: string;
  item?: string;
  batch?: string;
  adcodes?: string;
  sourceFile?: string;
  sourceLines?: string;
}

/** One practice of a CSV batch: the ingest's item, placed by the row's own cells. */
export interface CsvItem extends RawItem {
  row: CsvRow;
}

/** The rows of one 批次, as a taxonomy and items (lines are the CSV's). */
export interface CsvBatch {
  /** Batch title from the 批次 column ('' when there is none). */
  batch: string;
  taxonomy: Mechanism[];
  items: CsvItem[];
  /** Conversions (traditional characters, converter pinyin), naming the CSV line. */
  warnings: IngestIssue[];
}

function normHeader(h: string): string {
  return h.replace(/^\ufeff/, '').trim().toLowerCase();
}

function lineOf(text: string, offset: number, from: { offset: number; line: number }): number {
  let line = from.line;
  for (let i = from.offset; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  from.offset = Math.min(offset, text.length);
  from.line = line;
  return line;
}

const MECH_CELL = /^([一二三四五六七八九十]{1,3})\s*[、．.]\s*(.+)$/;
const MEASURE_CELL = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.+)$/;

/** How many line numbers one message lists before it counts the rest. */
const MAX_LINES_LISTED = 20;

function lineList(lines: readonly number[], sep: string, more: (n: number) => string): string {
  const shown = lines.slice(0, MAX_LINES_LISTED).join(sep);
  return lines.length > MAX_LINES_LISTED ? shown + more(lines.length - MAX_LINES_LISTED) : shown;
}

/** Reads the records; checks the header. */
export function readCsv(text: string): { ok: true; rows: CsvRow[] } | { ok: false; problems: ImportProblem[] } {
  const body = text.replace(/^\ufeff/, '');
  const records: { data: string[]; start: number; end: number }[] = [];
  const parseErrors: Papa.ParseError[] = [];
  let prev = 0;
  // Each step reports the cursor after its record: the record spans prev…cursor, which gives its line numbers even
  // when a quoted cell holds line breaks.
  Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    step: (r) => {
      const end = r.meta.cursor;
      // Cells the export escaped against formula injection ("'=…") read back as written.
      records.push({ data: r.data.map(unescapeCsvFormula), start: prev, end });
      prev = end;
      for (const e of r.errors) parseErrors.push({ ...e, row: records.length - 1 });
    },
  });
  const pos = { offset: 0, line: 1 };
  const located = records.map((r) => {
    // The cursor of a record sits on its line break: skip leading breaks to find where the record itself starts.
    let s = r.start;
    while (s < r.end && (body[s] === '\n' || body[s] === '\r')) s++;
    const startLine = lineOf(body, s, pos);
    const endLine = lineOf(body, Math.max(s, r.end - 1), { ...pos });
    return { data: r.data, lines: [startLine, endLine] as [number, number] };
  });
  const nonEmpty = located.filter((r) => r.data.some((c) => c.trim() !== ''));
  const header = nonEmpty[0];
  if (!header) return { ok: false, problems: [{ code: 'empty', message: 'The CSV file has no rows.', messageZh: 'CSV 文件没有任何行。' }] };

  const names = header.data.map(normHeader);
  const index: Record<string, number> = {};
  for (const [key, aliases] of Object.entries(CSV_HEADERS)) {
    const i = names.findIndex((n) => aliases.some((a) => a.toLowerCase() === n));
    if (i >= 0) index[key] = i;
  }
  const missing = CSV_REQUIRED.filter((k) => index[k] === undefined);
  if (missing.length) {
    const want = missing.map((k) => `${k} (${CSV_HEADERS[k]![1]})`).join(', ');
    return {
      ok: false,
      problems: [
        {
          code: 'csv-columns',
          line: header.lines[0],
          column: missing.join(', '),
          message: `CSV line ${header.lines[0]} (header): missing column${missing.length > 1 ? 's' : ''} ${want}. Required: ${CSV_REQUIRED.join(', ')}; found: ${header.data.map((h) => h.trim()).filter(Boolean).join(', ') || 'none'}.`,
          messageZh: `CSV 第 ${header.lines[0]} 行（表头）缺少列：${missing.join('、')}。必需的列为：${CSV_REQUIRED.join('、')}；文件中的列为：${header.data.map((h) => h.trim()).filter(Boolean).join('、') || '无'}。`,
        },
      ],
    };
  }

  const problems: ImportProblem[] = [];
  // One message per kind of format error, naming its lines: a broken quote early in a file otherwise repeats the
  // same message for every row after it.
  const byKind = new Map<string, { message: string; lines: number[] }>();
  for (const e of parseErrors) {
    const line = located[e.row ?? 0]?.lines[0] ?? 0;
    const kind = byKind.get(e.code);
    if (kind) {
      if (!kind.lines.includes(line)) kind.lines.push(line);
    } else byKind.set(e.code, { message: e.message, lines: [line] });
  }
  for (const [code, kind] of byKind) {
    const lines = kind.lines.sort((a, b) => a - b);
    const zhKind = code === 'MissingQuotes' ? '引号未闭合' : code === 'InvalidQuotes' ? '引号位置不对' : code;
    problems.push({
      code: 'csv-row',
      line: lines[0],
      message: `CSV ${lines.length > 1 ? 'lines' : 'line'} ${lineList(lines, ', ', (n) => ` …and ${n} more`)}: ${kind.message}`,
      messageZh: `CSV 第 ${lineList(lines, '、', (n) => `……等另 ${n} 处`)} 行：格式错误（${zhKind}）`,
    });
  }
  // A quoted cell is one field whatever it holds: it is never read again as lines or table cells (the rows map to
  // records directly). Its tabs and line breaks become one space each run — a practice is one paragraph in the
  // detail card and every export, and a space keeps the place of the break readable — and the rest stays as
  // written (a text exported with spaces reads back with them).
  const cell = (d: string[], key: string): string | undefined => {
    const i = index[key];
    return i === undefined ? undefined : (d[i] ?? '').replace(/\s*[\t\r\n\v\f\u2028\u2029]+\s*/g, ' ').trim();
  };
  const rows: CsvRow[] = [];
  // Empty required cells, by column: one message per column with its lines.
  const emptyCells = new Map<string, number[]>();
  for (const r of nonEmpty.slice(1)) {
    const row: CsvRow = {
      lines: r.lines,
      mechanism: cell(r.data, '政策机制')!,
      measure: cell(r.data, '主要举措')!,
      text: cell(r.data, '全文')!,
      item: cell(r.data, '序号'),
      batch: cell(r.data, '批次'),
      adcodes: cell(r.data, '实施主体代码'),
      sourceFile: cell(r.data, '来源文件'),
      sourceLines: cell(r.data, '原文行'),
    };
    for (const key of CSV_REQUIRED) {
      const v = key === '政策机制' ? row.mechanism : key === '主要举措' ? row.measure : row.text;
      if (!v) {
        const list = emptyCells.get(key);
        if (list) list.push(r.lines[0]);
        else emptyCells.set(key, [r.lines[0]]);
      }
    }
    rows.push(row);
  }
  for (const [key, lines] of emptyCells)
    problems.push({
      code: 'csv-row',
      line: lines[0],
      column: key,
      message: `CSV ${lines.length > 1 ? 'lines' : 'line'} ${lineList(lines, ', ', (n) => ` …and ${n} more`)}, column ${key}: empty; every practice needs its ${key === '全文' ? 'text' : key === '政策机制' ? 'mechanism' : 'measure'}.`,
      messageZh: `CSV 第 ${lineList(lines, '、', (n) => `……等另 ${n} 处`)} 行“${key}”列为空，每项做法都需要填写。`,
    });
  if (problems.length) return { ok: false, problems };
  if (rows.length === 0)
    return { ok: false, problems: [{ code: 'empty', line: header.lines[0], message: 'The CSV file has a header but no practices.', messageZh: 'CSV 文件只有表头，没有做法。' }] };
  return { ok: true, rows };
}

interface Heading {
  /** The numeral as written (一, 十二), or null for a title alone. */
  numeral: string | null;
  num: number | null;
  title: string;
}

function splitHeading(cell: string, re: RegExp): Heading {
  const m = re.exec(cell);
  const num = m ? chineseNumeral(m[1]!) : null;
  return m && num !== null && num > 0 ? { numeral: m[1]!, num, title: m[2]!.trim() } : { numeral: null, num: null, title: cell };
}

// 序号 as the export writes it ("一（一）2", "（一）2", "2") or with a trailing dot; anything else is refused.
const ITEM_CELL = /^(?:([一二三四五六七八九十]{1,3})\s*[、．.]?)?\s*(?:[（(]([一二三四五六七八九十]{1,3})[）)])?\s*([0-9０-９]{1,6})\s*[．.、]?$/;

/** Numbers for headings or items written without one: the smallest numbers not written elsewhere, in order. */
function freeNumbers(taken: ReadonlySet<number>): () => number {
  let n = 0;
  return () => {
    do n++;
    while (taken.has(n));
    return n;
  };
}

const problem = (line: number, column: string, en: string, zh: string): ImportProblem => ({
  code: 'csv-row',
  line,
  column,
  message: `CSV line ${line}, column ${column}: ${en}`,
  messageZh: `CSV 第 ${line} 行“${column}”列：${zh}`,
});

interface Slot {
  num: number;
  /** As written ('' for the stand-in measure). */
  numeral: string;
  title: string;
  /** CSV line where it first appears. */
  line: number;
}

/**
 * Rows → one taxonomy and its items per 批次, every field from the row's own cells. Numbers written in the cells
 * are kept; rows without them are numbered in order of appearance with the numbers left free. Traditional
 * characters and converter pinyin are converted as in a pasted list (judged over the whole file).
 */
export function csvToRecords(rows: readonly CsvRow[]): { ok: true; batches: CsvBatch[] } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  // Conversion over the three text cells of every row, one line each (the cells hold no line breaks by now).
  const conv = convertText(rows.flatMap((r) => [r.mechanism, r.measure, r.text]).join('\n'));
  const at = (i: number, k: 0 | 1 | 2) => conv.lines[i * 3 + k] ?? '';
  const kindsOf = (i: number): ConversionKind[] => {
    const kinds = new Set([0, 1, 2].flatMap((k) => conv.changed.get(i * 3 + k + 1) ?? []));
    return (['traditional', 'pinyin'] as const).filter((k) => kinds.has(k));
  };

  const byBatch = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = r.batch ?? '';
    const list = byBatch.get(key);
    if (list) list.push(i);
    else byBatch.set(key, [i]);
  });

  const batches: CsvBatch[] = [];
  for (const [batch, indices] of byBatch) {
    const warnings: IngestIssue[] = [];
    if (conv.traditional) {
      const n = indices.filter((i) => kindsOf(i).includes('traditional')).length;
      warnings.push(issue(0, 'converted-traditional', `the text is in traditional characters: converted to simplified (${n} rows changed)`, `文本为繁体字，已转换为简体（${n} 行有改动）`));
    }
    for (const i of indices) if (kindsOf(i).includes('pinyin')) warnings.push(issue(rows[i]!.lines[0], 'pinyin-removed', 'pinyin inserted by a converter after characters was removed', '已删除转换工具插入在汉字后的拼音'));

    // Mechanisms: numbers as written; one number with two titles is refused.
    type MeasureSlot = Slot & { rows: number[] };
    const mechs = new Map<number, Slot>();
    const mechOf = new Map<number, Slot>(); // row index → mechanism
    const heads = indices.map((i) => ({ i, mech: splitHeading(at(i, 0), MECH_CELL), measure: splitHeading(at(i, 1), MEASURE_CELL) }));
    for (const { i, mech } of heads) {
      if (mech.num === null) continue;
      const m = mechs.get(mech.num);
      if (!m) mechs.set(mech.num, { num: mech.num, numeral: mech.numeral!, title: mech.title, line: rows[i]!.lines[0] });
      else if (m.title !== mech.title)
        problems.push(problem(rows[i]!.lines[0], '政策机制', `mechanism ${mech.numeral} is "${mech.title}" here but "${m.title}" on line ${m.line}; one number, one title.`, `政策机制${mech.numeral}在此为“${mech.title}”，第 ${m.line} 行为“${m.title}”；同一编号应为同一标题。`));
    }
    const nextMech = freeNumbers(new Set(mechs.keys()));
    const mechByTitle = new Map<string, Slot>();
    for (const m of [...mechs.values()].sort((a, b) => a.line - b.line)) if (!mechByTitle.has(m.title)) mechByTitle.set(m.title, m);
    for (const { i, mech } of heads) {
      let m = mech.num !== null ? mechs.get(mech.num)! : mechByTitle.get(mech.title);
      if (!m) {
        const n = nextMech();
        m = { num: n, numeral: toCn(n), title: mech.title, line: rows[i]!.lines[0] };
        mechs.set(n, m);
        mechByTitle.set(mech.title, m);
      }
      mechOf.set(i, m);
    }

    const headsOf = new Map<Slot, typeof heads>();
    for (const h of heads) {
      const m = mechOf.get(h.i)!;
      const list = headsOf.get(m);
      if (list) list.push(h);
      else headsOf.set(m, [h]);
    }
    // Measures under each mechanism, the same way; the mechanism's own title alone is the stand-in measure.
    const items: CsvItem[] = [];
    const taxonomy: Mechanism[] = [];
    for (const mech of [...mechs.values()].sort((a, b) => a.num - b.num)) {
      const own = headsOf.get(mech) ?? [];
      const measures = new Map<number, MeasureSlot>();
      let standIn: MeasureSlot | null = null;
      for (const { i, measure } of own) {
        if (measure.num === null) continue;
        const s = measures.get(measure.num);
        if (!s) measures.set(measure.num, { num: measure.num, numeral: measure.numeral!, title: measure.title, line: rows[i]!.lines[0], rows: [] });
        else if (s.title !== measure.title)
          problems.push(problem(rows[i]!.lines[0], '主要举措', `measure （${measure.numeral}） of mechanism ${mech.numeral} is "${measure.title}" here but "${s.title}" on line ${s.line}; one number, one title.`, `政策机制${mech.numeral}下的主要举措（${measure.numeral}）在此为“${measure.title}”，第 ${s.line} 行为“${s.title}”；同一编号应为同一标题。`));
      }
      const nextMeasure = freeNumbers(new Set(measures.keys()));
      const byTitle = new Map<string, MeasureSlot>();
      for (const s of [...measures.values()].sort((a, b) => a.line - b.line)) if (!byTitle.has(s.title)) byTitle.set(s.title, s);
      for (const { i, measure } of own) {
        let s = measure.num !== null ? measures.get(measure.num)! : byTitle.get(measure.title);
        if (!s && measure.title === mech.title) s = standIn ??= { num: 1, numeral: '', title: mech.title, line: rows[i]!.lines[0], rows: [] };
        if (!s) {
          const n = nextMeasure();
          s = { num: n, numeral: toCn(n), title: measure.title, line: rows[i]!.lines[0], rows: [] };
          measures.set(n, s);
          byTitle.set(measure.title, s);
        }
        s.rows.push(i);
      }
      if (standIn && measures.size > 0) {
        const other = [...measures.values()].sort((a, b) => a.line - b.line)[0]!;
        problems.push(
          problem(standIn.line, '主要举措', `the measure repeats the mechanism's title (a practice directly under mechanism ${mech.numeral}), but line ${other.line} gives the mechanism a measure ("${other.title}"); give every row of the mechanism a measure, or none.`, `主要举措与政策机制${mech.numeral}的标题相同（直属该政策机制的做法），但第 ${other.line} 行为其列出了主要举措（“${other.title}”）；该政策机制的各行应都有主要举措，或都没有。`),
        );
      }
      const slots = standIn ? [standIn] : [...measures.values()].sort((a, b) => a.num - b.num);
      taxonomy.push({ code: mech.numeral, index: mech.num, title: mech.title, measures: slots.map((s) => ({ code: s.numeral ? `（${s.numeral}）` : '', index: s.num, title: s.title })) });

      // Items: 序号 as written (its mechanism and measure, when it names them, must be the row's), else in order.
      for (const s of slots) {
        const written = new Map<number, number>(); // row index → item number
        const rowOfNumber = new Map<number, number>(); // item number → row index (a large file has thousands)
        for (const i of s.rows) {
          const r = rows[i]!;
          if (!r.item) continue;
          const m = ITEM_CELL.exec(r.item);
          const n = m ? Number(m[3]!.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) : NaN;
          if (!m || n < 1) {
            problems.push(problem(r.lines[0], '序号', `"${r.item}" is not an item number; expected e.g. 一（一）2 or 2, or an empty cell.`, `“${r.item}”不是条目编号，应为“一（一）2”或“2”，或留空。`));
            continue;
          }
          const mechSaid = m[1] ? chineseNumeral(m[1]) : null;
          const measureSaid = m[2] ? chineseNumeral(m[2]) : null;
          if ((mechSaid !== null && mechSaid !== mech.num) || (measureSaid !== null && s.numeral !== '' && measureSaid !== s.num)) {
            const here = `${mech.numeral}${s.numeral ? `（${s.numeral}）` : ''}`;
            problems.push(problem(r.lines[0], '序号', `"${r.item}" names another mechanism or measure than the row's (${here}).`, `“${r.item}”与本行的政策机制、主要举措（${here}）不符。`));
            continue;
          }
          const twin = rowOfNumber.get(n);
          if (twin !== undefined) {
            problems.push(problem(r.lines[0], '序号', `item ${mech.numeral}${s.numeral ? `（${s.numeral}）` : ''}${n} is also on line ${rows[twin]!.lines[0]}; each practice needs its own number.`, `条目${mech.numeral}${s.numeral ? `（${s.numeral}）` : ''}${n}与第 ${rows[twin]!.lines[0]} 行重复，每项做法应有自己的编号。`));
            continue;
          }
          written.set(i, n);
          rowOfNumber.set(n, i);
        }
        const nextItem = freeNumbers(new Set(written.values()));
        for (const i of s.rows) {
          const r = rows[i]!;
          const kinds = kindsOf(i);
          items.push({
            mechanismIndex: mech.num,
            measureIndex: s.num,
            item: written.get(i) ?? nextItem(),
            text: at(i, 2),
            lines: r.lines,
            row: r,
            ...(kinds.length ? { converted: kinds } : {}),
          });
        }
      }
    }
    items.sort((a, b) => a.mechanismIndex - b.mechanismIndex || a.measureIndex - b.measureIndex || a.item - b.item);
    batches.push({ batch, taxonomy, items, warnings });
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return { ok: true, batches };
}

/** Division codes in a 实施主体代码 cell. */
export function parseAdcodes(cell: string | undefined): number[] | null {
  if (!cell) return null;
  const parts = cell.split(/[、,，;；|\s]+/).filter(Boolean);
  if (parts.length === 0) return null;
  return parts.map((p) => (/^\d{6}$/.test(p) ? Number(p) : NaN));
}

/** "12" or "12-14" from 原文行. */
export function parseLines(cell: string | undefined): [number, number] | null {
  const m = cell ? /^(\d+)(?:\s*[-–—]\s*(\d+))?$/.exec(cell) : null;
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

