// Structure of an official practice list: text → taxonomy (政策机制 一/二/… → 主要举措 （一）/（二）/…) and items.
// Accepts the three forms users have: the Word table saved as text (tabs, header over several lines, mechanism
// headings repeated after page breaks, headings split over lines), the ministry web page copy (no tabs, CRLF,
// `1.` / `1、` numbering, blank lines) and the PDF copy (header on one line, hard-wrapped lines, full-width
// indentation). Pure: no I/O.
import type { Mechanism } from '../types';
import { issue, type IngestIssue } from './issues';
import { asciiDigits, chineseNumeral, normaliseSpace } from './text';

export interface RawItem {
  mechanismIndex: number;
  measureIndex: number;
  item: number;
  /** Whitespace-normalised text without the item number. */
  text: string;
  /** First and last line (1-based) of the item in the parsed text. */
  lines: [number, number];
}

export interface ParsedList {
  taxonomy: Mechanism[];
  items: RawItem[];
  errors: IngestIssue[];
  warnings: IngestIssue[];
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
// `一` alone (Word table cell) or `一、title` / `一．title` / `一 title` (web and PDF copies). A code directly
// followed by text (一次性…) is prose, not a heading.
const MECHANISM = new RegExp(`^(${CN_NUM})(?:(?:\\s*[、．.]\\s*|\\s+)(.*))?$`);
const MEASURE = new RegExp(`^[（(](${CN_NUM})[）)]\\s*(.*)$`);
// `1．` `1.` `1、` `１．`; a digit right after the dot is a decimal (5.6%), never an item number.
const ITEM = /^([0-9０-９]{1,3})\s*[．.、](?![0-9０-９])\s*(.*)$/;
const HEADER_WORDS = /^(?:序号|政策机制|政策|机制|主要举措|主要|举措|具体做法|\s)+$/;

function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

function clean(line: string): string {
  return line.replace(/[\t\u3000\u00a0]/g, ' ').trim();
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
}

interface OpenItem {
  raw: RawItem;
  parts: string[];
}

export function parseList(text: string): ParsedList {
  const lines = splitLines(text);
  const taxonomy: Mechanism[] = [];
  const items: RawItem[] = [];
  const errors: IngestIssue[] = [];
  const warnings: IngestIssue[] = [];

  let mech = null as Mechanism | null; // current mechanism (cast: closures below reassign it)
  let mechLine = 0;
  let openMech = null as OpenMechanism | null; // heading whose title is still being collected
  const measureCount = new Map<Mechanism, number>();
  let measure = null as OpenMeasure | null; // current measure (title may still be collecting)
  let measureItems = 0;
  let measureTitleOpen = false;
  let item = null as OpenItem | null;
  let lastItemNumber = 0;

  const closeItem = () => {
    if (!item) return;
    item.raw.text = normaliseSpace(item.parts.join(' '));
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

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = clean(lines[i]!);
    if (line === '') continue;

    const mm = MECHANISM.exec(line);
    const mechNum = mm ? chineseNumeral(mm[1]!) : null;
    if (mm && mechNum !== null) {
      const title = mm[2] ?? '';
      closeItem();
      closeMeasureTitle();
      closeMechanismTitle();
      if (mech && mechNum === mech.index) {
        // The same heading again: a page break in the Word table. Keep the current measure open.
        openMech = { mech, line: lineNo, titleParts: [title], repeatOf: mech };
        continue;
      }
      closeMechanism();
      const expected = (mech?.index ?? 0) + 1;
      if (mechNum !== expected) {
        const what = mech && mechNum < mech.index + 1 ? 'repeats an earlier number' : 'skips a number';
        errors.push(
          issue(lineNo, 'mechanism-numbering', `mechanism ${mm[1]} ${what}; expected ${toCn(expected)}`, `政策机制编号${mm[1]}${what === 'skips a number' ? '不连续' : '重复'}，应为${toCn(expected)}`),
        );
      }
      mech = { code: mm[1]!, index: mechNum, title: '', measures: [] };
      taxonomy.push(mech);
      measureCount.set(mech, 0);
      mechLine = lineNo;
      measure = null;
      openMech = { mech, line: lineNo, titleParts: [title] };
      continue;
    }

    const ms = MEASURE.exec(line);
    const measureNum = ms ? chineseNumeral(ms[1]!) : null;
    if (ms && measureNum !== null) {
      closeItem();
      closeMeasureTitle();
      closeMechanismTitle();
      const code = `（${ms[1]}）`;
      if (!mech) {
        errors.push(issue(lineNo, 'measure-without-mechanism', `measure ${code} comes before any mechanism; expected a mechanism heading (一 …) first`, `主要举措${code}之前没有政策机制，应先有“一 …”`));
        measure = { mechIndex: 0, code, index: measureNum, line: lineNo, titleParts: [ms[2] ?? ''], orphan: true };
        measureTitleOpen = true;
        measureItems = 0;
        lastItemNumber = 0;
        continue;
      }
      const count = measureCount.get(mech) ?? 0;
      const current = mech.measures[count - 1];
      if (measure && !measure.orphan && current && measureNum === current.index) {
        // Repeated after a page break: title must match (checked when it is complete); items continue.
        measure = { ...measure, line: lineNo, titleParts: [ms[2] ?? ''], repeatOf: current };
        measureTitleOpen = true;
        continue;
      }
      closeMeasure();
      const expected = count + 1;
      if (measureNum !== expected) {
        const zh = measureNum < expected ? '重复' : '不连续';
        errors.push(
          issue(lineNo, 'measure-numbering', `measure ${code} under mechanism ${mech.code} ${measureNum < expected ? 'repeats an earlier number' : 'skips a number'}; expected （${toCn(expected)}）`, `政策机制${mech.code}下主要举措编号${code}${zh}，应为（${toCn(expected)}）`),
        );
      }
      mech.measures.push({ code, index: expected, title: '' });
      measureCount.set(mech, expected);
      measure = { mechIndex: mech.index, code, index: expected, line: lineNo, titleParts: [ms[2] ?? ''], orphan: false };
      measureTitleOpen = true;
      measureItems = 0;
      lastItemNumber = 0;
      continue;
    }

    const it = ITEM.exec(line);
    if (it) {
      closeItem();
      closeMeasureTitle();
      closeMechanismTitle();
      const n = Number(asciiDigits(it[1]!));
      if (measure?.orphan) continue; // already reported at the measure line
      if (!measure || !mech) {
        errors.push(
          issue(lineNo, 'item-without-measure', `item ${n} is not under a measure; expected a measure heading such as （一）… before it`, `第${n}条不在任何主要举措之下，其前应有“（一）…”`),
        );
        continue;
      }
      const expected = lastItemNumber + 1;
      if (n !== expected) {
        const kind = n <= lastItemNumber ? 'repeats' : 'skips';
        errors.push(
          issue(lineNo, 'item-numbering', `item number ${n} under ${mech.code}${measure.code} ${kind === 'repeats' ? 'repeats an earlier number' : 'skips a number'}; expected ${expected}`, `${mech.code}${measure.code}下编号${n}${kind === 'repeats' ? '重复' : '不连续'}，应为${expected}`),
        );
      }
      lastItemNumber = n;
      measureItems++;
      item = { raw: { mechanismIndex: mech.index, measureIndex: measure.index, item: n, text: '', lines: [lineNo, lineNo] }, parts: [it[2] ?? ''] };
      continue;
    }

    // Plain text: a header row, a continuation of a title or an item (wrapped line), or stray text.
    const isHeader = HEADER_WORDS.test(line) && (!mech || /序号|具体做法/.test(line));
    if (isHeader) continue;
    if (openMech) {
      openMech.titleParts.push(line);
    } else if (measure && measureTitleOpen) {
      measure.titleParts.push(line);
    } else if (item) {
      item.parts.push(line);
      item.raw.lines[1] = lineNo;
    } else if (!mech) {
      warnings.push(issue(lineNo, 'text-before-first-mechanism', `text before the first mechanism was ignored: "${line.slice(0, 30)}"`, `第一个政策机制之前的文字已忽略：“${line.slice(0, 30)}”`));
    } else if (measure?.orphan) {
      // Inside a measure already reported as misplaced.
    } else {
      errors.push(issue(lineNo, 'item-without-measure', `text "${line.slice(0, 30)}" is not part of any item; expected an item number such as 1．`, `文字“${line.slice(0, 30)}”不属于任何条目，应以编号“1．”开头`));
    }
  }
  if (mech) closeMechanism();
  if (items.length === 0 && errors.length === 0) {
    errors.push(issue(0, 'no-practices', 'no practices found; expected mechanism headings (一 …), measures (（一）…) and numbered items (1．…)', '未找到任何具体做法，应包含政策机制（一 …）、主要举措（（一）…）和编号条目（1．…）'));
  }
  return { taxonomy, items, errors: sortIssues(errors), warnings: sortIssues(warnings) };
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
