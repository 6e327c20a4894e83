// Names of the 34 provincial units, so that search and grouping can name a province even when no practice has
// it as an actor or mention (a 南京市 practice must be found by 江苏). These names do not change; the gazetteer
// (public/geo/gazetteer.json) stays the source for everything else.

export const PROVINCE_NAMES: ReadonlyMap<number, string> = new Map([
  [110000, '北京市'], [120000, '天津市'], [130000, '河北省'], [140000, '山西省'], [150000, '内蒙古自治区'],
  [210000, '辽宁省'], [220000, '吉林省'], [230000, '黑龙江省'],
  [310000, '上海市'], [320000, '江苏省'], [330000, '浙江省'], [340000, '安徽省'], [350000, '福建省'],
  [360000, '江西省'], [370000, '山东省'],
  [410000, '河南省'], [420000, '湖北省'], [430000, '湖南省'], [440000, '广东省'], [450000, '广西壮族自治区'],
  [460000, '海南省'],
  [500000, '重庆市'], [510000, '四川省'], [520000, '贵州省'], [530000, '云南省'], [540000, '西藏自治区'],
  [610000, '陕西省'], [620000, '甘肃省'], [630000, '青海省'], [640000, '宁夏回族自治区'], [650000, '新疆维吾尔自治区'],
  [710000, '台湾省'], [810000, '香港特别行政区'], [820000, '澳门特别行政区'],
]);

/** A provincial-level adcode: six digits ending in 0000 (110000 … 820000). */
export function isProvinceAdcode(adcode: number): boolean {
  return Number.isInteger(adcode) && adcode >= 110000 && adcode <= 999999 && adcode % 10000 === 0;
}

/** Any six-digit administrative code (the country, 100000, excluded). */
export function isAdcode(adcode: number): boolean {
  return Number.isInteger(adcode) && adcode > 100000 && adcode <= 999999;
}
