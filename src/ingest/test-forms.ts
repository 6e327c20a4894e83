// Builders for the forms in which users get a list (issue 16), made mechanically from a parsed list so every form
// carries exactly the same practices. Used by the unit tests, the CLI tests and the browser test; no I/O.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Mechanism } from '../types';

/** A list as the tests need it: taxonomy and the practice texts under each measure, in order. */
export interface ListModel {
  title: string;
  taxonomy: Mechanism[];
  /** `${mechanism.index}-${measure.index}` → item texts in order. */
  items: Map<string, string[]>;
}

export function listModel(title: string, taxonomy: Mechanism[], practices: readonly { mechanism: { index: number }; measure: { index: number }; text: string }[]): ListModel {
  const items = new Map<string, string[]>();
  for (const p of practices) {
    const k = `${p.mechanism.index}-${p.measure.index}`;
    items.set(k, [...(items.get(k) ?? []), p.text]);
  }
  return { title, taxonomy, items };
}

const HEADER_CELLS = ['序号', '政策机制', '主要举措', '具体做法'];

/** Table copied from Word/Excel: one row per line, cells separated by tabs, merged cells empty after their first row. */
export function tabRows(m: ListModel): string {
  const rows = [HEADER_CELLS.join('\t')];
  for (const mech of m.taxonomy) {
    mech.measures.forEach((ms, mi) => {
      (m.items.get(`${mech.index}-${ms.index}`) ?? []).forEach((text, ii) => {
        const first = mi === 0 && ii === 0;
        rows.push([first ? mech.code : '', first ? mech.title : '', ii === 0 ? `${ms.code}${ms.title}` : '', `${ii + 1}．${text}`].join('\t'));
      });
    });
  }
  return rows.join('\n');
}

/** One cell per line, as a web page's table arrives in a text box; `numerals: false` loses the 序号 cell. */
export function cellPerLine(m: ListModel, options: { numerals: boolean; header?: boolean; itemSep?: string } = { numerals: true }): string[] {
  const out: string[] = options.header === false ? [] : [...HEADER_CELLS];
  for (const mech of m.taxonomy) {
    if (options.numerals) out.push(mech.code);
    out.push(mech.title);
    for (const ms of mech.measures) {
      out.push(`${ms.code}${ms.title}`);
      (m.items.get(`${mech.index}-${ms.index}`) ?? []).forEach((text, ii) => out.push(`${ii + 1}${options.itemSep ?? '．'}${text}`));
    }
  }
  return out;
}

/** The lead paragraph of the ministry's notice: names the list and its mechanisms in order. */
export function leadParagraph(m: ListModel): string {
  const mechs = m.taxonomy.map((x) => x.title).join('、');
  return `为贯彻落实党中央、国务院关于实施城市更新行动的决策部署，我部在总结各地实践探索的基础上，形成《${m.title}》，包括${mechs}等${m.taxonomy.length}个方面的可复制经验做法。现印发给你们，请结合实际学习借鉴。`;
}

/** A news-site copy: site chrome, page title, date, image placeholder, the notice with its signature, then the table with the mechanism numerals lost, then more chrome. CRLF and blank lines. */
export function webPage(m: ListModel, signature = { issuer: '住房城乡建设部办公厅', date: '2022年11月25日' }): string {
  const lines = [
    '首页 > 政务公开 > 通知公告',
    `住房城乡建设部办公厅关于印发${m.title}的通知`,
    '发布时间：2022-11-25 10:00    来源：住房和城乡建设部',
    '[图片]',
    '各省、自治区住房和城乡建设厅，直辖市住房和城乡建设（管）委，新疆生产建设兵团住房和城乡建设局：',
    leadParagraph(m),
    signature.issuer,
    signature.date,
    '（此件公开发布）',
    `附件：${m.title}`,
    ...cellPerLine(m, { numerals: false, itemSep: '.' }),
    '【打印】【关闭】',
  ];
  return lines.flatMap((l) => [l, '']).join('\r\n');
}

/** What converters do to punctuation: full-width （） ， ； ： ． become ASCII; 、。“”《》 survive. */
export function asciiPunctuation(text: string): string {
  return text.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':').replace(/．/g, '.');
}

/** The comparison the forms allow: texts equal modulo punctuation width. */
export function punctuationWidthless(text: string): string {
  return asciiPunctuation(text);
}

let s2t: ((s: string) => string) | null = null;
/** A traditional-character repost; with `pinyinEvery`, a converter's pinyin after every n-th Han character: 鄉(xiāng). */
export function traditional(text: string, pinyinEvery = 0): string {
  s2t ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  let n = 0;
  // Pinyin only inside practice texts (item lines), as reposts annotate characters in running text; read from the
  // simplified character, then everything goes traditional (the Latin letters stay).
  const annotated = !pinyinEvery
    ? text
    : text
        .split('\n')
        .map((line) => (/^\s*\d+[．.、]/.test(line) ? line.replace(/[\u4e00-\u9fff]/g, (ch) => (++n % pinyinEvery === 0 ? `${ch}(${pinyin(ch)})` : ch)) : line))
        .join('\n');
  return s2t(annotated);
}

/** The same list without the measure level: each mechanism's items directly under it, numbered on. */
export function withoutMeasures(m: ListModel): string {
  const out: string[] = [];
  for (const mech of m.taxonomy) {
    out.push(`${mech.code}、${mech.title}`);
    let n = 0;
    for (const ms of mech.measures) for (const text of m.items.get(`${mech.index}-${ms.index}`) ?? []) out.push(`${++n}．${text}`);
  }
  return out.join('\n');
}

/** A copy cut short: the text ends `keep` characters into the last item. */
export function truncated(text: string, keep = 25): string {
  const trimmed = text.replace(/\s+$/, '');
  const lastItem = trimmed.search(/\n\s*\d+[．.、][^\n]*$/);
  const start = trimmed.indexOf('．', lastItem) >= 0 ? trimmed.indexOf('．', lastItem) : lastItem;
  return trimmed.slice(0, start + 1 + keep);
}
