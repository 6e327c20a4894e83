// A web page saved as .html (a repost of a batch, "网页，仅 HTML"): its text as the browser would show it, one block
// per line and table cells separated by tabs, so the one parser reads it as it reads a page copied as text; the
// page's furniture is then dropped line by line (furniture.ts). Scripts, styles and comments never reach the text.
// Pure, regex-based (no DOM in a Web Worker).

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·', ensp: ' ', emsp: ' ', thinsp: ' ', ndash: '–', laquo: '«', raquo: '»', copy: '©', reg: '®', times: '×', deg: '°', yen: '¥', permil: '‰',
  // Invisible: kept as the characters, which the parser removes (a soft hyphen inside a practice is not text).
  shy: '\u00ad', zwnj: '\u200c', zwj: '\u200d', zerowidthspace: '\u200b' };

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<meta\s)/i.test(text.slice(0, 1024));
}

export function htmlText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i, '\n$1\n')
    .replace(/<\/?(?:td|th)\b[^>]*>/gi, (t) => (t.startsWith('</') ? '\t' : ''))
    .replace(/<br\s*\/?>|<\/?(?:p|div|li|ul|ol|tr|table|tbody|thead|h[1-6]|section|article|header|footer|nav|dd|dt|blockquote|pre)\b[^>]*>/gi, '\n')
    .replace(/<img\b[^>]*?src\s*=\s*["']?([^"'\s>]+)[^>]*>/gi, (_, src: string) => `\n${src.replace(/^.*\//, '')}\n`)
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    );
  return body
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+/g, ' ').replace(/\t\s*$/, '').trim())
    .filter((l) => l.replace(/\t/g, '') !== '')
    .join('\n');
}
