// Text hygiene at the ingest boundary (issue 24.3). Characters that no list needs and that break what comes after
// are removed before anything parses the text, each removal reported with its line:
//   - C0 controls other than tab, LF and CR (the cell and line breaks the parser reads), DEL, and C1 controls:
//     U+0007 in a practice made its slide invalid XML (an XML 1.0 document may not hold them at all);
//   - U+FFFE and U+FFFF (noncharacters; XML forbids them, Word refuses the document);
//   - lone surrogates (half of a character: not text in any encoding, and invalid XML);
//   - bidirectional controls U+202A–U+202E and U+2066–U+2069: an override reverses the text that follows it in
//     every view and export, so what the user reads is not what the list says.
// Pure; the import pipeline calls it on the decoded text, the data build may call it too.

/** One character class per kind, so the warning can say what was removed. */
const KINDS: { re: RegExp; en: string; zh: string }[] = [
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  { re: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/, en: 'control character', zh: '控制字符' },
  { re: /[\ufffe\uffff]/, en: 'noncharacter', zh: '非字符' },
  { re: /[\u202a-\u202e\u2066-\u2069]/, en: 'bidirectional control', zh: '双向文字控制符' },
  { re: /[\ud800-\udfff]/, en: 'lone surrogate', zh: '孤立代理项' },
];

// Lone surrogates: a high one not followed by a low one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface HygieneRemoval {
  /** 1-based line (lines end at LF, CR LF or CR, as the parser counts them). */
  line: number;
  /** Code points removed on that line, as U+XXXX, in order of first appearance. */
  codes: string[];
  /** Kinds removed on that line (English / Chinese), for the message. */
  kinds: string[];
  kindsZh: string[];
  count: number;
}

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The text without unsafe characters, and where they were. Line breaks and tabs are kept, so lines stay lines. */
export function sanitizeText(text: string): { text: string; removed: HygieneRemoval[] } {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return { text, removed: [] };
  const removed: HygieneRemoval[] = [];
  const lines = text.split(/(\r\n|\r|\n)/);
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const part = lines[i]!;
    if (i % 2 === 1) {
      out += part; // the break itself
      continue;
    }
    const line = i / 2 + 1;
    let entry: HygieneRemoval | undefined;
    out += part.replace(UNSAFE, (c) => {
      if (!entry) removed.push((entry = { line, codes: [], kinds: [], kindsZh: [], count: 0 }));
      entry.count++;
      const code = hex(c);
      if (!entry.codes.includes(code)) entry.codes.push(code);
      const kind = KINDS.find((k) => k.re.test(c))!;
      if (!entry.kinds.includes(kind.en)) {
        entry.kinds.push(kind.en);
        entry.kindsZh.push(kind.zh);
      }
      return '';
    });
  }
  return { text: out, removed };
}

/** Removes the same characters from one string (a JSON field, a CSV cell), without line bookkeeping. */
export function stripUnsafe(s: string): string {
  return s.replace(UNSAFE, '');
}

/** True when `s` holds a character `sanitizeText` would remove. */
export function hasUnsafe(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const r = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return r;
}
