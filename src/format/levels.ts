// How officials word the level of a place (OFFICIAL-CONVENTIONS.md "Whole-unit wording by type"): a practice of a
// whole provincial unit is 全省 for a 省, 全区 for an 自治区 or 特别行政区, 全市 for a 直辖市 — never 全省 for 北京.
// One pure rule, shared by filters, panels, briefing and exports.
import type { Level } from '../types';

export type ProvincialType = 'province' | 'autonomousRegion' | 'municipality' | 'sar';

const MUNICIPALITIES = new Set([110000, 120000, 310000, 500000]);
const AUTONOMOUS_REGIONS = new Set([150000, 450000, 540000, 640000, 650000]);
const SARS = new Set([810000, 820000]);

/** The type of a provincial unit, from its adcode (台湾 710000 is a 省). */
export function provincialType(provinceAdcode: number): ProvincialType {
  if (MUNICIPALITIES.has(provinceAdcode)) return 'municipality';
  if (AUTONOMOUS_REGIONS.has(provinceAdcode)) return 'autonomousRegion';
  if (SARS.has(provinceAdcode)) return 'sar';
  return 'province';
}

const WHOLE_UNIT = {
  zh: { province: '全省', autonomousRegion: '全区', municipality: '全市', sar: '全区' },
  en: { province: 'Province-wide', autonomousRegion: 'Region-wide', municipality: 'Municipality-wide', sar: 'SAR-wide' },
} as const;

const BELOW = {
  zh: { city: '地市级', district: '区县级' },
  en: { city: 'Prefecture level', district: 'District / county level' },
} as const;

/**
 * The level in words: 全省 / 全区 / 全市 for a provincial unit by its type, 地市级 for a prefecture-level city,
 * 区县级 for a district or county (a 重庆 district too: it is a district, whatever its parent).
 */
export function levelLabel(level: Level, provinceAdcode: number, lang: 'zh' | 'en'): string {
  if (level === 'province') return WHOLE_UNIT[lang][provincialType(provinceAdcode)];
  return BELOW[lang][level];
}
