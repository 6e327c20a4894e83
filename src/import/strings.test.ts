// The import dialog's strings (src/import/strings.ts, loaded with the dialog's chunk): English complete, no Chinese
// left in it, plurals filled, and no key shadowing one of the app's strings.
import { describe, expect, it } from 'vitest';
import { en, zh } from '../i18n/strings';
import { importEn, importTFor, importZh } from './strings';

describe("the import dialog's strings", () => {
  it('has an English string for every Chinese key and none left in Chinese; no key is also an app string', () => {
    expect(Object.keys(importEn).sort()).toEqual(Object.keys(importZh).sort());
    expect(Object.entries(importEn).filter(([, v]) => /[\u4e00-\u9fff]/.test(v))).toEqual([]);
    expect(Object.keys(importZh).filter((k) => k in zh || k in en)).toEqual([]);
  });

  it('counts with plurals, and still reads the app strings', () => {
    expect(importTFor('en')('importSummary', { n: 2, m: 1, k: 1, p: 2 })).toBe('2 practices · 1 mechanism · 1 measure · 2 provincial units');
    expect(importTFor('zh')('importFurnitureLine', { n: 12 })).toBe('第 12 行');
    expect(importTFor('en')('practicesCount', { n: 1 })).toBe('1 practice');
    for (const key of Object.keys(importEn) as (keyof typeof importEn)[]) {
      const names = [...`${importZh[key]}${importEn[key]}`.matchAll(/\{(\w+)/g)].map((m) => m[1] as string);
      expect(importTFor('en')(key, Object.fromEntries(names.map((k) => [k, 1]))), key).not.toMatch(/plural|[{}#]/);
    }
  });
});
