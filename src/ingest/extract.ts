// Extractors that read a practice's text: headline, 《documents》, figures, sites and themes. Pure.
import type { Figure } from '../types';
import type { Geocoder } from './geocode';
import { chainAt } from './geocode';

/** The first sentence, up to and including its 。！？ (the whole text when there is none). */
export function headlineOf(text: string): string {
  const m = /^[^。！？!?]*[。！？!?]/.exec(text);
  return m ? m[0] : text;
}

/** 《…》 spans (start, end exclusive) — including nested 〈…〉 titles inside them. */
export function documentSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /《[^《》]*》/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** 《…》 titles without the brackets, deduplicated, in order of first appearance. */
export function extractDocuments(text: string): string[] {
  const out: string[] = [];
  for (const [s, e] of documentSpans(text)) {
    const title = text.slice(s + 1, e - 1).trim();
    if (title !== '' && !out.includes(title)) out.push(title);
  }
  return out;
}

// Units as written, longest first so 万平方米 wins over 平方米 and 个月 over 个.
const UNITS = [
  '万平方米', '平方公里', '平方千米', '平方米', '公顷', '万亩', '亩', '千米', '公里', '米',
  '亿元', '万元', '千元', '元',
  '万人', '万户', '个百分点', '个月', '%', '‰', '倍',
  '个', '项', '处', '家', '栋', '幢', '户', '套', '间', '条', '座', '所', '名', '人', '批', '类', '种', '级',
  '年', '天', '日', '小时',
].sort((a, b) => b.length - a.length);

// 1300, 46.18, 1,300 (thousands separators).
const NUM = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const UNIT_RE = UNITS.map((u) => u.replace(/[%‰]/g, (c) => `\\${c}`)).join('|');
// 7:3 / 7：3 ratios; 6—7年, 70%—80% ranges; plain numbers with an optional unit.
const FIGURE = new RegExp(
  `(?<![\\w.])(?:(${NUM})\\s*[:：]\\s*(${NUM})(?![\\w.])|(${NUM})\\s*(${UNIT_RE})?(?:\\s*[—–～~\\-至到]\\s*(${NUM})\\s*(${UNIT_RE})?)?)`,
  'g',
);
// Clause breaks for a figure's phrase; a colon between digits (7:3) is part of a ratio, not a break.
const CLAUSE_BREAK = /[，。；！？,;!?]/;
function isBreak(text: string, i: number): boolean {
  const ch = text[i]!;
  if (CLAUSE_BREAK.test(ch)) return true;
  return (ch === '：' || ch === ':') && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
}

/**
 * Numbers with their unit and clause: 800亿元, 125公顷, 5.6%, 7:3, 6—7年, 70%—80%. A range keeps its lower
 * bound as `value` and the whole range in `raw`. Years (2019年), numbers glued to Latin letters (5G, TOD2) and
 * Chinese numerals (七大任务) are not figures.
 */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const raw = m[0].trim();
    const start = m.index;
    const end = start + m[0].length;
    if (/[A-Za-z]/.test(text[start - 1] ?? '') || /[A-Za-z]/.test(text[end] ?? '')) continue;
    // List numbers (1． 2、 3)) and 第N are positions, not quantities.
    if (m[1] === undefined && m[4] === undefined && m[5] === undefined && /^[．、)）]/.test(text.slice(end))) continue;
    if (text[start - 1] === '第') continue;
    let value: number | string;
    let unit: string;
    if (m[1] !== undefined) {
      value = toNumber(m[1]);
      unit = '';
    } else {
      value = toNumber(m[3]!);
      unit = m[4] ?? m[6] ?? '';
      // Years and year spans (2019年, 2019—2021年) are dates, not quantities.
      if (unit === '年' && isYear(m[3]!) && (m[5] === undefined || isYear(m[5]))) continue;
    }
    out.push({ value, unit, raw: raw.replace(/\s+/g, ''), phrase: clauseAround(text, start, end) });
  }
  return out;
}

/** The number, or its digits as written when a double would not hold them exactly (400 digits are not Infinity). */
function toNumber(s: string): number | string {
  const digits = s.replace(/,/g, '');
  const significant = digits.replace('.', '').replace(/^0+/, '').length;
  return significant > 15 ? digits : Number(digits);
}

function isYear(s: string): boolean {
  return /^\d{4}$/.test(s) && Number(s) >= 1900 && Number(s) <= 2100;
}

function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !isBreak(text, s - 1)) s--;
  let e = end;
  while (e < text.length && !isBreak(text, e)) e++;
  return text.slice(s, e).trim();
}

