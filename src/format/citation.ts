// Citations as officials write them (OFFICIAL-CONVENTIONS.md): issuer, title in 《》, then (文号 when verified,)
// date, then the item as the table numbers it:
//   住房和城乡建设部办公厅《实施城市更新行动可复制经验做法清单（第一批）》（2022年11月），序号 二（一）1
// One pure formatter for panels, briefing and exports. Issuer and title are data and stay Chinese in English.
import { formatDate } from '../i18n';
import type { Batch, Practice } from '../types';
import { itemNumber } from './places';

type Lang = 'zh' | 'en';

/** A piece of a citation; `data` marks Chinese data (issuer, title, 文号, item) that stays Chinese in English. */
export interface CitationPart {
  text: string;
  data?: true;
}

function batchParts(b: Pick<Batch, 'issuer' | 'title' | 'date' | 'docNumber'>, lang: Lang): CitationPart[] {
  const date = b.date ? formatDate(b.date, lang) : '';
  const doc = b.docNumber?.trim();
  if (lang === 'zh') {
    const inBrackets = [doc, date].filter(Boolean).join('，');
    return [{ text: `${b.issuer}《${b.title}》${inBrackets ? `（${inBrackets}）` : ''}`, data: true }];
  }
  const parts: CitationPart[] = [{ text: `${b.issuer}, ${b.title}`, data: true }];
  if (doc && date) parts.push({ text: ' (' }, { text: doc, data: true }, { text: `, ${date})` });
  else if (doc) parts.push({ text: ' (' }, { text: doc, data: true }, { text: ')' });
  else if (date) parts.push({ text: ` (${date})` });
  return parts;
}

/** The whole citation of one practice as parts, so that a view can mark the Chinese data with lang="zh-CN". */
export function practiceCitationParts(batch: Batch | undefined, p: Practice, lang: Lang): CitationPart[] {
  const source: CitationPart[] = batch ? batchParts(batch, lang) : [{ text: lang === 'zh' ? `第 ${p.batch} 批` : `batch ${p.batch}` }];
  return lang === 'zh'
    ? [...source, { text: '，序号 ' }, { text: itemNumber(p), data: true }]
    : [...source, { text: ', item ' }, { text: itemNumber(p), data: true }];
}

const join = (parts: CitationPart[]) => parts.map((x) => x.text).join('');

/** The batch as a source: 住房和城乡建设部办公厅《…》（建办…号，2022年11月）; the 文号 only when the batch carries it. */
export function batchCitation(b: Pick<Batch, 'issuer' | 'title' | 'date' | 'docNumber'>, lang: Lang): string {
  return join(batchParts(b, lang));
}

/** The whole citation of one practice; `batch` undefined (an unknown batch id) still names the batch number. */
export function practiceCitation(batch: Batch | undefined, p: Practice, lang: Lang): string {
  return join(practiceCitationParts(batch, p, lang));
}

/** 原文第 63 行, or 原文第 63–65 行 for a range (never 63–63). */
export function sourceLines(lines: readonly [number, number], lang: Lang): string {
  const [a, b] = lines;
  if (lang === 'zh') return a === b ? `原文第 ${a} 行` : `原文第 ${a}–${b} 行`;
  return a === b ? `source line ${a}` : `source lines ${a}–${b}`;
}
