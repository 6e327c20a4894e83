import { createContext, useContext } from 'react';
import type { FailedBatch } from './storage';
import type { ImportedBatch } from './types';

/** What the import dialog may do to the data (the state lives in useImportedBatches; App provides it). */
export interface ImportApi {
  imported: readonly ImportedBatch[];
  /** Adds batches (already numbered) and keeps them in the browser; rejects when storage fails. */
  add: (batches: ImportedBatch[]) => Promise<void>;
  /** Removes an imported batch (built-in batches cannot be removed). */
  remove: (id: number) => Promise<void>;
  /** Set when the browser storage could not be read or written: imports then last until the tab closes. */
  storageProblem: { en: string; zh: string } | null;
  /** Stored records that failed to load (issue 24.2). */
  failed: readonly FailedBatch[];
  /** Removes a stored record that failed to load. */
  removeFailed: (key: IDBValidKey) => Promise<void>;
}

export const ImportContext = createContext<ImportApi | null>(null);

export function useImportApi(): ImportApi {
  const api = useContext(ImportContext);
  if (!api) throw new Error('useImportApi outside <ImportContext.Provider>');
  return api;
}
