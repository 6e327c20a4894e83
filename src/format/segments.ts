// Splits a practice's text into plain runs, figures and document titles, so the panel can mark them with
// elements while every character stays text (never HTML).
import type { Figure } from '../types';

export type Segment = { kind: 'text' | 'figure' | 'document'; value: string };

/**
 * Marks every 《title》 of `documents` and every occurrence of a figure's `raw` form. Earlier, longer matches
 * win; overlapping matches are skipped, so the concatenated segments always equal the input.
 */
export function segmentText(text: string, figures: readonly Figure[], documents: readonly string[]): Segment[] {
  const needles: { value: string; kind: 'figure' | 'document' }[] = [
    ...documents.map((d) => ({ value: `《${d}》`, kind: 'document' as const })),
    ...figures.map((f) => ({ value: f.raw, kind: 'figure' as const })),
  ].filter((n) => n.value.length > 0);
  const spans: { start: number; end: number; kind: 'figure' | 'document' }[] = [];
  for (const n of needles) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(n.value, from);
      if (i < 0) break;
      spans.push({ start: i, end: i + n.value.length, kind: n.kind });
      from = i + n.value.length;
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    if (s.start > pos) out.push({ kind: 'text', value: text.slice(pos, s.start) });
    out.push({ kind: s.kind, value: text.slice(s.start, s.end) });
    pos = s.end;
  }
  if (pos < text.length) out.push({ kind: 'text', value: text.slice(pos) });
  return out;
}
