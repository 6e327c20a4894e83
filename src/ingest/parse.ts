// Structure of an official practice list: text → taxonomy (政策机制 一/二/… → 主要举措 （一）/（二）/…) and items.
// One parser for every form users have (issue 16):
// - the Word table saved as text (cells on their own lines, header over several lines, mechanism headings repeated
//   after page breaks, headings split over lines), a table copied with its cells separated by tabs, the web page
//   copy (CRLF, `1.` / `1、`, blank lines), the PDF copy (hard-wrapped lines, full-width indentation);
// - copies from news sites: site chrome, page title, date, image placeholder and the notice's lead paragraph before
//   the table (the lead's 《…（第N批）》 and its list of mechanisms confirm names and order), the 序号 cell with the
//   mechanism numeral lost (a bare line before a measure is a mechanism), ASCII punctuation ((一) 1. , ; :),
//   traditional characters with a converter's pinyin (convert.ts), no measure level, items past 999, a copy cut
//   short in its last item.
// Every inference is a warning naming its line; only what cannot be placed is an error. A caller may set the role of
// any line (`roles`, the import preview's corrections). Pure: no I/O.
import type { Mechanism } from '../types';
import { convertText, type ConversionKind } from './convert';
import { issue, type IngestIssue } from './issues';
import { furnitureKind, type FurnitureKind } from './furniture';
import { readListMeta, type ListMeta } from './listMeta';
import { asciiDigits, chineseNumeral, normaliseSpace, ROW_END } from './text';

export interface RawItem {
  mechanismIndex: number;
  measureIndex: number;
  item: number;
  /** Whitespace-normalised text without the item number. */
  text: string;
  /** First and last line (1-based) of the item in the parsed text. */
  lines: [number, number];
  /** What was converted in the item's lines (traditional characters, converter pinyin). */
  converted?: ConversionKind[];
  /** The last item of a copy that ends mid-sentence. */
  incomplete?: boolean;
}

/** Roles a user can give a line in the import preview; 'text' restores a line dropped as page furniture (it is then
 * read like any other line). */
export type LineRole = 'mechanism' | 'measure' | 'practice' | 'ignore' | 'text';
/** Roles of a line as parsed: a user's role, or a continuation, a header cell, text before the table. */
export type StructureRole = LineRole | 'continuation' | 'header' | 'preamble';

/** Cell key → role. A line with one cell has the key `12`; a tab-separated line has `12.1`, `12.2`… */
export type RoleOverrides = Readonly<Record<string, LineRole>>;

/** One line (or tab-separated cell) of the input as the parser read it: what the import preview shows as a tree. */
export interface StructureLine {
  key: string;
  line: number;
  /** The cell's text after cleaning and conversion, at most 80 characters. */
  text: string;
  role: StructureRole;
  /** Where it sits: the mechanism (index), measure (index) and item it opens or continues. */
  mechanism?: number;
  measure?: number;
  item?: number;
  /** The role was inferred (a bare line taken as a mechanism, a repeated heading ignored…); a warning says why. */
  inferred?: boolean;
  /** The role was set by the caller. */
  overridden?: boolean;
  /** Dropped as page furniture (issue 23.4): an image name, caption, button, byline, page number…; restorable. */
  furniture?: FurnitureKind;
}

export interface ParsedList {
  taxonomy: Mechanism[];
  items: RawItem[];
  errors: IngestIssue[];
  warnings: IngestIssue[];
  structure: StructureLine[];
  /** Batch title, issuer and date when the text before the table names them. */
  meta: ListMeta;
  /** The text was in traditional characters and was converted. */
  traditional: boolean;
  /** How the items are numbered: from 1 in each measure (the ministry's way) or straight through the list (1…N, a
   * 序号 column numbering the practices). Told in the preview by a warning too. */
  numbering: 'per-measure' | 'continuous';
}

