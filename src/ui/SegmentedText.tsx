// A practice's text as the reader sees it everywhere (detail card, briefing slide): figures marked, cited
// documents as <cite>, the rest as plain text. Text from data is rendered as text, never as HTML.
import type { Segment } from '../format/segments';

export function SegmentedText({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'figure' ? (
          <mark key={i} className="figure">
            {s.value}
          </mark>
        ) : s.kind === 'document' ? (
          <cite key={i} className="document">
            {s.value}
          </cite>
        ) : (
          <span key={i}>{s.value}</span>
        ),
      )}
    </>
  );
}
