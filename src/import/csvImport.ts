// A CSV of practices → the official list's text layout, so that the same ingest (parse, geocode, extract) reads it.
// The columns are the ones src/format/csv.ts writes (a merged export reads back), with English names accepted too:
//
//   required  政策机制 (mechanism)   "一、建立城市更新统筹谋划机制", or the title alone (numbered in order of appearance)
//             主要举措 (measure)     "（一）加强工作统筹和督查考核", or the title alone
//             全文     (text)        the practice's full text; its first sentence must open with the place
//   optional  序号     (item)        "一（一）2" or "2"; else items are numbered in order under their measure
//             批次     (batch)       batch title: a file with several batches gives several batches
//             实施主体代码 (adcodes) actors' division codes joined by 、 , ; | — replaces the geocoded actors
//             来源文件 (source_file) / 原文行 (source_lines)  kept as the practice's source when both are given
//
// Pure. Line numbers in messages are the CSV file's (header = line 1; a quoted cell with line breaks spans lines).
import { unescapeCsvFormula } from '../format/csvFormula';
import Papa from 'papaparse';
import { toCn } from '../ingest/parse';
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

export interface CsvGroup {
  /** Batch title from the 批次 column ('' when there is none). */
  batch: string;
  /** The synthesised list, in the Word-table form the parser reads. */
  text: string;
  /** lineMap[i] = CSV line of line i + 1 of `text`. */
  lineMap: number[];
  /** For each synthesised item line (1-based), the CSV row it came from. */
  rows: Map<number, CsvRow>;
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
  // A quoted cell is one field whatever it holds: its tabs and line breaks become spaces, or the list written out
  // for the parser would read them as the cell and line breaks of a pasted table, and "二、… （一）… 1．…" inside
  // a 全文 cell would become a new mechanism, measure and practice (issue 24.4).
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

function splitHeading(cell: string, re: RegExp): { code: string | null; title: string } {
  const m = re.exec(cell);
  return m ? { code: m[1]!, title: m[2]!.trim() } : { code: null, title: cell };
}

/** Item number from 序号 ("一（一）2", "2"). */
function itemNumber(cell: string | undefined): number | null {
  if (!cell) return null;
  const m = /(\d+)\s*$/.exec(cell);
  return m ? Number(m[1]) : null;
}

/**
 * Groups rows by batch, mechanism and measure (in order of first appearance) and writes each group as the
 * official list: mechanism line, measure line, numbered items. Numbering comes from the cells when they have it
 * (so gaps and repeats are reported by the parser, on the CSV line), otherwise from the order.
 */
export function csvToLists(rows: readonly CsvRow[]): CsvGroup[] {
  const batches = new Map<string, CsvRow[]>();
  for (const r of rows) {
    const key = r.batch ?? '';
    const list = batches.get(key);
    if (list) list.push(r);
    else batches.set(key, [r]);
  }
  const groups: CsvGroup[] = [];
  for (const [batch, list] of batches) {
    // mechanism title → measure title → rows
    const mechs = new Map<string, { code: string | null; title: string; measures: Map<string, { code: string | null; title: string; rows: CsvRow[] }> }>();
    for (const r of list) {
      const mh = splitHeading(r.mechanism, MECH_CELL);
      const mk = `${mh.code ?? ''}|${mh.title}`;
      let mech = mechs.get(mk);
      if (!mech) mechs.set(mk, (mech = { ...mh, measures: new Map() }));
      const sh = splitHeading(r.measure, MEASURE_CELL);
      const sk = `${sh.code ?? ''}|${sh.title}`;
      let measure = mech.measures.get(sk);
      if (!measure) mech.measures.set(sk, (measure = { ...sh, rows: [] }));
      measure.rows.push(r);
    }
    const lines: string[] = [];
    const lineMap: number[] = [];
    const rowsAt = new Map<number, CsvRow>();
    const push = (s: string, csvLine: number) => {
      lines.push(s);
      lineMap.push(csvLine);
    };
    let mi = 0;
    for (const mech of mechs.values()) {
      mi++;
      const first = [...mech.measures.values()][0]!.rows[0]!.lines[0];
      push(`${mech.code ?? toCn(mi)}、${mech.title}`, first);
      let si = 0;
      for (const measure of mech.measures.values()) {
        si++;
        push(`（${measure.code ?? toCn(si)}）${measure.title}`, measure.rows[0]!.lines[0]);
        // Rows in item order when the cells number them; the parser then sees the numbers as written.
        const ordered = measure.rows.every((r) => itemNumber(r.item) !== null)
          ? [...measure.rows].sort((a, b) => itemNumber(a.item)! - itemNumber(b.item)!)
          : measure.rows;
        ordered.forEach((r, i) => {
          push(`${itemNumber(r.item) ?? i + 1}．${r.text}`, r.lines[0]);
          rowsAt.set(lines.length, r);
        });
      }
    }
    groups.push({ batch, text: `${lines.join('\n')}\n`, lineMap, rows: rowsAt });
  }
  return groups;
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

