// The 34 provincial units by type, and how officials count them: "31 个省（区、市）" of the mainland, with 香港、
// 澳门、台湾 named on their own line, never silently added to or dropped from a count (OFFICIAL-CONVENTIONS.md).
// Pure; shared by the overview, the briefing and the exports.

export type UnitType = 'province' | 'autonomousRegion' | 'municipality' | 'sar';

const MUNICIPALITIES: ReadonlySet<number> = new Set([110000, 120000, 310000, 500000]);
const AUTONOMOUS_REGIONS: ReadonlySet<number> = new Set([150000, 450000, 540000, 640000, 650000]);
const SARS: ReadonlySet<number> = new Set([810000, 820000]);

/** 省, 自治区, 直辖市 or 特别行政区 (台湾, 710000, is a 省). `provinceAdcode` is the provincial unit's own code. */
export function unitType(provinceAdcode: number): UnitType {
  if (MUNICIPALITIES.has(provinceAdcode)) return 'municipality';
  if (AUTONOMOUS_REGIONS.has(provinceAdcode)) return 'autonomousRegion';
  if (SARS.has(provinceAdcode)) return 'sar';
  return 'province';
}

/** How many provincial units the mainland has: 22 provinces, 5 autonomous regions, 4 municipalities. */
export const MAINLAND_UNITS = 31;

/** 香港、澳门、台湾, in the order officials name them (港澳台). */
export const APART_UNITS: readonly number[] = Object.freeze([810000, 820000, 710000]);

/** One of the 31 省（区、市） of the mainland (not 香港、澳门、台湾). */
export function isMainlandUnit(provinceAdcode: number): boolean {
  return !APART_UNITS.includes(provinceAdcode);
}

export interface UnitSplit<T> {
  /** Mainland units, in the input order. */
  mainland: T[];
  /** 香港、澳门、台湾 among the input, in the input order. */
  apart: T[];
}

/** Splits provincial units (or anything that carries one) into the mainland 31 and 港澳台. */
export function splitUnits<T>(items: Iterable<T>, adcodeOf: (t: T) => number): UnitSplit<T> {
  const out: UnitSplit<T> = { mainland: [], apart: [] };
  for (const it of items) (isMainlandUnit(adcodeOf(it)) ? out.mainland : out.apart).push(it);
  return out;
}

/**
 * The counting rule in one place: of the provincial units that have practices (`covered`, adcodes), how many of
 * the mainland's 31 have some, which of the 31 have none, and the 港澳台 units with and without practices.
 * `allMainland` lists the 31 (in display order), so that "none" can be named.
 */
export function provincialCoverage(
  covered: Iterable<number>,
  allMainland: readonly number[],
): { mainlandWith: number; mainlandWithout: number[]; apartWith: number[]; apartWithout: number[] } {
  const has = new Set(covered);
  const mainland = allMainland.filter(isMainlandUnit);
  return {
    mainlandWith: mainland.filter((a) => has.has(a)).length,
    mainlandWithout: mainland.filter((a) => !has.has(a)),
    apartWith: APART_UNITS.filter((a) => has.has(a)),
    apartWithout: APART_UNITS.filter((a) => !has.has(a)),
  };
}
