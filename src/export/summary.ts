// Texts that travel with a map out of the app (exported image, print page, briefing): what was filtered, where
// the data comes from. Pure.
import type { Dataset, Practice } from '../types';
import type { Filters } from '../store/filters';
import { formatDate, tFor, type Lang } from '../i18n';

/** The active filters in one line, e.g. "主题：资金保障、组织机制；层级：地市级；搜索“重庆”"; '' when none. */
export function filterSummary(dataset: Dataset, filters: Filters, lang: Lang): string {
  const t = tFor(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  const colon = lang === 'zh' ? '：' : ': ';
  const parts: string[] = [];
  if (filters.batches.length) {
    const names = filters.batches.map((id) => dataset.batches.find((b) => b.id === id)?.title ?? `#${id}`);
    parts.push(`${t('batch')}${colon}${names.join(sep)}`);
  }
  const codeOf = (key: string) => {
    const [b, m, s] = key.split('-').map(Number);
    const mech = dataset.batches.find((x) => x.id === b)?.taxonomy.find((x) => x.index === m);
    if (!mech) return key;
    if (s === undefined) return `${mech.code}、${mech.title}`;
    const meas = mech.measures.find((x) => x.index === s);
    return meas ? `${mech.code}${meas.code}${meas.title}` : key;
  };
  if (filters.mechanisms.length) parts.push(`${t('mechanism')}${colon}${filters.mechanisms.map(codeOf).join(sep)}`);
  if (filters.measures.length) parts.push(`${t('measure')}${colon}${filters.measures.map(codeOf).join(sep)}`);
  if (filters.themes.length) {
    const names = filters.themes.map((k) => {
      const th = dataset.themes.find((x) => x.key === k);
      return th ? (lang === 'en' ? th.en : th.zh) : k;
    });
    parts.push(`${t('theme')}${colon}${names.join(sep)}`);
  }
  if (filters.levels.length) parts.push(`${t('level')}${colon}${filters.levels.map((l) => t(`level_${l}`)).join(sep)}`);
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