export interface ParseOptions {
  roles?: RoleOverrides;
  /** The text is a whole document's (a .docx or PDF read by structure), never a copy cut short: a last practice that
   * goes on after its last sentence with a line that ends none is not taken for a cut-off copy. */
  document?: boolean;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
// `一` alone (Word table cell) or `一、title` / `一．title` / `一 title` (web and PDF copies). A code directly
// followed by text (一次性…) is prose, not a heading.
const MECHANISM = new RegExp(`^(${CN_NUM})(?:(?:\\s*[、．.]\\s*|\\s+)(.*))?$`);
const MEASURE = new RegExp(`^[（(](${CN_NUM})[）)]\\s*(.*)$`);
// `1．` `1.` `1、` `１．`; a digit right after the dot is a decimal (5.6%), never an item number. Six digits: long
// lists exist (issue 18: 1,000+ items must stay 1,000+ items).
const ITEM = /^([0-9０-９]{1,6})\s*[．.、](?![0-9０-９])\s*(.*)$/;
const HEADER_WORDS = /^(?:序号|政策机制|政策|机制|主要举措|主要|举措|具体做法|\s)+$/;
// Site chrome after or around the table: print/close/share links. Never part of a practice.
const CHROME = /^(?:【[^】]{1,8}】\s*)+$|^(?:分享到|扫一扫|责任编辑|打印本页|关闭窗口|\[?图片\]?$|\[image\]$)/i;
// The end of a complete item: sentence-final punctuation, possibly followed by a closing quote or bracket.
const COMPLETE_END = /[。！？!?；;…][”’"'」』）)】]*$/;

const FURNITURE_ZH: Record<FurnitureKind, string> = {
  image: '图片文件名',
  caption: '图片说明',
  buttons: '页面按钮',
  byline: '来源、编辑等信息',
  breadcrumb: '导航路径',
  'page-number': '页码',
  navigation: '上一篇、下一篇、附件等链接',
  sequence: '序号单元格',
  'after-list': '清单结束后的网页内容',
};

function clean(cell: string): string {
  // Soft hyphens and zero-width characters are invisible in every page and document they come from: removed, so
  // that "\u200b1．…" is still item 1 and a word with a soft hyphen is the word.
  return cell.replace(/[\u00ad\u200b-\u200d\u2060]/g, '').replace(/[\u3000\u00a0\ufeff]/g, ' ').trim();
}

interface Cell {
  key: string;
  line: number;
  text: string;
}

/** Lines → non-empty cells: a tab separates the cells of a table row pasted as one line. */
function toCells(lines: readonly string[]): Cell[] {
  const cells: Cell[] = [];
  lines.forEach((raw, i) => {
    const parts = raw.split('\t').map(clean).filter((p) => p !== '');
    parts.forEach((text, k) => cells.push({ key: parts.length === 1 ? String(i + 1) : `${i + 1}.${k + 1}`, line: i + 1, text }));
  });
  return cells;
}

type Kind =
  | { kind: 'mechanism'; num: number; code: string; title: string }
  | { kind: 'measure'; num: number; code: string; title: string }
  | { kind: 'item'; num: number; text: string }
  | { kind: 'text' };

function classify(text: string): Kind {
  const mm = MECHANISM.exec(text);
  const mechNum = mm ? chineseNumeral(mm[1]!) : null;
  if (mm && mechNum !== null) return { kind: 'mechanism', num: mechNum, code: mm[1]!, title: mm[2] ?? '' };
  const ms = MEASURE.exec(text);
  const measureNum = ms ? chineseNumeral(ms[1]!) : null;
  if (ms && measureNum !== null) return { kind: 'measure', num: measureNum, code: `（${ms[1]}）`, title: ms[2] ?? '' };
  const it = ITEM.exec(text);
  if (it) return { kind: 'item', num: Number(asciiDigits(it[1]!)), text: it[2] ?? '' };
  return { kind: 'text' };
}

/** A line that could be a mechanism title: a short phrase, not a sentence, not the list's own title. */
function headingLike(text: string): boolean {
  return text.length <= 40 && !/[。！？；;：:]/.test(text) && !/清单|通知|^附件|《/.test(text);
}

/** The text of a line given a role by hand, without the numbering it may carry. */
function stripNumbering(text: string): string {
  const k = classify(text);
  if (k.kind === 'mechanism' || k.kind === 'measure') return k.title;
  if (k.kind === 'item') return k.text;
  return text;
}

interface OpenMechanism {
  mech: Mechanism;
  line: number;
  titleParts: string[];
  /** Set when this heading repeats the current mechanism (page break): its title must match. */
  repeatOf?: Mechanism;
}

interface OpenMeasure {
  mechIndex: number;
  code: string;
  index: number;
  line: number;
  titleParts: string[];
  repeatOf?: { title: string };
  orphan: boolean;
  /** Items directly under the mechanism (a batch without the measure level). */
  implicit?: boolean;
}

interface OpenItem {
  raw: RawItem;
  parts: string[];
  /** Each part's line, and whether it was read as a continuation by the parser alone (no role set by the user). */
  partLines: number[];
  inferred: boolean[];
}

export function parseList(text: string, options: ParseOptions = {}): ParsedList {
  const roles = options.roles ?? {};
  const conv = convertText(text.replace(/^\ufeff/, ''));
  const cells = toCells(conv.lines);
  const taxonomy: Mechanism[] = [];
  const items: RawItem[] = [];
  const errors: IngestIssue[] = [];
  const warnings: IngestIssue[] = [];
  const structure: StructureLine[] = [];
  const preamble: Cell[] = [];
  // Furniture before the table still tells the batch details (发布时间：…) to readListMeta.
  const furnitureBefore: Cell[] = [];

  let mech = null as Mechanism | null; // current mechanism (cast: closures below reassign it)
  let mechLine = 0;
  let openMech = null as OpenMechanism | null; // heading whose title is still being collected
  const measureCount = new Map<Mechanism, number>();
  let measure = null as OpenMeasure | null; // current measure (title may still be collecting)
  let measureItems = 0;
  let measureTitleOpen = false;
  let item = null as OpenItem | null;
  let lastItemNumber = 0;
  // Items numbered straight through the list (1…N) rather than from 1 in each measure: the highest number so far.
  let globalLast = 0;
  let continuous = false;
  // A 序号 cell alone on its line (a table copied one cell a line) whose number is the next practice's: used as the
  // item number when the practice's own text carries none.
  let pendingSeq = null as { n: number; line: number } | null;
  // The list has ended (相关链接, 上一篇, 附件： after it): the site's lines that follow are dropped, listed, restorable.
  let ended = false;
  // After a user's correction inside a measure, written item numbers no longer have to match: items are numbered
  // in order and a mismatch is a warning.
  let renumber = false;
  const implicitWarned = new Set<Mechanism>();
  // The line follows a table row's end directly (a note, a column the list has no place for, a paragraph after the
  // table): its error says so.
  let outsideRows = false;
  // Lines read on after a practice's last full sentence that end no sentence themselves (trailingPart).
  const trailing: { raw: RawItem; line: number; text: string }[] = [];

  const entry = (c: Cell, role: StructureRole, extra: Partial<StructureLine> = {}): StructureLine => {
    const e: StructureLine = { key: c.key, line: c.line, text: c.text.slice(0, 80), role, ...extra };
    structure.push(e);
    return e;
  };
  const where = (): Partial<StructureLine> => ({
    ...(mech ? { mechanism: mech.index } : {}),
    ...(measure && !measure.orphan ? { measure: measure.index } : {}),
    ...(item ? { item: item.raw.item } : {}),
  });

  const closeItem = () => {
    if (!item) return;
    const t = trailingPart(item);
    if (t > 0) trailing.push({ raw: item.raw, line: item.partLines[t]!, text: item.parts[t]! });
    item.raw.text = normaliseSpace(item.parts.join(' '));
    const kinds = new Set<ConversionKind>();
    for (let l = item.raw.lines[0]; l <= item.raw.lines[1]; l++) for (const k of conv.changed.get(l) ?? []) kinds.add(k);
    if (kinds.size) item.raw.converted = (['traditional', 'pinyin'] as const).filter((k) => kinds.has(k));
    if (item.raw.text === '') {
      errors.push(
        issue(item.raw.lines[0], 'item-without-text', `item ${item.raw.item} has no text; expected the practice after the number`, `第${item.raw.item}条没有内容，编号后应为具体做法`),
      );
    } else items.push(item.raw);
    item = null;
  };

  const closeMechanismTitle = () => {
    if (!openMech) return;
    const title = normaliseSpace(openMech.titleParts.join(' '));
    const o = openMech;
    openMech = null;
    if (o.repeatOf) {
      if (title !== '' && title !== o.repeatOf.title) {
        errors.push(
          issue(o.line, 'mechanism-title-mismatch', `mechanism ${o.mech.code} repeated with a different title "${title}"; expected "${o.repeatOf.title}" (a heading repeated after a page break must match) or the next mechanism number`, `政策机制${o.mech.code}重复出现但标题不同：“${title}”，应为“${o.repeatOf.title}”`),
        );
      }
      return;
    }
    if (title === '') {
      errors.push(issue(o.line, 'mechanism-without-title', `mechanism ${o.mech.code} has no title; expected its title after the number`, `政策机制${o.mech.code}缺少标题`));
    }
    o.mech.title = title;
  };

  const closeMeasureTitle = () => {
    if (!measure || !measureTitleOpen) return;
    measureTitleOpen = false;
    const title = normaliseSpace(measure.titleParts.join(' '));
    if (measure.orphan || !mech) return;
    if (measure.repeatOf) {
      if (title !== measure.repeatOf.title) {
        errors.push(
          issue(measure.line, 'measure-numbering', `measure ${measure.code} appears twice under mechanism ${mech.code} ("${title}"); expected （${toCn(measure.index + 1)}）`, `主要举措${measure.code}在政策机制${mech.code}下重复出现，应为（${toCn(measure.index + 1)}）`),
        );
      }
      return;
    }
    if (title === '') {
      errors.push(issue(measure.line, 'measure-without-title', `measure ${measure.code} has no title; expected its title after the number`, `主要举措${measure.code}缺少标题`));
    }
    const m = mech.measures[measure.index - 1];
    if (m) m.title = title;
  };

  const closeMeasure = () => {
    closeItem();
    closeMeasureTitle();
    if (measure && !measure.orphan && !measure.repeatOf && measureItems === 0 && mech) {
      errors.push(issue(measure.line, 'measure-without-items', `measure ${measure.code} of mechanism ${mech.code} has no items; expected "1．…" after it`, `主要举措${measure.code}下没有具体做法，其后应为“1．…”`));
    }
  };

  const closeMechanism = () => {
    closeMeasure();
    closeMechanismTitle();
    if (mech && (measureCount.get(mech) ?? 0) === 0) {
      errors.push(issue(mechLine, 'mechanism-without-measures', `mechanism ${mech.code} has no measures; expected "（一）…" after its title`, `政策机制${mech.code}下没有主要举措，标题后应为“（一）…”`));
    }
  };

  const openMechanism = (code: string, index: number, lineNo: number, title: string, complete: boolean) => {
    closeMechanism();
    mech = { code, index, title: complete ? title : '', measures: [] };
    taxonomy.push(mech);
    measureCount.set(mech, 0);
    mechLine = lineNo;
    measure = null;
    renumber = false;
    openMech = complete ? null : { mech, line: lineNo, titleParts: [title] };
  };

  const openMeasure = (code: string, index: number, lineNo: number, title: string, complete: boolean) => {
    closeMeasure();
    const m = mech!;
    m.measures.push({ code, index, title: complete ? title : '' });
    measureCount.set(m, index);
    measure = { mechIndex: m.index, code, index, line: lineNo, titleParts: [title], orphan: false };
    measureTitleOpen = !complete;
    measureItems = 0;
    lastItemNumber = 0;
    renumber = false;
  };

  /** Items under a mechanism that has no measures: one measure standing for the mechanism itself (code ''). */
  const openImplicitMeasure = (lineNo: number) => {
    const m = mech!;
    m.measures.push({ code: '', index: 1, title: m.title });
    measureCount.set(m, 1);
    measure = { mechIndex: m.index, code: '', index: 1, line: lineNo, titleParts: [], orphan: false, implicit: true };
    measureTitleOpen = false;
    measureItems = 0;
    lastItemNumber = 0;
    if (!implicitWarned.has(m)) {
      implicitWarned.add(m);
      warnings.push(
        issue(lineNo, 'no-measure-level', `mechanism ${m.code} has items but no measures (（一）…): its practices are kept directly under the mechanism`, `政策机制${m.code}下没有主要举措（（一）…），其具体做法直接归于该政策机制`),
      );
    }
  };

  const openItem = (c: Cell, written: number | null, itemText: string) => {
    const m = mech!;
    const ms = measure!;
    let expected = lastItemNumber + 1;
    let n = written ?? expected;
    if (n !== expected && !renumber && n === globalLast + 1 && (continuous || lastItemNumber === 0) && globalLast > 0) {
      // Numbered straight through the list: kept as the list has them, told once.
      if (!continuous)
        warnings.push(
          issue(c.line, 'item-numbering-continuous', `items are numbered straight through the list (item ${n} opens measure ${m.code}${ms.code}) rather than from 1 in each measure: the numbers are kept as the list has them`, `具体做法按全表连续编号（第${n}条开始${m.code}${ms.code}），而非每项主要举措从1起编：编号按清单原样保留`),
        );
      continuous = true;
      expected = n;
    }
    if (n !== expected) {
      if (renumber) {
        warnings.push(issue(c.line, 'item-renumbered', `item number ${n} read as ${expected} after a corrected line`, `编号${n}因前面的更正改为${expected}`));
        n = expected;
      } else {
        const kind = n <= lastItemNumber ? 'repeats' : 'skips';
        errors.push(
          issue(c.line, 'item-numbering', `item number ${n} under ${m.code}${ms.code} ${kind === 'repeats' ? 'repeats an earlier number' : 'skips a number'}; expected ${expected}`, `${m.code}${ms.code}下编号${n}${kind === 'repeats' ? '重复' : '不连续'}，应为${expected}`),
        );
      }
    }
    lastItemNumber = n;
    globalLast = Math.max(globalLast, n);
    pendingSeq = null;
    measureItems++;
    item = { raw: { mechanismIndex: m.index, measureIndex: ms.index, item: n, text: '', lines: [c.line, c.line] }, parts: [itemText], partLines: [c.line], inferred: [false] };
  };

  /** The next cell that counts for structure (header cells and lines ignored by the user are skipped). */
  const nextCell = (i: number): { cell: Cell; kind: Kind; role?: LineRole } | null => {
    for (let j = i + 1; j < cells.length; j++) {
      const c = cells[j]!;
      const role = roles[c.key];
      if (role === 'ignore' || c.text === ROW_END) continue;
      if (!role && furnitureKind(c.text)) continue;
      if (!role && HEADER_WORDS.test(c.text) && (!mech || /序号|具体做法/.test(c.text))) continue;
      return { cell: c, kind: classify(c.text), role };
    }
    return null;
  };

  /** A bare line directly before this cell would open a mechanism: it restarts the numbering below a mechanism. */
  const startsMechanism = (next: ReturnType<typeof nextCell>): boolean => {
    if (!next) return false;
    if (next.role) return next.role === 'measure';
    if (next.kind.kind === 'measure') return next.kind.num === 1;
    if (next.kind.kind === 'item') return next.kind.num === 1 && (!mech || !measure || measure.implicit === true);
    return false;
  };

  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const lineNo = c.line;
    const line = c.text;
    const role = roles[c.key];

    if (line === ROW_END) {
      // The end of a table row (table.ts): the row's practice and titles are complete.
      closeItem();
      closeMeasureTitle();
      closeMechanismTitle();
      outsideRows = true;
      continue;
    }
    const outside = outsideRows;
    outsideRows = false;

    if (role && role !== 'text') {
      // The user's role for this line: it wins over every rule below.
      if (role === 'ignore') {
        closeMeasureTitle();
        closeMechanismTitle();
        entry(c, 'ignore', { overridden: true });
        continue;
      }
      closeItem();
      closeMeasureTitle();
      closeMechanismTitle();
      const title = normaliseSpace(stripNumbering(line));
      if (role === 'mechanism') {
        const index = (mech?.index ?? 0) + 1;
        openMechanism(toCn(index), index, lineNo, title, true);
        entry(c, 'mechanism', { ...where(), overridden: true });
        continue;
      }
      if (!mech) {
        errors.push(issue(lineNo, role === 'measure' ? 'measure-without-mechanism' : 'item-without-measure', `line marked as ${role} comes before any mechanism; mark a line before it as the mechanism`, `标为${role === 'measure' ? '主要举措' : '具体做法'}的行之前没有政策机制，请先标出政策机制`));
        entry(c, role, { overridden: true });
        continue;
      }
      if (role === 'measure') {
        const index = (measureCount.get(mech) ?? 0) + (measure?.implicit ? 0 : 1);
        if (measure?.implicit) {
          errors.push(issue(lineNo, 'item-without-measure', `measure after items that were directly under mechanism ${mech.code}; mark those items' measure too`, `政策机制${mech.code}下先有直属条目，后有主要举措，请一并标出`));
        }
        openMeasure(`（${toCn(index)}）`, index, lineNo, title, true);
        entry(c, 'measure', { ...where(), overridden: true });
        continue;
      }
      // practice
      if (!measure || measure.orphan) openImplicitMeasure(lineNo);
      renumber = true;
      openItem(c, null, title);
      entry(c, 'practice', { ...where(), overridden: true });
      continue;
    }

    if (!role && ended) {
      warnings.push(issue(lineNo, 'furniture', `"${line.slice(0, 30)}" comes after the list's end (a 相关链接 / 上一篇 / 附件 line above it): page furniture (after-list), dropped — restore it in the preview if it belongs to the list`, `“${line.slice(0, 30)}”位于清单结束之后（其前有相关链接、上一篇或附件等），已略去；如属于清单，可在预览中恢复`));
      entry(c, 'ignore', { inferred: true, furniture: 'after-list' });
      continue;
    }

    const lone = /^[0-9０-９]{1,6}$/.exec(line);
    if (!role && lone) {
      const n = Number(asciiDigits(lone[0]));
      // A number alone on its line that is the next practice's (or 1): the 序号 cell of a table copied one cell a
      // line. A page number seldom is exactly that; the line is listed and can be restored either way.
      if (n === globalLast + 1 || n === lastItemNumber + 1 || n === 1) {
        closeMeasureTitle();
        closeMechanismTitle();
        pendingSeq = { n, line: lineNo };
        warnings.push(issue(lineNo, 'furniture', `"${line}" alone on its line is the 序号 cell of the next practice: page furniture (sequence), dropped (its number is the item number if the practice's text has none) — restore it in the preview if it is text`, `单独一行的“${line}”是下一条具体做法的序号单元格，已略去（具体做法本身无编号时用作其编号）；如属于正文，可在预览中恢复`));
        entry(c, 'ignore', { inferred: true, furniture: 'sequence' });
        continue;
      }
    }

    const furniture = role === 'text' ? null : furnitureKind(line);
    if (furniture) {
      // The list is over after a 相关链接 / 上一篇 / 附件 / site footer line; not after 上一页 / 下一页 (a paged article goes on).
      if (furniture === 'navigation' && mech && (items.length > 0 || item) && !/^(?:上一页|下一页)/.test(line)) ended = true;
      closeMeasureTitle();
      closeMechanismTitle();
      if (!mech) furnitureBefore.push(c);
      warnings.push(issue(lineNo, 'furniture', `"${line.slice(0, 30)}" is page furniture (${furniture}); dropped — restore it in the preview if it belongs to the list`, `“${line.slice(0, 30)}”是网页或版面上的附属内容（${FURNITURE_ZH[furniture]}），已略去；如属于清单，可在预览中恢复`));
      entry(c, 'ignore', { inferred: true, furniture });
      continue;
    }

    if (role !== 'text' && CHROME.test(line)) {
      closeMeasureTitle();
      closeMechanismTitle();
      warnings.push(issue(lineNo, 'text-ignored', `"${line.slice(0, 30)}" looks like web page chrome; ignored`, `“${line.slice(0, 30)}”像是网页上的其他内容，已忽略`));
      entry(c, 'ignore', { inferred: true, furniture: 'buttons' });
      continue;
    }

    const k = classify(line);

    if (k.kind === 'mechanism') {
      closeItem();
      closeMeasureTitle();
      closeMechanismTitle();
      if (mech && k.num === mech.index) {
        // The same heading again: a page break in the Word table. Keep the current measure open.
        openMech = { mech, line: lineNo, titleParts: [k.title], repeatOf: mech };
        entry(c, 'ignore', { ...where(), inferred: true });
        continue;
      }
      const expected = (mech?.index ?? 0) + 1;
      if (k.num !== expected) {
        const what = mech && k.num < mech.index + 1 ? 'repeats an earlier number' : 'skips a number';
        errors.push(
          issue(lineNo, 'mechanism-numbering', `mechanism ${k.code} ${what}; expected ${toCn(expected)}`, `政策机制编号${k.code}${what === 'skips a number' ? '不连续' : '重复'}，应为${toCn(expected)}`),
        );
      }
      openMechanism(k.code, k.num, lineNo, k.title, false);
      entry(c, 'mechanism', where());
      continue;
    }

    if (k.kind === 'measure') {
      closeItem();
      closeMeasureTitle();
      closeMechanismTitle();
      if (!mech) {
        errors.push(issue(lineNo, 'measure-without-mechanism', `measure ${k.code} comes before any mechanism; expected a mechanism heading (一 …, or its title on the line before) first`, `主要举措${k.code}之前没有政策机制，应先有“一 …”或其标题`));
        measure = { mechIndex: 0, code: k.code, index: k.num, line: lineNo, titleParts: [k.title], orphan: true };
        measureTitleOpen = true;
        measureItems = 0;
        lastItemNumber = 0;
        entry(c, 'measure');
        continue;
      }
      const count = measureCount.get(mech) ?? 0;
      const current = mech.measures[count - 1];
      if (measure && !measure.orphan && !measure.implicit && current && k.num === current.index) {
        // Repeated after a page break: title must match (checked when it is complete); items continue.
        measure = { ...measure, line: lineNo, titleParts: [k.title], repeatOf: current };
        measureTitleOpen = true;
        entry(c, 'ignore', { ...where(), inferred: true });
        continue;
      }
      if (measure?.implicit) {
        errors.push(issue(measure.line, 'item-without-measure', `items directly under mechanism ${mech.code} and then measure ${k.code} (line ${lineNo}); expected a measure before the first item, or none at all`, `政策机制${mech.code}下先有直属条目，后有主要举措${k.code}（第${lineNo}行），第一条之前应有主要举措`));
      }
      const expected = count + 1 - (measure?.implicit ? 1 : 0);
      if (k.num !== expected) {
        const zh = k.num < expected ? '重复' : '不连续';
        errors.push(
          issue(lineNo, 'measure-numbering', `measure ${k.code} under mechanism ${mech.code} ${k.num < expected ? 'repeats an earlier number' : 'skips a number'}; expected （${toCn(expected)}）`, `政策机制${mech.code}下主要举措编号${k.code}${zh}，应为（${toCn(expected)}）`),
        );
      }
      if (measure?.implicit) {
        // Replace the stand-in measure so the numbering stays 1, 2, …
        mech.measures.pop();
        measureCount.set(mech, 0);
        measure = null;
      }
      openMeasure(k.code, Math.max(expected, 1), lineNo, k.title, false);
      entry(c, 'measure', where());
      continue;
    }

    if (k.kind === 'item') {
      closeItem();
      closeMeasureTitle();
      closeMechanismTitle();
      if (measure?.orphan) {
        entry(c, 'practice');
        continue; // already reported at the measure line
      }
      if (!mech) {
        errors.push(
          issue(lineNo, 'item-without-measure', `item ${k.num} is not under a measure; expected a measure heading such as （一）… before it`, `第${k.num}条不在任何主要举措之下，其前应有“（一）…”`),
        );
        entry(c, 'practice');
        continue;
      }
      if (!measure) openImplicitMeasure(lineNo);
      openItem(c, k.num, k.text);
      entry(c, 'practice', where());
      continue;
    }

    // Plain text: a header cell, a continuation of a title or an item (wrapped line), a bare mechanism title, or
    // text before the table.
    const isHeader = HEADER_WORDS.test(line) && (!mech || /序号|具体做法/.test(line));
    if (isHeader) {
      entry(c, 'header');
      continue;
    }
    if (openMech) {
      openMech.titleParts.push(line);
      entry(c, openMech.repeatOf ? 'ignore' : 'continuation', where());
      continue;
    }
    const seq = pendingSeq;
    if (seq && mech && measure && !measure.orphan && measureTitleOpen && !measure.repeatOf) {
      // 序号 | （一）title | practice text, one cell a line: the measure's title is its one line, the text the practice.
      closeMeasureTitle();
      openItem(c, seq.n, line);
      warnings.push(issue(lineNo, 'item-number-from-sequence', `the practice has no number of its own: numbered ${seq.n} from the 序号 cell on line ${seq.line}`, `该具体做法本身无编号：按第${seq.line}行的序号编为${seq.n}`));
      entry(c, 'practice', where());
      continue;
    }
    if (measure && measureTitleOpen) {
      measure.titleParts.push(line);
      entry(c, measure.repeatOf ? 'ignore' : 'continuation', where());
      continue;
    }
    const next = nextCell(i);
    if (headingLike(line) && startsMechanism(next) && !(mech && normaliseSpace(line) === mech.title)) {
      // The 序号 cell with the numeral was lost: a bare line right before a measure (or, without measures, before
      // item 1) is the next mechanism.
      closeItem();
      const index = (mech?.index ?? 0) + 1;
      openMechanism(toCn(index), index, lineNo, normaliseSpace(line), true);
      warnings.push(
        issue(lineNo, 'mechanism-inferred', `"${line.slice(0, 30)}" has no number but comes right before ${next!.kind.kind === 'measure' ? `measure ${(next!.kind as { code: string }).code}` : 'item 1'}: read as mechanism ${toCn(index)}`, `“${line.slice(0, 30)}”没有编号，但紧接在${next!.kind.kind === 'measure' ? `主要举措${(next!.kind as { code: string }).code}` : '第1条'}之前，视为政策机制${toCn(index)}`),
      );
      entry(c, 'mechanism', { ...where(), inferred: true });
      continue;
    }
    if (mech && normaliseSpace(line) === mech.title && next && (next.kind.kind === 'measure' || next.kind.kind === 'item')) {
      // The current mechanism's title again without its numeral: a page-break repeat.
      closeItem();
      warnings.push(issue(lineNo, 'heading-repeated', `"${line.slice(0, 30)}" repeats the title of mechanism ${mech.code}; ignored`, `“${line.slice(0, 30)}”重复政策机制${mech.code}的标题，已忽略`));
      entry(c, 'ignore', { ...where(), inferred: true });
      continue;
    }
    // …unless the open practice is mid-sentence: then the number was a page number inside it.
    if (seq && mech && !(measure?.orphan ?? false) && (!item || COMPLETE_END.test(normaliseSpace(item.parts.join(''))))) {
      closeItem();
      if (!measure) openImplicitMeasure(lineNo);
      openItem(c, seq.n, line);
      warnings.push(issue(lineNo, 'item-number-from-sequence', `the practice has no number of its own: numbered ${seq.n} from the 序号 cell on line ${seq.line}`, `该具体做法本身无编号：按第${seq.line}行的序号编为${seq.n}`));
      entry(c, 'practice', where());
      continue;
    }
    if (item) {
      item.parts.push(line);
      item.partLines.push(lineNo);
      item.inferred.push(role !== 'text');
      item.raw.lines[1] = lineNo;
      entry(c, 'continuation', where());
    } else if (!mech) {
      preamble.push(c);
      entry(c, 'preamble');
    } else if (measure?.orphan) {
      entry(c, 'continuation');
      // Inside a measure already reported as misplaced.
    } else {
      errors.push(
        outside
          ? issue(lineNo, 'item-without-measure', `text "${line.slice(0, 30)}" stands outside the table's rows (a note, a column the list has no place for, a paragraph after the table) and is no part of any practice: set its role to "ignore" if it is not part of the list`, `文字“${line.slice(0, 30)}”在表格各行之外（注释、清单没有的栏目或表格后的段落），不属于任何具体做法：如不属于清单，请将该行设为“忽略”`)
          : issue(lineNo, 'item-without-measure', `text "${line.slice(0, 30)}" is not part of any item; expected an item number such as 1．`, `文字“${line.slice(0, 30)}”不属于任何条目，应以编号“1．”开头`),
      );
      entry(c, 'continuation', where());
    }
  }
  if (mech) closeMechanism();

  const last = items[items.length - 1];
  for (const t of trailing) {
    // The last practice of a copy that simply stops (nothing after it) is one cut short: kept, marked below.
    if (t.raw === last && !options.document && !cells.some((c) => c.line > t.raw.lines[1])) continue;
    const where = `${taxonomy[t.raw.mechanismIndex - 1]?.code ?? ''}${taxonomy[t.raw.mechanismIndex - 1]?.measures[t.raw.measureIndex - 1]?.code ?? ''}${t.raw.item}`;
    errors.push(
      issue(
        t.line,
        'text-after-practice',
        `"${t.text.slice(0, 30)}" comes after the last full sentence of practice ${where} and ends no sentence itself, so it cannot be placed (a caption, the site's name?): set its role to "ignore" if it is not part of the list, or to "read as text" if the practice goes on with it`,
        `“${t.text.slice(0, 30)}”位于具体做法${where}最后一个完整句子之后，本身又不成句，无法确定归属（图片说明、网站名称？）：如不属于清单，请将该行设为“忽略”；如确属该条内容，请设为“按正文读取”`,
      ),
    );
  }
  if (last && !COMPLETE_END.test(last.text)) {
    last.incomplete = true;
    warnings.push(
      issue(last.lines[1], 'item-incomplete', `the last item (${last.item}) ends mid-sentence ("…${last.text.slice(-12)}"): kept, marked "text may be incomplete"`, `最后一条（第${last.item}条）在句中结束（“…${last.text.slice(-12)}”）：已保留，标记为“文本可能不完整”`),
    );
  }

  const meta = readListMeta([...preamble, ...furnitureBefore].sort((a, b) => a.line - b.line), taxonomy);
  warnings.push(...meta.issues);
  for (const c of preamble) {
    const used = meta.usedLines.has(c.line);
    warnings.push(
      issue(c.line, 'text-before-first-mechanism', `text before the first mechanism was ignored${used ? ' (read for the batch details)' : ''}: "${c.text.slice(0, 30)}"`, `第一个政策机制之前的文字已忽略${used ? '（已读取其中的批次信息）' : ''}：“${c.text.slice(0, 30)}”`),
    );
  }
  if (conv.traditional) {
    const n = [...conv.changed.values()].filter((k) => k.includes('traditional')).length;
    warnings.push(issue(0, 'converted-traditional', `the text is in traditional characters: converted to simplified (${n} lines changed)`, `文本为繁体字，已转换为简体（${n} 行有改动）`));
  }
  for (const [l, kinds] of conv.changed) {
    if (kinds.includes('pinyin')) warnings.push(issue(l, 'pinyin-removed', 'pinyin inserted by a converter after characters was removed', '已删除转换工具插入在汉字后的拼音'));
  }

  if (items.length === 0 && errors.length === 0) {
    errors.push(issue(0, 'no-practices', 'no practices found; expected mechanism headings (一 …), measures (（一）…) and numbered items (1．…)', '未找到任何具体做法，应包含政策机制（一 …）、主要举措（（一）…）和编号条目（1．…）'));
  }
  return { taxonomy, items, errors: sortIssues(errors), warnings: sortIssues(warnings), structure, meta: meta.meta, traditional: conv.traditional, numbering: continuous ? 'continuous' : 'per-measure' };
}

/**
 * The first of the lines a practice read on after its last full sentence when they end no sentence themselves (a
 * photo's caption or the site's name between or after the practices, which no rule knows): -1 when there is none, or
 * when the user set the role of one of those lines (then it is the practice's, as the user says).
 */
function trailingPart(it: OpenItem): number {
  const n = it.parts.length;
  if (n < 2 || COMPLETE_END.test(normaliseSpace(it.parts.join('')))) return -1;
  for (let j = n - 1; j >= 1; j--) if (COMPLETE_END.test(normaliseSpace(it.parts.slice(0, j).join('')))) return it.inferred.slice(j).every(Boolean) ? j : -1;
  return -1;
}

function sortIssues(list: IngestIssue[]): IngestIssue[] {
  return list.sort((a, b) => a.line - b.line);
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三. */
export function toCn(n: number): string {
  if (n < 10) return CN[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${CN[ones]}`;
}
