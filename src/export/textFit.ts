// Splitting text into pieces that fit a box of a known size, without a layout engine: a deck or document is laid
// out by PowerPoint, WPS or LibreOffice later, so the estimate must be safe for any of them. Han characters and
// full-width punctuation are one em wide in every CJK face; Latin letters and digits are counted at 0.6 em (wider
// than any common face's average), so an estimate never promises more than fits.

/** Width of a string in ems (upper estimate). */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x20) w += 0.35;
    else if (c < 0x2e80 && !(c >= 0x2010 && c <= 0x2027)) w += 0.6;
    else w += 1;
  }
  return w;
}

/** Lines a text takes at `emsPerLine` (greedy breaking at any character, as CJK text breaks). */
export function wrapEms(text: string, emsPerLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    if (ch === '\n') {
      lines.push(line);
      line = '';
      w = 0;
      continue;
    }
    const cw = emWidth(ch);
    if (line && w + cw > emsPerLine) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Ems per line of a box `widthIn` inches wide at `fontPt` points (minus the box's own insets). */
export function emsPerLine(widthIn: number, fontPt: number, insetIn = 0.2): number {
  return Math.floor(((widthIn - insetIn) * 72) / fontPt);
}

/**
 * Splits `text` into consecutive pieces of at most `maxLines` lines each (first piece: `firstEms` per line, the
 * rest `restEms`), preferring to end a piece at the end of a sentence (。；！？) when one falls in its last
 * half. The pieces joined give the text back exactly: nothing is cut.
 */
export function splitToFit(text: string, maxLines: number, firstEms: number, restEms = firstEms): string[] {
  const pieces: string[] = [];
  let rest = text;
  let ems = firstEms;
  while (rest) {
    const lines = wrapEms(rest, ems);
    if (lines.length <= maxLines) {
      pieces.push(rest);
      break;
    }
    const fits = lines.slice(0, maxLines).join('').length;
    const head = rest.slice(0, fits);
    let cut = fits;
    for (let i = head.length - 1; i >= Math.floor(head.length / 2); i--) {
      if ('。；！？;!?'.includes(head[i]!)) {
        cut = i + 1;
        break;
      }
    }
    // Never split a surrogate pair.
    if (cut > 0 && cut < rest.length && /[\uDC00-\uDFFF]/.test(rest[cut]!)) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    ems = restEms;
  }
  return pieces;
}
