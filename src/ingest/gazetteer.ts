// Builds the project's gazetteer from DataV's location.json (geo/sources/datav/location.json).
// Pure: the caller reads the file. Used by the boundary build (public/geo/gazetteer.json) and by the ingest.
import type { GazetteerEntry, Level } from '../types';

/** One record of DataV's location.json (only the fields we read). */
export interface DataVLocation {
  adcode: number;
  name: string;
  level: string;
  center?: [number, number];
  centroid?: [number, number];
  parent?: { adcode: number | null };
}

export const COUNTRY_ADCODE = 100000;

// The 55 recognised minority nationalities (and the generic 各族), longest first so that
// 土家族 is removed before 家族 could ever match. Needed to shorten 延边朝鲜族自治州 → 延边.
const NATIONALITIES = [
  '维吾尔', '哈萨克', '柯尔克孜', '塔吉克', '乌孜别克', '塔塔尔', '俄罗斯', '鄂温克', '鄂伦春', '达斡尔',
  '锡伯', '赫哲', '朝鲜', '蒙古', '满', '回', '藏', '苗', '彝', '壮', '布依', '侗', '瑶', '白', '土家',
  '哈尼', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '土', '羌', '撒拉',
  '仡佬', '布朗', '毛南', '仫佬', '普米', '阿昌', '怒', '京', '基诺', '德昂', '保安', '裕固', '门巴',
  '珞巴', '独龙', '各',
].sort((a, b) => b.length - a.length);

const NATIONALITY_RUN = new RegExp(`(?:(?:${NATIONALITIES.join('|')})族?)+$`);

/**
 * The short form people write: 潍坊 for 潍坊市, 宁夏 for 宁夏回族自治区, 延边 for 延边朝鲜族自治州,
 * 九龙坡 for 九龙坡区. Never shorter than two characters (朝阳区 → 朝阳, but 城区 stays 城区).
 */
export function shortName(name: string): string {
  let core = name;
  const suffixes = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '林区', '省', '市', '盟', '区', '县', '旗'];
  for (const s of suffixes) {
    if (core.endsWith(s) && core.length - s.length >= 2) {
      core = core.slice(0, -s.length);
      break;
    }
  }
  if (core !== name && /自治/.test(name)) {
    const stripped = core.replace(NATIONALITY_RUN, '');
    if (stripped.length >= 2) core = stripped;
  }
  return core;
}

function toLevel(level: string): Level | null {
  return level === 'province' || level === 'city' || level === 'district' ? level : null;
}

/**
 * location.json → gazetteer entries sorted by adcode. Every province, city and district code of the source is kept;
 * a record with an unknown level or without a seat is an error, never a silent drop.
 */
export function buildGazetteer(location: Record<string, DataVLocation>): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  for (const [key, rec] of Object.entries(location)) {
    if (rec.level === 'country') continue;
    const level = toLevel(rec.level);
    if (!level) throw new Error(`location.json ${key}: unknown level "${rec.level}"`);
    const center = rec.center ?? rec.centroid;
    if (!center) throw new Error(`location.json ${key} (${rec.name}): no center or centroid`);
    out.push({
      adcode: rec.adcode,
      name: rec.name,
      short: shortName(rec.name),
      level,
      parent: rec.parent?.adcode ?? COUNTRY_ADCODE,
      center: [round6(center[0]), round6(center[1])],
    });
  }
  return out.sort((a, b) => a.adcode - b.adcode);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** adcode of the provincial unit containing `adcode` (codes are hierarchical: first two digits). */
export function provinceOf(adcode: number): number {
  return Math.floor(adcode / 10000) * 10000;
}
