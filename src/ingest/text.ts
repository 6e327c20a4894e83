// Character-level helpers shared by the parser and the extractors. Pure, no I/O.

const LATIN = /^[A-Za-z0-9]$/;

/**
 * Ends a table row in a document's text form (table.ts): what follows (the next row, a paragraph after the table, a
 * note) never goes on with the row's practice as a wrapped line would. The parser reads it as a boundary and shows
 * nothing for it. An invisible character no list contains.
 */
export const ROW_END = '\u2062';

/**
 * Whitespace normalisation used for every title and text: tabs, full-width and no-break spaces count as
 * spaces, runs collapse to one, and a space next to a Chinese character or full-width punctuation is dropped
 * (PDF copies insert such spaces; the Word original has none). One space stays only between two Latin letters or
 * digits (a PDF wraps Latin text at its spaces), so a wrap inside 46.18 or 7:3 joins back without one.
 */
export function normaliseSpace(s: string): string {
  const collapsed = s.replace(/[\s\u3000\u00a0\ufeff]+/g, ' ').trim();
  let out = '';
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed[i]!;
    if (ch === ' ' && !(LATIN.test(collapsed[i - 1] ?? '') && LATIN.test(collapsed[i + 1] ?? ''))) continue;
    out += ch;
  }
  return out;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23. Returns null for anything else. */
export function chineseNumeral(s: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? CN_DIGITS[a]! : null;
  return (a ? CN_DIGITS[a]! : 1) * 10 + (b ? CN_DIGITS[b]! : 0);
}

/** Full-width digits (０-９) → ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
}
