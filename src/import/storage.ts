// Imported batches kept in the browser (IndexedDB), so they survive a reload. One record per batch, keyed by its
// id. Records are checked against the schema on the way in: a damaged record is skipped and reported, never
// allowed to break the built-in data.
//
// Several tabs may import at once. Each tab numbers a new batch from what it has seen, so two tabs can propose the
// same id: the final ids are allocated inside the one readwrite transaction that stores the batches (IndexedDB
// runs readwrite transactions on a store one after another), and records are added, never put, so a write can
// never replace another tab's batch. Every change is announced on a BroadcastChannel so other tabs reload their
// list. A connection that the browser closed (site data cleared, storage pressure) is reopened on the next use.
import { del, promisifyRequest, values, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { batchSchema, practiceSchema, themeSchema } from '../ingest/schema';
import { FIRST_IMPORTED_ID, renumberBatch } from './merge';
import type { ImportedBatch } from './types';

const DB_NAME = 'renewal-atlas';
// Version 1 with in-line keys (keyPath 'id') is the format earlier builds created: kept, so stored batches stay.
const DB_VERSION = 1;
const STORE = 'imported-batches';
const CHANNEL = 'renewal-atlas-imports';

const recordSchema = z.object({
  id: z.number().int().min(FIRST_IMPORTED_ID),
  batch: batchSchema,
  practices: z.array(practiceSchema).min(1),
  themes: z.array(themeSchema),
  importedAt: z.string(),
});

let dbPromise: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
  if (dbPromise) return dbPromise;
  const r = indexedDB.open(DB_NAME, DB_VERSION);
  r.onupgradeneeded = () => {
    if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'id' });
  };
  const p = promisifyRequest(r);
  dbPromise = p;
  p.then(
    (db) => {
      const forget = () => {
        if (dbPromise === p) dbPromise = undefined;
      };
      // Fired when the browser closes the connection itself (site data cleared, the disk gone).
      db.onclose = forget;
      // Another tab (or "clear site data") wants to delete or upgrade the database: let it, reopen later.
      db.onversionchange = () => {
        db.close();
        forget();
      };
    },
    () => {
      if (dbPromise === p) dbPromise = undefined;
    },
  );
  return p;
}

/** Errors that mean "this connection is gone" rather than "this request is wrong": worth one reopen and retry. */
function isConnectionLost(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'InvalidStateError' || name === 'UnknownError' || name === 'AbortError' || name === 'NotFoundError';
}

/** A transaction's end; an abort without an error (the connection closed under it) still rejects with one. */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
  });
}

/**
 * idb-keyval's store function over our own connection (idb-keyval's `createStore` opens without a version and
 * would create an out-of-line store; ours must match the records earlier builds wrote). An operation that fails
 * because the connection was closed under it is retried once on a fresh connection; an aborted transaction wrote
 * nothing, so the retry cannot write twice.
 */
const store: UseStore = async (mode, callback) => {
  for (let attempt = 0; ; attempt++) {
    try {
      const db = await openDb();
      return await callback(db.transaction(STORE, mode).objectStore(STORE));
    } catch (e) {
      if (attempt > 0 || !isConnectionLost(e)) throw e;
      dbPromise = undefined;
    }
  }
};

export interface LoadedImports {
  batches: ImportedBatch[];
  /** Why some or all stored batches could not be read (the app still starts). */
  problems: string[];
  /** True when the storage itself could not be read (as opposed to single damaged records). */
  unreadable: boolean;
}

const message = (e: unknown) => (e instanceof Error || e instanceof DOMException ? e.message : String(e));

export async function loadImportedBatches(): Promise<LoadedImports> {
  let records: unknown[];
  try {
    records = await values(store);
  } catch (e) {
    return { batches: [], problems: [message(e)], unreadable: true };
  }
  const batches: ImportedBatch[] = [];
  const problems: string[] = [];
  for (const rec of records) {
    const r = recordSchema.safeParse(rec);
    if (!r.success) {
      const id = (rec as { id?: unknown } | null)?.id;
      problems.push(`stored batch ${String(id)} is damaged and was skipped: ${r.error.issues[0]?.message ?? ''}`);
      continue;
    }
    const { id: _id, ...batch } = r.data;
    batches.push(batch);
  }
  return { batches: batches.sort((a, b) => a.batch.id - b.batch.id), problems, unreadable: false };
}

/**
 * Stores new batches and resolves with them as stored: a batch whose proposed id is already taken in storage
 * (another tab imported meanwhile) is renumbered to the next free id. Never replaces a stored batch.
 */
export async function saveImportedBatches(batches: readonly ImportedBatch[]): Promise<ImportedBatch[]> {
  const stored = await store('readwrite', (os) => {
    const out: ImportedBatch[] = [];
    const keys = os.getAllKeys();
    keys.onsuccess = () => {
      const taken = new Set(keys.result.filter((k): k is number => typeof k === 'number'));
      let next = Math.max(FIRST_IMPORTED_ID - 1, ...taken) + 1;
      for (const b of batches) {
        let id = b.batch.id;
        if (taken.has(id) || id < FIRST_IMPORTED_ID) {
          while (taken.has(next)) next++;
          id = next;
        }
        taken.add(id);
        const rec = id === b.batch.id ? b : renumberBatch(b, id);
        // add, not put: a key that is somehow taken aborts the transaction instead of overwriting a batch.
        os.add({ id, ...rec });
        out.push(rec);
      }
    };
    return done(os.transaction).then(() => out);
  });
  announce();
  return stored;
}

export async function deleteImportedBatch(id: number): Promise<void> {
  await del(id, store);
  announce();
}

// ---------------------------------------------------------------------------------------------------------------
// Other tabs

let channel: BroadcastChannel | null | undefined;
function channelOf(): BroadcastChannel | null {
  if (channel === undefined) channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  return channel;
}

/** Tells this tab's own announcements from other tabs' (a channel hears every other channel of its name). */
const SENDER = Math.random().toString(36).slice(2);

function announce(): void {
  try {
    channelOf()?.postMessage({ type: 'imports-changed', sender: SENDER });
  } catch {
    // A closed channel (page unloading): the other tabs see the change on their next load.
  }
}

/** Calls `onChange` whenever another tab of this app added or removed an imported batch; returns a stop function. */
export function onImportsChanged(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const listener = new BroadcastChannel(CHANNEL);
  listener.onmessage = (e: MessageEvent<{ type?: string; sender?: string }>) => {
    if (e.data?.type === 'imports-changed' && e.data.sender !== SENDER) onChange();
  };
  return () => listener.close();
}