// Suffixes of named sites that are not administrative units, longest first.
const SITE_SUFFIXES = ['历史文化街区', '历史风貌区', '老街区', '风貌区', '街区', '片区', '社区', '公园', '地区'];
// Words that end a site name on the left (verbs and particles before it).
const LEFT_BREAKERS = [
  '比如', '根据', '按照', '通过', '围绕', '包括', '其中', '以及', '开展', '推进', '实施', '打造', '建设',
  '探索', '反哺', '确保', '编制', '指导', '新建', '增加', '划定', '推动', '利用', '改造', '提升', '完善', '支持',
  '实现', '作为', '成为', '形成', '纳入', '聚焦', '结合', '涉及', '覆盖', '选取', '带动', '保留', '整治',
  '在', '将', '如', '对', '由', '把', '与', '及', '的', '等', '个', '为', '进', '了', '从', '向', '于', '是', '内',
];
// Generic phrases, not names: a candidate containing one of GENERIC_PARTS, equal to one of GENERIC_WHOLE or
// starting with one of GENERIC_START is a kind of area (城市更新片区, 完整社区, 各片区), not a named site.
const GENERIC_PARTS = [
  '城市', '更新', '功能', '历史文化', '口袋', '老旧', '周边', '相关', '公顷', '平方', '片区', '街区', '社区',
  '底层', '基层', '其他', '沿海', '农村', '城镇', '居住', '商业', '工业', '产业', '既有', '部分',
];
const GENERIC_WHOLE = [
  '特色', '重点', '试点', '示范', '历史', '完整', '智慧', '绿色', '未来', '低效', '现代', '美丽', '宜居', '韧性',
  '安全', '活力', '共享', '友好', '儿童友好', '东部', '西部', '中部', '中西部', '中心', '核心', '重要', '新', '老',
];
const GENERIC_START = ['各', '全', '该', '本', '每个', '多个', '一个', '其'];

function isGeneric(run: string): boolean {
  // 和 may open a name (和坪山社区) or join two phrases (建设和智慧社区): generic either way → not a site.
  if (/^[和或并]/.test(run) && run.length > 2 && isGeneric(run.slice(1))) return true;
  return GENERIC_PARTS.some((w) => run.includes(w)) || GENERIC_WHOLE.includes(run) || GENERIC_START.some((w) => run.startsWith(w));
}

/**
 * Named sites (猛追湾片区, 戴家巷老街区, 小西湖历史风貌区, 天府文化公园): a run of Chinese characters ending in a
 * site suffix, cut on the left at punctuation, digits, particles and administrative names, and dropped when it is
 * a generic phrase (城市更新片区, 口袋公园, 历史文化街区). Deduplicated, in order.
 */
export function extractSites(g: Geocoder, text: string, skip: readonly [number, number][]): string[] {
  const out: string[] = [];
  const suffixRe = new RegExp(SITE_SUFFIXES.join('|'), 'g');
  for (let m = suffixRe.exec(text); m; m = suffixRe.exec(text)) {
    const end = m.index + m[0].length;
    if (skip.some(([s, e]) => m!.index >= s && m!.index < e)) continue;
    // Grow left over Chinese characters only.
    let s = m.index;
    while (s > 0 && /[\u4e00-\u9fff]/.test(text[s - 1]!)) s--;
    let run = text.slice(s, m.index);
    // Cut at the last breaker word.
    let cut = 0;
    for (const b of LEFT_BREAKERS) {
      const k = run.lastIndexOf(b);
      if (k >= 0 && k + b.length > cut) cut = k + b.length;
    }
    run = run.slice(cut);
    // Drop administrative names at its start (沙坪坝区 in 沙坪坝区和坪山社区, 和平区 in 和平区太原街地区).
    for (let guard = 0; guard < 3 && run.length > 0; guard++) {
      const chain = chainAt(g, run, 0, (n) => !g.notPlaces.has(n) && n.length >= 2);
      if (!chain || chain.end >= run.length) break;
      run = run.slice(chain.end);
    }
    if (run.length < 2 || isGeneric(run)) continue;
    const name = run + m[0];
    if (!out.includes(name)) out.push(name);
    suffixRe.lastIndex = end;
  }
  return out;
}

export interface ThemeDef {
  key: string;
  zh: string;
  en: string;
  /** A theme applies when one of these occurs in the text. */
  keywords: string[];
}

/** Theme keys whose keywords occur in the text, in dictionary order. */
export function assignThemes(text: string, themes: readonly ThemeDef[]): string[] {
  return themes.filter((t) => t.keywords.some((k) => text.includes(k))).map((t) => t.key);
}
