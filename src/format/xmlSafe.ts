// The one XML-safe function of the export boundary (issue 24.3). PPTX and DOCX are zips of XML parts: a character
// XML 1.0 does not allow (U+0007, U+FFFE, a lone surrogate) makes the part unreadable — LibreOffice dropped a slide's
// text, Word refused the document — and a bidirectional override (U+202E) reverses the text after it. Imports are
// cleaned at the ingest boundary already; this is the guard at the other end, for every string an export writes,
// whatever its origin (built-in data, a stored batch of an older build, a translation).
import { stripUnsafe } from '../ingest/hygiene';

export function xmlSafe(s: string): string {
  return stripUnsafe(s);
}

/** A copy of `v` with every string through xmlSafe (plain objects and arrays; other values as they are). */
export function xmlSafeDeep<T>(v: T): T {
  if (typeof v === 'string') return xmlSafe(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => xmlSafeDeep(x)) as T;
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = xmlSafeDeep(x);
    return out as T;
  }
  return v;
}
