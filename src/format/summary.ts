// Texts that travel with a map out of the app (exported image, print page, briefing): what was filtered, where
// the data comes from. Pure.
import type { Dataset, Practice } from '../types';
import { FACETS, type Filters } from '../store/filters';
import { formatDate, tFor, type Lang } from '../i18n';

/** The active filters in one line, e.g. "主题：资金保障、组织机制；层级：地市级；搜索“重庆”"; '' when none. */
export function filterSummary(dataset: Dataset, filters: Filters, lang: Lang): string {
  const t = tFor(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  const colon = lang === 'zh' ? '：' : ': ';
  const parts: string[] = [];
  for (const d of FACETS) {
    const chosen: readonly (string | number)[] = filters[d.key];
    if (chosen.length === 0) continue;
    const words = (d.optionLabel as (v: string | number, ds: Dataset, l: Lang) => string).bind(d);
    parts.push(`${t(d.label)}${colon}${chosen.map((v) => words(v, dataset, lang)).join(sep)}`);
  }
  if (filters.q.trim()) parts.push(t('filterSearch', { q: filters.q.trim() }));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** "<title>（<issuer>，<date>）" for each batch the practices come from, in dataset order. */
export function dataCitation(dataset: Dataset, practices: readonly Practice[], lang: Lang): string {
  const used = new Set(practices.map((p) => p.batch));
  const batches = dataset.batches.filter((b) => used.has(b.id));
  const list = (batches.length ? batches : dataset.batches).map((b) =>
    lang === 'zh' ? `${b.issuer}《${b.title}》（${formatDate(b.date, lang)}）` : `${b.issuer}, ${b.title} (${formatDate(b.date, lang)})`,
  );
  return `${tFor(lang)('dataSource')}${lang === 'zh' ? '：' : ': '}${list.join(lang === 'zh' ? '；' : '; ')}`;
}

/** YYYY-MM-DD of a date in local time (what the user calls "today"). */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** 原文第 63 行 / 第 63–65 行 (lines of the source file). */
export function sourceLinesWords(lines: readonly [number, number], lang: Lang): string {
  const [a, b] = lines;
  if (lang === 'zh') return a === b ? `原文第 ${a} 行` : `原文第 ${a}–${b} 行`;
  return a === b ? `source line ${a}` : `source lines ${a}–${b}`;
}

/**
 * A practice cited as officials write it: 住房和城乡建设部办公厅《…（第一批）》（2022年11月），序号 二（一）1 — with the
 * notice's 文号 when the batch carries one (only set when verified).
 */
export function practiceCitation(dataset: Dataset, p: Practice, lang: Lang): string {
  const b = dataset.batches.find((x) => x.id === p.batch);
  const item = `${p.mechanism.code}${p.measure.code}${p.item}`;
  if (!b) return lang === 'zh' ? `第 ${p.batch} 批，序号 ${item}` : `Batch ${p.batch}, item ${item}`;
  if (lang === 'zh') {
    const doc = b.docNumber ? `（${b.docNumber}）` : '';
    return `${b.issuer}《${b.title}》${doc}（${formatDate(b.date, lang)}），序号 ${item}`;
  }
  return `${b.issuer}, ${b.title}${b.docNumber ? ` (${b.docNumber})` : ''} (${formatDate(b.date, lang)}), item ${item}`;
}

/** "城市更新实践地图-江苏省苏州市-2026-11-29.png": what the file shows and when; no characters file systems refuse. */
export function exportFileName(lang: Lang, subject: string, ext: string, day = isoDay(new Date())): string {
  const safe = (x: string) =>
    [...x]
      .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
      .join('')
      .trim()
      .replace(/\s+/g, lang === 'zh' ? '' : '-');
  return `${safe(tFor(lang)('appTitle'))}-${safe(subject)}-${day}.${ext}`;
}
