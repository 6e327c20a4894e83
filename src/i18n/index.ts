import { en, zh, type StringKey } from './strings';

export type Lang = 'zh' | 'en';
export type { StringKey };

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/** A pure translator for one language; `{name}` placeholders are filled from params (numbers formatted per language). */
export function translator(lang: Lang): Translate {
  const dict: Record<StringKey, string> = lang === 'en' ? en : zh;
  const nf = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN');
  return (key, params) => {
    const s = dict[key];
    if (!params) return s;
    return s.replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = params[k];
      if (v === undefined) return m;
      return typeof v === 'number' ? nf.format(v) : v;
    });
  };
}

const cache = new Map<Lang, Translate>();
export function tFor(lang: Lang): Translate {
  let t = cache.get(lang);
  if (!t) cache.set(lang, (t = translator(lang)));
  return t;
}

/** A date such as 2022-11 or 2022-11-25 in the reader's language. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  if (lang === 'zh') return d ? `${y}年${m}月${d}日` : m ? `${y}年${m}月` : `${y}年`;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', ...(d ? { day: 'numeric' } : {}), timeZone: 'UTC' }).format(date);
}
