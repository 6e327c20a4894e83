import { describe, expect, it } from 'vitest';
import { levelFilterLabel, levelLabel, unitTypeLabel } from './levels';
import { APART_UNITS, MAINLAND_UNITS, isMainlandUnit, provincialCoverage, splitUnits, unitType } from './units';
import { PROVINCE_NAMES } from '../store/regions';

describe('levelLabel', () => {
  it('says 全市 for the four municipalities', () => {
    for (const a of [110000, 120000, 310000, 500000]) expect(levelLabel('province', a, 'zh')).toBe('全市');
    expect(levelLabel('province', 110000, 'en')).toBe('Municipality-wide');
  });

  it('says 全区 for the five autonomous regions and the two SARs', () => {
    for (const a of [150000, 450000, 540000, 640000, 650000, 810000, 820000]) expect(levelLabel('province', a, 'zh')).toBe('全区');
    expect(levelLabel('province', 150000, 'en')).toBe('Region-wide');
    expect(levelLabel('province', 810000, 'en')).toBe('SAR-wide');
  });

  it('says 全省 for a province, 台湾 included', () => {
    for (const a of [320000, 510000, 710000]) expect(levelLabel('province', a, 'zh')).toBe('全省');
    expect(levelLabel('province', 320000, 'en')).toBe('Province-wide');
  });

  it('names the levels below the provincial unit the same in every unit', () => {
    expect(levelLabel('city', 370000, 'zh')).toBe('地市级');
    expect(levelLabel('district', 500000, 'zh')).toBe('区县级');
    expect(levelLabel('district', 500000, 'en')).toBe('District / county');
  });

  it('gives the level filter a label that spans every kind of unit', () => {
    expect(levelFilterLabel('province', 'zh')).toBe('省级（全省/全区/全市）');
    expect(levelFilterLabel('city', 'zh')).toBe('地市级');
  });

  it('names the unit type', () => {
    expect(unitTypeLabel(500000, 'zh')).toBe('直辖市');
    expect(unitTypeLabel(640000, 'zh')).toBe('自治区');
    expect(unitTypeLabel(820000, 'zh')).toBe('特别行政区');
    expect(unitTypeLabel(710000, 'zh')).toBe('省');
  });
});

describe('provincial units and the counting rule', () => {
  it('has 22 provinces (台湾 apart), 5 autonomous regions, 4 municipalities and 2 SARs', () => {
    const types = [...PROVINCE_NAMES.keys()].map(unitType);
    expect(types.filter((t) => t === 'province')).toHaveLength(23);
    expect(types.filter((t) => t === 'autonomousRegion')).toHaveLength(5);
    expect(types.filter((t) => t === 'municipality')).toHaveLength(4);
    expect(types.filter((t) => t === 'sar')).toHaveLength(2);
  });

  it('types match the names (…市 municipality, …自治区, …特别行政区)', () => {
    for (const [a, name] of PROVINCE_NAMES) {
      const t = unitType(a);
      if (name.endsWith('特别行政区')) expect(t).toBe('sar');
      else if (name.endsWith('自治区')) expect(t).toBe('autonomousRegion');
      else if (name.endsWith('市')) expect(t).toBe('municipality');
      else expect(t).toBe('province');
    }
  });

  it('counts 31 mainland units and keeps 香港、澳门、台湾 apart', () => {
    const all = [...PROVINCE_NAMES.keys()];
    expect(all.filter(isMainlandUnit)).toHaveLength(MAINLAND_UNITS);
    const split = splitUnits(all, (a) => a);
    expect(split.mainland).toHaveLength(31);
    expect([...split.apart].sort()).toEqual([...APART_UNITS].sort());
  });

  it('never counts 港澳台 among the mainland units without practices', () => {
    const all = [...PROVINCE_NAMES.keys()];
    const c = provincialCoverage([110000, 320000, 810000], all);
    expect(c.mainlandWith).toBe(2);
    expect(c.mainlandWithout).toHaveLength(29);
    expect(c.mainlandWithout).not.toContain(710000);
    expect(c.apartWith).toEqual([810000]);
    expect(c.apartWithout).toEqual([820000, 710000]);
  });
});
