// Imported batches kept in the browser (IndexedDB), so they survive a reload. One record per batch, keyed by its
// id. Records are checked against the one record schema (accept.ts) before they are written and when they are read:
// a record that fails on reading is listed with its name, the reason and its raw content (issue 24.2), never
// dropped silently and never allowed to break the built-in data.
//
// Several tabs may import at once. Each tab numbers a new batch from what it has seen, so two tabs can propose the
// same id: the final ids are allocated inside the one readwrite transaction that stores the batches (IndexedDB
// runs readwrite transactions on a store one after another), and records are added, never put, so a write can
// never replace another tab's batch. Every change is announced on a BroadcastChannel so other tabs reload their
// list. A connection that the browser closed (site data cleared, storage pressure) is reopened on the next use.
import { del, entries, promisifyRequest, type UseStore } from 'idb-keyval';
import { formatPath, recordSchema } from './accept';
import { FIRST_IMPORTED_ID, renumberBatch } from './merge';
import type { ImportedBatch } from './types';

const DB_NAME = 'renewal-atlas';
// Version 1 with in-line keys (keyPath 'id') is the format earlier builds created: kept, so stored batches stay.
const DB_VERSION = 1;
const STORE = 'imported-batches';
const CHANNEL = 'renewal-atlas-imports';

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

/** A stored record that does not pass the record schema: listed so it can be downloaded and removed. */
export interface FailedBatch {
  /** Its IndexedDB key (the batch id in records this app wrote). */
  key: IDBValidKey;
  /** The batch's title when the record still has one, else its key. */
  name: string;
  /** The first fields that failed, as "practices[3].figures[0].value: …". */
  reason: string;
  /** The record as stored. */
  raw: unknown;
}

export interface LoadedImports {
  batches: ImportedBatch[];
  /** Stored records that could not be read as batches (the app still starts, and lists them). */
  failed: FailedBatch[];
  /** Why storage as a whole could not be read. */
  problems: string[];
  /** True when the storage itself could not be read (as opposed to single damaged records). */
  unreadable: boolean;
}

const message = (e: unknown) => (e instanceof Error || e instanceof DOMException ? e.message : String(e));

/** What a storage error means for the user, in both languages (the raw DOMException text is kept at the end). */
export function storageErrorText(e: unknown): { en: string; zh: string } {
  const name = (e as { name?: unknown } | null)?.name;
  const raw = message(e);
  if (name === 'QuotaExceededError')
    return { en: `the browser's storage for this site is full (${raw})`, zh: `浏览器为本站保留的存储空间已满（${raw}）` };
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'AbortError')
    return { en: `the browser closed its storage (${raw})`, zh: `浏览器关闭了存储（${raw}）` };
  return { en: raw, zh: raw };
}

function failureOf(key: IDBValidKey, rec: unknown, issues: readonly { path: readonly PropertyKey[]; message: string }[]): FailedBatch {
  const title = (rec as { batch?: { title?: unknown } } | null)?.batch?.title;
  const reason = issues
    .slice(0, 3)
    .map((i) => `${formatPath(i.path)}: ${i.message}`)
    .join('; ');
  return { key, name: typeof title === 'string' && title.trim() ? title : `#${String(key)}`, reason, raw: rec };
}

export async function loadImportedBatches(): Promise<LoadedImports> {
  let records: [IDBValidKey, unknown][];
  try {
    records = await entries(store);
  } catch (e) {
    return { batches: [], failed: [], problems: [message(e)], unreadable: true };
  }
  const batches: ImportedBatch[] = [];
  const failed: FailedBatch[] = [];
  for (const [key, rec] of records) {
    const r = recordSchema.safeParse(rec);
    if (!r.success) {
      failed.push(failureOf(key, rec, r.error.issues));
      continue;
    }
    const { id: _id, ...batch } = r.data;
    batches.push(batch);
  }
  return { batches: batches.sort((a, b) => a.batch.id - b.batch.id), failed, problems: [], unreadable: false };
}

/** A stored record as JSON for download: numbers JSON cannot write (Infinity, NaN) are kept as text. */
export function rawRecordJson(raw: unknown): string {
  return JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? v.toString() : v), 2);
}

/** Removes a stored record by its key, whether or not it reads as a batch. */
export async function deleteStoredRecord(key: IDBValidKey): Promise<void> {
  await del(key, store);
  announce();
}

/**
 * Stores new batches and resolves with them as stored: a batch whose proposed id is already taken in storage
 * (another tab imported meanwhile) is renumbered to the next free id. Never replaces a stored batch.
 */
export async function saveImportedBatches(batches: readonly ImportedBatch[]): Promise<ImportedBatch[]> {
  // Nothing is written that would fail to load: the same schema as on reading (the import checked it already;
  // this is the last guard).
  for (const b of batches) {
    const r = recordSchema.safeParse({ id: Math.max(b.batch.id, FIRST_IMPORTED_ID), ...b });
    if (!r.success) throw new Error(`batch "${b.batch.title}" cannot be stored: ${failureOf(b.batch.id, b, r.error.issues).reason}`);
  }
  const stored = await store('readwrite', (os) => {
    const out: ImportedBatch[] = [];
    const keys = os.getAllKeys();
    const tx = os.transaction;
    // An error thrown inside an IndexedDB event handler is no one's rejection: it would surface as an uncaught page
    // error while the transaction commits what was added so far. Caught, the transaction is aborted (nothing
    // written) and `done` rejects with the error.
    let thrown: unknown;
    const finished = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = tx.onerror = () => reject(thrown ?? tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
    });
    keys.onsuccess = () => {
      try {
        addAll();
      } catch (e) {
        thrown = e;
        try {
          tx.abort();
        } catch {
          // already finished
        }
      }
    };
    const addAll = () => {
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
        // A failed add (quota) bubbles to the transaction, which aborts: nothing of this save is written.
        os.add({ id, ...rec });
        out.push(rec);
      }
    };
    return finished.then(() => out);
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
