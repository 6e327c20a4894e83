// Level wording as officials use it: a practice of a provincial unit as a whole is 全省 for a 省, 全区 for an
// 自治区 or a 特别行政区, 全市 for a 直辖市 — so a 北京 or 重庆 practice is 全市, never 全省. Pure.
import type { Level } from '../types';
import { unitType, type UnitType } from './units';

type Lang = 'zh' | 'en';

const WHOLE_UNIT: Record<UnitType, Record<Lang, string>> = {
  province: { zh: '全省', en: 'Province-wide' },
  autonomousRegion: { zh: '全区', en: 'Region-wide' },
  municipality: { zh: '全市', en: 'Municipality-wide' },
  sar: { zh: '全区', en: 'SAR-wide' },
};

const BELOW: Record<Exclude<Level, 'province'>, Record<Lang, string>> = {
  city: { zh: '地市级', en: 'Prefecture' },
  district: { zh: '区县级', en: 'District / county' },
};

/**
 * The level of a practice's actor in words, for the unit it belongs to: 全省 / 全区 / 全市 for the provincial
 * unit as a whole (by `provinceAdcode`'s type), 地市级 / 区县级 below it.
 */
export function levelLabel(level: Level, provinceAdcode: number, lang: Lang): string {
  if (level === 'province') return WHOLE_UNIT[unitType(provinceAdcode)][lang];
  return BELOW[level][lang];
}

/** The level as a filter option, which spans every kind of unit: 省级（全省/全区/全市）. */
export function levelFilterLabel(level: Level, lang: Lang): string {
  if (level === 'province') return lang === 'zh' ? '省级（全省/全区/全市）' : 'Provincial (province-, region-, municipality-wide)';
  return BELOW[level][lang];
}

const UNIT_NAME: Record<UnitType, Record<Lang, string>> = {
  province: { zh: '省', en: 'Province' },
  autonomousRegion: { zh: '自治区', en: 'Autonomous region' },
  municipality: { zh: '直辖市', en: 'Municipality' },
  sar: { zh: '特别行政区', en: 'Special administrative region' },
};

/** What kind of provincial unit a code is: 省, 自治区, 直辖市 or 特别行政区. */
export function unitTypeLabel(provinceAdcode: number, lang: Lang): string {
  return UNIT_NAME[unitType(provinceAdcode)][lang];
}
