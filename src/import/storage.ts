// Imported batches kept in the browser (IndexedDB), so they survive a reload. One record per batch, keyed by its
// id. Records are checked against the schema on the way in: a damaged record is skipped and reported, never
// allowed to break the built-in data.
import { z } from 'zod';
import { batchSchema, practiceSchema, themeSchema } from '../ingest/schema';
import type { ImportedBatch } from './types';

const DB_NAME = 'renewal-atlas';
const DB_VERSION = 1;
const STORE = 'imported-batches';

const recordSchema = z.object({
  id: z.number().int().min(1000),
  batch: batchSchema,
  practices: z.array(practiceSchema).min(1),
  themes: z.array(themeSchema),
  importedAt: z.string(),
});

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

let dbPromise: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
  if (!dbPromise) {
    dbPromise = new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, DB_VERSION);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB open failed'));
      r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

export interface LoadedImports {
  batches: ImportedBatch[];
  /** Why some or all stored batches could not be read (the app still starts). */
  problems: string[];
}

export async function loadImportedBatches(): Promise<LoadedImports> {
  let records: unknown[];
  try {
    const db = await open();
    records = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
  } catch (e) {
    return { batches: [], problems: [e instanceof Error ? e.message : String(e)] };
  }
  const batches: ImportedBatch[] = [];
  const problems: string[] = [];
  for (const rec of records) {
    const r = recordSchema.safeParse(rec);
    if (!r.success) {
      const id = (rec as { id?: unknown })?.id;
      problems.push(`stored batch ${String(id)} is damaged and was skipped: ${r.error.issues[0]?.message ?? ''}`);
      continue;
    }
    const { id: _id, ...batch } = r.data;
    batches.push(batch);
  }
  return { batches: batches.sort((a, b) => a.batch.id - b.batch.id), problems };
}

export async function saveImportedBatches(batches: readonly ImportedBatch[]): Promise<void> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  for (const b of batches) store.put({ id: b.batch.id, ...b });
  await done(tx);
}

export async function deleteImportedBatch(id: number): Promise<void> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).delete(id);
  await done(tx);
}
