// Browser storage of imported batches, on fake-indexeddb: two tabs (two module instances over one database) never
// lose each other's batch, other tabs hear of changes, and a connection the browser closed is reopened.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatch, createPractice } from '../store/test-helpers';
import type { ImportedBatch } from './types';

type Storage = typeof import('./storage');

/** A fresh copy of the module: its own connection and channel, as another tab would have. */
async function tab(): Promise<Storage> {
  vi.resetModules();
  return import('./storage');
}

function importedBatch(id: number, text: string): ImportedBatch {
  const batch = { ...createBatch(id, [1]), title: `导入批次 ${text}` };
  const practices = [createPractice({ id: `${id}-1-1-1`, batch: id, item: 1, text })];
  return { batch, practices, themes: [], importedAt: '2026-11-29T00:00:00.000Z' };
}

beforeEach(() => {
  // Each test starts from an empty browser.
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('imported batch storage', () => {
  it('keeps both batches when two tabs propose the same id at once', async () => {
    const [a, b] = [await tab(), await tab()];
    // Both tabs saw no imports yet, so both numbered their batch 1000.
    const [savedA, savedB] = await Promise.all([a.saveImportedBatches([importedBatch(1000, '甲')]), b.saveImportedBatches([importedBatch(1000, '乙')])]);
    const ids = [savedA[0]!.batch.id, savedB[0]!.batch.id];
    expect(new Set(ids).size).toBe(2);
    const reloaded = await (await tab()).loadImportedBatches();
    expect(reloaded.batches.map((x) => x.practices[0]!.text).sort()).toEqual(['甲', '乙'].sort());
    // The renumbered batch's practices follow its new id.
    for (const x of reloaded.batches) expect(x.practices.every((p) => p.batch === x.batch.id && p.id.startsWith(`${x.batch.id}-`))).toBe(true);
  });

  it('never replaces a stored batch, even when a tab saves one under an id it did not see taken', async () => {
    const a = await tab();
    await a.saveImportedBatches([importedBatch(1000, '甲'), importedBatch(1001, '乙')]);
    const b = await tab();
    const [saved] = await b.saveImportedBatches([importedBatch(1000, '丙')]);
    expect(saved!.batch.id).toBe(1002);
    const { batches } = await b.loadImportedBatches();
    expect(batches.map((x) => [x.batch.id, x.practices[0]!.text])).toEqual([
      [1000, '甲'],
      [1001, '乙'],
      [1002, '丙'],
    ]);
  });

  it('tells the other tabs, not itself, when a batch is added or removed', async () => {
    const a = await tab();
    const b = await tab();
    const heardByB = vi.fn();
    const heardByA = vi.fn();
    const stopB = b.onImportsChanged(heardByB);
    const stopA = a.onImportsChanged(heardByA);
    await a.saveImportedBatches([importedBatch(1000, '甲')]);
    await vi.waitFor(() => expect(heardByB).toHaveBeenCalledTimes(1));
    await a.deleteImportedBatch(1000);
    await vi.waitFor(() => expect(heardByB).toHaveBeenCalledTimes(2));
    expect(heardByA).not.toHaveBeenCalled();
    stopA();
    stopB();
  });

  it('reopens a connection the browser closed (site data cleared) instead of failing until reload', async () => {
    const a = await tab();
    await a.saveImportedBatches([importedBatch(1000, '甲')]);
    // The next transaction on the old connection fails the way a closed connection does.
    const original = IDBDatabase.prototype.transaction;
    let failed = 0;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (failed++ === 0) throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return original.apply(this, args);
    });
    await a.saveImportedBatches([importedBatch(1001, '乙')]);
    expect((await a.loadImportedBatches()).batches).toHaveLength(2);
  });

  it('lets the database be deleted under it and stores into the new one', async () => {
    const a = await tab();
    await a.saveImportedBatches([importedBatch(1000, '甲')]);
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase('renewal-atlas');
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
    });
    await a.saveImportedBatches([importedBatch(1001, '乙')]);
    const { batches, problems } = await (await tab()).loadImportedBatches();
    expect(problems).toEqual([]);
    expect(batches.map((x) => x.practices[0]!.text)).toEqual(['乙']);
  });

  it('skips a damaged record with a message and keeps the others', async () => {
    const a = await tab();
    await a.saveImportedBatches([importedBatch(1000, '甲')]);
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('renewal-atlas');
      open.onsuccess = () => {
        const tx = open.result.transaction('imported-batches', 'readwrite');
        tx.objectStore('imported-batches').put({ id: 1001, batch: 'broken' });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const { batches, failed, problems } = await a.loadImportedBatches();
    expect(batches).toHaveLength(1);
    // Listed, not dropped (issue 24.2): its key, a name, the reason, and the record as stored.
    expect(problems).toEqual([]);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ key: 1001, name: '#1001', raw: { id: 1001, batch: 'broken' } });
    expect(failed[0]!.reason).toMatch(/^batch: /);
    await a.deleteStoredRecord(1001);
    expect((await a.loadImportedBatches()).failed).toEqual([]);
  });

  it('lists a stored batch with an Infinity figure (an older build stored it) by its title, with a raw record to download', async () => {
    const a = await tab();
    const bad = importedBatch(1000, '甲');
    bad.practices[0]!.figures = [{ value: Infinity, unit: '亿元', raw: `${'9'.repeat(400)}亿元`, phrase: '投资' }];
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('renewal-atlas', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('imported-batches', { keyPath: 'id' });
      open.onsuccess = () => {
        const tx = open.result.transaction('imported-batches', 'readwrite');
        tx.objectStore('imported-batches').put({ id: 1000, ...bad });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const { batches, failed } = await a.loadImportedBatches();
    expect(batches).toEqual([]);
    expect(failed.map((f) => f.name)).toEqual(['导入批次 甲']);
    expect(failed[0]!.reason).toMatch(/practices\[0\]\.figures\[0\]\.value/);
    expect(JSON.parse(a.rawRecordJson(failed[0]!.raw)).practices[0].figures[0].value).toBe('Infinity');
  });

  it('refuses to write a batch that would not load, naming the field', async () => {
    const a = await tab();
    const bad = importedBatch(1000, '甲');
    bad.practices[0]!.source = { file: 'x.csv', lines: [1e20, 1e20] };
    await expect(a.saveImportedBatches([bad])).rejects.toThrow(/practices\[0\]\.source\.lines\[0\]/);
    expect((await a.loadImportedBatches()).batches).toEqual([]);
  });

  it('rejects (no uncaught error, nothing written) when the quota is exceeded while adding', async () => {
    const a = await tab();
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const uncaught: unknown[] = [];
    const onError = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onError);
    try {
      const err = await a.saveImportedBatches([importedBatch(1000, '甲'), importedBatch(1001, '乙')]).catch((e: unknown) => e);
      expect((err as DOMException).name).toBe('QuotaExceededError');
      expect(a.storageErrorText(err).zh).toMatch(/存储空间已满/);
    } finally {
      process.off('uncaughtException', onError);
      add.mockRestore();
    }
    expect(uncaught).toEqual([]);
    expect((await a.loadImportedBatches()).batches).toEqual([]);
  });
});
