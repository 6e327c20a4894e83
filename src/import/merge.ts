// Imported batches next to the built-in dataset: numbering, merging, duplicates. Pure.
import type { Batch, Dataset, Practice, Theme } from '../types';
import type { Candidate, ImportedBatch } from './types';

/** Imported batches are numbered from here (built-in batches are 1, 2, …). */
export const FIRST_IMPORTED_ID = 1000;

export function isImportedId(id: number): boolean {
  return id >= FIRST_IMPORTED_ID;
}

/** The next free id for an import: one past the highest id in use, never below 1000. */
export function nextBatchId(batches: readonly { id: number }[]): number {
  return Math.max(FIRST_IMPORTED_ID - 1, ...batches.map((b) => b.id)) + 1;
}

/** The practices under another batch id: `batch` and the id prefix change, and links inside the batch follow. */
export function renumberPractices(practices: readonly Practice[], id: number): Practice[] {
  const rename = (pid: string, from: number) => (pid.startsWith(`${from}-`) ? `${id}-${pid.slice(String(from).length + 1)}` : pid);
  return practices.map((p) => {
    const next: Practice = { ...p, id: rename(p.id, p.batch), batch: id };
    if (p.related) next.related = p.related.map((r) => ({ ...r, id: rename(r.id, p.batch) }));
    return next;
  });
}

/** A stored batch under another id (another tab took its id first). */
export function renumberBatch(b: ImportedBatch, id: number): ImportedBatch {
  return { ...b, batch: { ...b.batch, id }, practices: renumberPractices(b.practices, id) };
}

/** A candidate as a stored batch with id `id`. */
export function toImportedBatch(c: Candidate, id: number, importedAt = new Date().toISOString()): ImportedBatch {
  const batch: Batch = {
    id,
    title: c.meta.title.trim(),
    issuer: c.meta.issuer.trim(),
    date: c.meta.date.trim(),
    ...(c.meta.docNumber?.trim() ? { docNumber: c.meta.docNumber.trim() } : {}),
    file: c.file,
    taxonomy: c.taxonomy,
  };
  return { batch, practices: renumberPractices(c.practices, id), themes: c.themes, importedAt };
}

/**
 * The built-in dataset with the imported batches after it (by id). The built-in object itself comes back when
 * nothing is imported, so memoised selectors keep their caches.
 */
export function mergeDatasets(builtin: Dataset, imported: readonly ImportedBatch[]): Dataset {
  if (imported.length === 0) return builtin;
  const sorted = [...imported].sort((a, b) => a.batch.id - b.batch.id);
  const known = new Set(builtin.themes.map((t) => t.key));
  const themes: Theme[] = [...builtin.themes];
  for (const b of sorted)
    for (const t of b.themes)
      if (!known.has(t.key)) {
        known.add(t.key);
        themes.push(t);
      }
  return {
    ...builtin,
    batches: [...builtin.batches, ...sorted.map((b) => b.batch)],
    themes,
    practices: [...builtin.practices, ...sorted.flatMap((b) => b.practices)],
  };
}

function normText(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The batch's content, independent of numbering and order: its practice texts, sorted. */
export function contentSignature(practices: readonly Practice[]): string {
  return practices
    .map((p) => normText(p.text))
    .sort()
    .join('\n');
}

export interface Duplicate {
  batch: Batch;
  builtin: boolean;
  /** 'same': the same practices (and, for built-in batches, the same title): nothing to import.
   *  'same-texts': the same practices as a built-in batch under another title: allowed, but counted twice. */
  kind: 'same' | 'same-texts';
}

/**
 * The existing batch with exactly these practices (by text), if any. An imported copy wins over a built-in one:
 * a second copy of a batch that was imported as a copy of the built-in batch is "already imported", not another
 * allowed check against the build.
 */
export function findSameTexts(practices: readonly Practice[], dataset: Dataset): Batch | null {
  const sig = contentSignature(practices);
  const byBatch = new Map<number, Practice[]>();
  for (const p of dataset.practices) {
    const list = byBatch.get(p.batch);
    if (list) list.push(p);
    else byBatch.set(p.batch, [p]);
  }
  let builtin: Batch | null = null;
  for (const b of dataset.batches) {
    const ps = byBatch.get(b.id) ?? [];
    if (ps.length !== practices.length || contentSignature(ps) !== sig) continue;
    if (isImportedId(b.id)) return b;
    builtin ??= b;
  }
  return builtin;
}

/**
 * How a candidate titled `title` relates to a batch with the same practices. The same practices as an imported
 * batch, or as a built-in batch with the same title, are already there. The same practices as a built-in batch
 * under a new title are let through with a warning: checking the in-app import against the build is a use in its
 * own right.
 */
export function classifyDuplicate(same: Batch, title: string): Duplicate {
  const builtin = !isImportedId(same.id);
  return { batch: same, builtin, kind: !builtin || same.title.trim() === title.trim() ? 'same' : 'same-texts' };
}

export function findDuplicate(c: Pick<Candidate, 'practices' | 'meta'>, dataset: Dataset): Duplicate | null {
  const same = findSameTexts(c.practices, dataset);
  return same ? classifyDuplicate(same, c.meta.title) : null;
}

/** The existing batch with this title, if any (titles name batches in filters, so they must differ). */
export function titleTaken(title: string, dataset: Dataset): Batch | undefined {
  const t = title.trim();
  return dataset.batches.find((b) => b.title.trim() === t);
}

export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** The dataset with every practice's `related` replaced from `related` (ids missing there get none). */
export function withRelatedMap(d: Dataset, related: ReadonlyMap<string, readonly { id: string; score: number }[]>): Dataset {
  return { ...d, practices: d.practices.map((p) => ({ ...p, related: [...(related.get(p.id) ?? [])] })) };
}
