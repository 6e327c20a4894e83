// The dataset the app shows: the built-in one with the imported batches merged in. Related practices (issue 10)
// are then recomputed over the whole merged list, in the worker: until the answer comes, the merged dataset keeps
// what it has (the build's relations for built-in practices, the stored ones for imported practices).
import { useEffect, useMemo, useState } from 'react';
import type { RelatedRef } from '../ingest/similarity';
import type { Dataset } from '../types';
import { runRelated } from './client';
import { mergeDatasets, withRelatedMap } from './merge';
import type { ImportedBatch } from './types';

export function useMergedDataset(builtin: Dataset | null, imported: readonly ImportedBatch[]): Dataset | null {
  const merged = useMemo(() => (builtin ? mergeDatasets(builtin, imported) : null), [builtin, imported]);
  const [related, setRelated] = useState<{ for: Dataset; map: Map<string, RelatedRef[]> } | null>(null);

  useEffect(() => {
    // Nothing imported: the build's relations are the relations.
    if (!merged || merged === builtin) return;
    let current = true;
    void runRelated(merged.practices).then((map) => {
      if (current && map) setRelated({ for: merged, map });
    });
    return () => {
      current = false;
    };
  }, [merged, builtin]);

  return useMemo(() => (merged && related?.for === merged ? withRelatedMap(merged, related.map) : merged), [merged, related]);
}
