import { en, zh, type StringKey } from './strings';

export type Lang = 'zh' | 'en';
export type { StringKey };

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/**
 * A pure translator for one language; `{name}` placeholders are filled from params (numbers formatted per
 * language). Counted nouns use a plural choice chosen by `Intl.PluralRules`, so English reads "1 practice":
 * `{n, plural, one {# practice} other {# practices}}` (`#` is the formatted number).
 */
export function translator(lang: Lang): Translate {
  return translatorWith(lang, {});
}

/**
 * The translator with a feature's own strings besides the app's (a lazy chunk's strings load with it: the import
 * dialog's, src/import/strings.ts).
 */
export function translatorWith<K extends string>(lang: Lang, extra: Readonly<Record<K, string>>): (key: StringKey | K, params?: Record<string, string | number>) => string {
  const dict: Record<string, string> = { ...(lang === 'en' ? en : zh), ...extra };
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const nf = new Intl.NumberFormat(locale);
  const pr = new Intl.PluralRules(locale);
  return (key, params) => {
    const s = dict[key] as string;
    if (!params) return s;
    return s
      .replace(PLURAL, (m, k: string, branches: string) => {
        const v = params[k];
        if (typeof v !== 'number') return m;
        const forms = new Map<string, string>();
        for (const b of branches.matchAll(BRANCH)) forms.set(b[1] as string, b[2] as string);
        const form = forms.get(`=${v}`) ?? forms.get(pr.select(v)) ?? forms.get('other') ?? m;
        return form.replace(/#/g, nf.format(v));
      })
      .replace(/\{(\w+)\}/g, (m, k: string) => {
        const v = params[k];
        if (v === undefined) return m;
        return typeof v === 'number' ? nf.format(v) : v;
      });
  };
}

// `{n, plural, one {…} other {…}}`: branches hold plain text (no nested braces), `#` for the number.
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=?\w+)\s*\{([^{}]*)\}/g;

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

/** MapLibre's UI strings (its `locale` option) in the interface language: the map's own controls included. */
export function mapLocale(lang: Lang): Record<string, string> {
  const t = tFor(lang);
  return {
    'NavigationControl.ZoomIn': t('mapZoomIn'),
    'NavigationControl.ZoomOut': t('mapZoomOut'),
    'NavigationControl.ResetBearing': t('mapResetBearing'),
    'Map.Title': t('mapCanvas'),
  };
}
