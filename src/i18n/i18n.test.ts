import { describe, expect, it } from 'vitest';
import { en, zh } from './strings';
import { formatDate, translator } from './index';

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
