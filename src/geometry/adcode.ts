// 行政区划代码 (GB/T 2260, six digits): the province is the first two digits, the prefecture the first four. The
// arithmetic lives here once, named, instead of `% 10000` scattered through the app. Pure.

/** The provincial unit's code of any code: 320508 → 320000. */
export function provinceOf(adcode: number): number {
  return Math.floor(adcode / 10000) * 10000;
}

/** Whether the code names a provincial unit (…0000). */
export function isProvince(adcode: number): boolean {
  return adcode % 10000 === 0;
}

/** Whether two codes lie in the same provincial unit. */
export function sameProvince(a: number, b: number): boolean {
  return provinceOf(a) === provinceOf(b);
}
