// Reposts of the lists come in traditional characters, sometimes with a converter's pinyin after some characters
// (鄉(xiāng), 發(fā)). Both are undone here, line by line so line numbers stay those of the input, and every changed
// line is reported. Pure (opencc-js is a dictionary, no I/O).
import * as OpenCC from 'opencc-js/t2cn';

export type ConversionKind = 'traditional' | 'pinyin';

export interface ConvertedText {
  /** The lines after conversion, as many as in the input. */
  lines: string[];
  /** 1-based line → what was done to it. */
  changed: Map<number, ConversionKind[]>;
  /** True when the text was judged traditional and converted to simplified. */
  traditional: boolean;
  /** Number of pinyin annotations removed. */
  pinyin: number;
}

let t2s: ((s: string) => string) | null = null;
function toSimplified(s: string): string {
  // Built on first use: the dictionaries take ~50 ms to index and most imports are simplified already.
  t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return t2s(s);
}

const HAN = /[\u3400-\u9fff]/g;

// A text is traditional when enough of its Han characters change under traditional → simplified. Simplified text
// changes too, a little (著 → 着 in 显著 with no phrase to stop it), so a few changes mean nothing: batch 1 (3,900 Han
// characters) changes in 0 places; a traditional copy of it in ~1,000.
const MIN_CHANGED = 5;
const MIN_SHARE = 0.02;

// opencc-js converts ~0.4 MB a second here: a long simplified list (the common case) is judged on a sample of its
// lines spread over the whole text, and converted in full only when the sample is traditional.
const SAMPLE_CHARS = 20_000;

function judge(text: string, converted: string): boolean {
  if (converted.length !== text.length) return true;
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== converted[i]) changed++;
  const han = text.match(HAN)?.length ?? 0;
  return changed >= MIN_CHANGED && changed >= han * MIN_SHARE;
}

function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const lines = text.split('\n');
  const step = Math.max(1, Math.floor(lines.length / Math.max(1, Math.floor(SAMPLE_CHARS / (text.length / lines.length)))));
  const out: string[] = [];
  let n = 0;
  for (let i = 0; i < lines.length && n < SAMPLE_CHARS; i += step) {
    out.push(lines[i]!);
    n += lines[i]!.length;
  }
  return out.join('\n');
}

/** Whether the text is traditional; its simplified form when it is (otherwise the text itself). */
export function looksTraditional(text: string): { traditional: boolean; converted: string } {
  const sample = sampleOf(text);
  if (sample !== text && !judge(sample, toSimplified(sample))) return { traditional: false, converted: text };
  const converted = toSimplified(text);
  return judge(text, converted) ? { traditional: true, converted } : { traditional: false, converted: text };
}

// One Hanyu Pinyin syllable with tone marks (or a tone digit), as converters insert them: xiāng, fā, lǜ, zhong1.
const TONED = '[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]';
const SYLLABLE = new RegExp(`^[bpmfdtnlgkhjqxzcsrwy]{0,2}[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,4}(?:ng|n|r)?[1-5]?$`);
const ANNOTATION = /([\u3400-\u9fff])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}[1-5]?)[)）]/g;

function isToned(s: string): boolean {
  return SYLLABLE.test(s) && (new RegExp(TONED).test(s) || /[1-5]$/.test(s));
}

/**
 * Whether `s` is a syllable a converter would insert, never a plain word like (州). Toned (or tone-numbered) pinyin
 * always; a toneless syllable (的(de), neutral tone) only in a text that has toned annotations too.
 */
function isPinyin(s: string, toneless: boolean): boolean {
  return isToned(s) || (toneless && SYLLABLE.test(s) && s.length >= 2);
}

/** Whether the text carries converter pinyin at all (a toned annotation somewhere). */
export function hasPinyin(text: string): boolean {
  for (const m of text.matchAll(ANNOTATION)) if (isToned(m[2]!)) return true;
  return false;
}

/** 鄉(xiāng) → 鄉; the character stays, its pinyin goes. Returns the text and how many annotations went. */
export function removePinyin(line: string, toneless = false): { text: string; removed: number } {
  let removed = 0;
  const text = line.replace(ANNOTATION, (all, ch: string, py: string) => {
    if (!isPinyin(py, toneless)) return all;
    removed++;
    return ch;
  });
  return { text, removed };
}

export function convertText(text: string): ConvertedText {
  const input = text.split(/\r\n|\r|\n/);
  const changed = new Map<number, ConversionKind[]>();
  let pinyin = 0;
  const toneless = hasPinyin(text);
  const noPinyin = input.map((l, i) => {
    const r = removePinyin(l, toneless);
    if (r.removed) {
      pinyin += r.removed;
      changed.set(i + 1, ['pinyin']);
    }
    return r.text;
  });
  const joined = noPinyin.join('\n');
  const { traditional, converted } = looksTraditional(joined);
  if (!traditional) return { lines: noPinyin, changed, traditional, pinyin };
  let lines = converted.split('\n');
  // The converter maps character for character except in rare phrases; if a line break moved, convert line by
  // line instead so every line keeps its number.
  if (lines.length !== noPinyin.length) lines = noPinyin.map(toSimplified);
  lines.forEach((l, i) => {
    if (l !== noPinyin[i]) changed.set(i + 1, [...(changed.get(i + 1) ?? []), 'traditional']);
  });
  return { lines, changed, traditional, pinyin };
}
