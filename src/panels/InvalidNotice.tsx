// The notice for link parameters the app could not use. Hooks run unconditionally (an early return before a hook
// made React throw #300 and blank the app when the notice went away); the list is de-duplicated and capped so a
// hostile or mangled link cannot make the notice taller than the screen.
import { useAtlas } from '../store/store';
import { useT } from '../store/hooks';
import { COMPARE_LIMIT_REASON, type InvalidParam } from '../store/url';
import { MAX_COMPARE } from '../store/state';
import { PROVINCE_NAMES } from '../store/regions';
import { shortName } from '../ingest/gazetteer';
import { placeNameEn, type NamesEn } from '../format/names';
import { useEnglishNames } from '../ui/english';

/** How many distinct parameters the notice names before it says "… and N more". */
export const NOTICE_MAX_ITEMS = 10;
/** A value longer than this is shortened in the notice (the whole link may be kilobytes). */
const MAX_VALUE_CHARS = 60;

function shorten(s: string): string {
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s;
}

/** Distinct `key=value` items in first-seen order, and how many distinct ones were left out. */
export function noticeItems(invalid: readonly InvalidParam[], max = NOTICE_MAX_ITEMS): { shown: string[]; more: number } {
  const distinct = [...new Set(invalid.map((p) => `${p.key}=${p.value}`))];
  return { shown: distinct.slice(0, max).map(shorten), more: Math.max(0, distinct.length - max) };
}

/**
 * A compared province the link asked for beyond the limit, by name as the compare view writes it (广东, in English
 * Guangdong); the code only when it is no province at all. A reader knows 广东, not 440000.
 */
export function comparedName(value: string, lang: 'zh' | 'en', names: NamesEn | null): string {
  const code = Number(value);
  const zh = PROVINCE_NAMES.get(code);
  if (!zh) return value;
  return lang === 'en' ? (placeNameEn(names, code) ?? shortName(zh)) : shortName(zh);
}

export function InvalidNotice({ invalid, onDismiss }: { invalid: readonly InvalidParam[]; onDismiss: () => void }) {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const names = useEnglishNames();
  if (invalid.length === 0) return null;
  // Provinces beyond the compare limit are valid codes: the notice names the limit, not "not understood".
  const overLimit = invalid.filter((p) => p.key === 'cmp' && p.reason === COMPARE_LIMIT_REASON);
  const others = invalid.filter((p) => !overLimit.includes(p));
  const sep = lang === 'en' ? ', ' : '，';
  const { shown, more } = noticeItems(others);
  let list = shown.join(sep);
  if (more > 0) list += t('invalidParamsMore', { n: more });
  const limited = noticeItems(overLimit);
  const limitList = limited.shown.map((s) => comparedName(s.replace(/^cmp=/, ''), lang, names)).join(lang === 'en' ? ', ' : '、') + (limited.more > 0 ? t('invalidParamsMore', { n: limited.more }) : '');
  return (
    <div className="notice" role="alert" data-testid="url-notice">
      {overLimit.length > 0 && <span data-testid="compare-limit">{t('compareTooMany', { max: MAX_COMPARE, list: limitList })}</span>}
      {others.length > 0 && <span>{t('invalidParams', { list })}</span>}
      <button type="button" className="text-button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
