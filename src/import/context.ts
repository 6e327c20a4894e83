import { createContext, useContext } from 'react';
import type { ImportedBatch } from './types';

/** What the import dialog may do to the data (App owns the state; see src/app/App.tsx). */
export interface ImportApi {
  imported: readonly ImportedBatch[];
  /** Adds batches (already numbered) and keeps them in the browser; rejects when storage fails. */
  add: (batches: ImportedBatch[]) => Promise<void>;
  /** Removes an imported batch (built-in batches cannot be removed). */
  remove: (id: number) => Promise<void>;
  /** Set when the browser storage could not be read or written: imports then last until the tab closes. */
  storageProblem: string | null;
}

export const ImportContext = createContext<ImportApi | null>(null);

export function useImportApi(): ImportApi {
  const api = useContext(ImportContext);
  if (!api) throw new Error('useImportApi outside <ImportContext.Provider>');
  return api;
}
