// The imported batches' life in the app (issue 28.5, moved here from src/app): the list read at start-up, adding
// (stored, renumbered when another tab took the id), removing, other tabs' changes, and the stored records that
// failed to load (issue 24.2: listed, downloadable, removable — never dropped silently). The app shell only
// composes: it hands the start-up read to `receive` and the api to the ImportContext.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { atlasStore } from '../store/store';
import type { ImportApi } from './context';
import { deleteImportedBatch, deleteStoredRecord, loadImportedBatches, onImportsChanged, saveImportedBatches, storageErrorText, type FailedBatch, type LoadedImports } from './storage';
import type { ImportedBatch } from './types';

/** Drops filters and a selection that point into a batch that is gone. */
export function forgetBatch(id: number): void {
  const s = atlasStore.getState();
  const inBatch = (key: string) => key.startsWith(`${id}-`);
  const f = s.filters;
  if (f.batches.includes(id) || f.mechanisms.some(inBatch) || f.measures.some(inBatch))
    s.setFilters({ batches: f.batches.filter((b) => b !== id), mechanisms: f.mechanisms.filter((k) => !inBatch(k)), measures: f.measures.filter((k) => !inBatch(k)) });
  if (s.selection.kind === 'practice' && inBatch(s.selection.id)) s.clearSelection();
}

/** A storage error as the notice shows it (both languages: the dialog picks by `lang`). */
function problemOf(e: unknown): { en: string; zh: string } {
  return storageErrorText(e);
}

export interface ImportedBatches {
  imported: readonly ImportedBatch[];
  api: ImportApi;
  /** The start-up read (called with the dataset's load, so both arrive in one render). */
  receive: (stored: LoadedImports) => void;
}

export function useImportedBatches(): ImportedBatches {
  const [imported, setImported] = useState<ImportedBatch[]>([]);
  const importedRef = useRef(imported);
  importedRef.current = imported;
  const [failed, setFailed] = useState<FailedBatch[]>([]);
  const [storageProblem, setStorageProblem] = useState<{ en: string; zh: string } | null>(null);

  const receive = useCallback((stored: LoadedImports) => {
    setImported(stored.batches);
    setFailed(stored.failed);
    if (stored.problems.length) setStorageProblem({ en: stored.problems.join('; '), zh: stored.problems.join('；') });
  }, []);

  // Another tab imported or removed a batch: take the stored list as it now is (unless storage is unreadable here,
  // where this tab's batches live only in memory).
  useEffect(
    () =>
      onImportsChanged(() => {
        void loadImportedBatches().then((stored) => {
          if (stored.unreadable) return;
          const gone = importedRef.current.filter((b) => !stored.batches.some((s) => s.batch.id === b.batch.id));
          // The data first, rendered at once, then the filters: a running briefing sees its practice go with the
          // data (and says so, briefing/slideGuard.ts) rather than a filter change that looks like a link's.
          flushSync(() => {
            setImported(stored.batches);
            setFailed(stored.failed);
          });
          for (const b of gone) forgetBatch(b.batch.id);
        });
      }),
    [],
  );

  const add = useCallback(async (proposed: ImportedBatch[]) => {
    // Storage may renumber a batch whose id another tab took meanwhile.
    let batches = proposed;
    try {
      batches = await saveImportedBatches(proposed);
      setStorageProblem(null);
    } catch (e) {
      // Storage may be off (private window, quota): the import still works until the tab closes, and says so.
      setStorageProblem(problemOf(e));
    }
    setImported((cur) => [...cur.filter((b) => !batches.some((n) => n.batch.id === b.batch.id)), ...batches]);
  }, []);

  const remove = useCallback(async (id: number) => {
    try {
      await deleteImportedBatch(id);
    } catch (e) {
      setStorageProblem(problemOf(e));
    }
    forgetBatch(id);
    setImported((cur) => cur.filter((b) => b.batch.id !== id));
  }, []);

  const removeFailed = useCallback(async (key: IDBValidKey) => {
    try {
      await deleteStoredRecord(key);
      setFailed((cur) => cur.filter((f) => f.key !== key));
    } catch (e) {
      setStorageProblem(problemOf(e));
    }
  }, []);

  const api = useMemo<ImportApi>(() => ({ imported, add, remove, storageProblem, failed, removeFailed }), [imported, add, remove, storageProblem, failed, removeFailed]);
  return { imported, api, receive };
}
