import { describe, expect, it } from 'vitest';
import { en, zh } from './strings';
import { formatDate, mapLocale, translator } from './index';

describe('interface strings', () => {
  it('has an English string for every Chinese key and none left in Chinese', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    // The language switch label is the only place where the other language is shown on purpose.
    const chinese = Object.entries(en).filter(([k, v]) => k !== 'language' && /[\u4e00-\u9fff]/.test(v));
    expect(chinese).toEqual([]);
  });

  it('fills placeholders and formats numbers per language', () => {
    expect(translator('zh')('practicesCount', { n: 12345 })).toBe('12,345 项做法');
    expect(translator('en')('practicesCount', { n: 3 })).toBe('3 practices');
  });

  it('formats dates per language', () => {
    expect(formatDate('2022-11', 'zh')).toBe('2022年11月');
    expect(formatDate('2022-11', 'en')).toBe('November 2022');
  });
});

describe('plurals (Intl.PluralRules)', () => {
  it('reads "1 practice" and "2 practices" in English', () => {
    const t = translator('en');
    expect(t('practicesCount', { n: 1 })).toBe('1 practice');
    expect(t('practicesCount', { n: 2 })).toBe('2 practices');
    expect(t('practicesCount', { n: 0 })).toBe('0 practices');
    expect(t('practicesCount', { n: 1000 })).toBe('1,000 practices');
  });

  it('chooses each counted noun by its own number', () => {
    expect(translator('en')('overviewSummary', { n: 1, p: 1 })).toBe(
      '1 practice in 1 of the 31 provinces, autonomous regions and municipalities under the current filters',
    );
    // (The import dialog's counts are checked with its strings, src/import/strings.test.ts.)
  });

  it('leaves no plural syntax in any English string once filled', () => {
    const t = translator('en');
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      // Every placeholder the Chinese or English string names gets a number.
      const names = [...`${zh[key]}${en[key]}`.matchAll(/\{(\w+)/g)].map((m) => m[1] as string);
      const params = Object.fromEntries(names.map((k) => [k, 1]));
      expect(t(key, params), key).not.toMatch(/plural|[{}#]/);
    }
  });

  it('keeps Chinese counts without plural forms', () => {
    expect(translator('zh')('practicesCount', { n: 1 })).toBe('1 项做法');
  });
});

describe('official wording', () => {
  it('counts the 31 省（区、市） in the overview', () => {
    expect(translator('zh')('notRepresentedCount', { n: 18 })).toBe('31 个省（区、市）中，18 个尚无做法：');
    expect(translator('zh')('overviewSummary', { n: 30, p: 13 })).toBe('当前筛选条件下 30 项做法，涉及 13 个省（区、市）');
  });

  it('labels the map controls in the interface language', () => {
    expect(mapLocale('zh')['NavigationControl.ZoomIn']).toBe('放大');
    expect(mapLocale('en')['NavigationControl.ZoomIn']).toBe('Zoom in');
  });
});
