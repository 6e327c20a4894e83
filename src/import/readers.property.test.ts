// Property tests of the import readers: random and mangled input (bytes, text, CSV, JSON, the official list
// layout) never throws out of the readers — every refusal is a list of problems — and never changes the data the
// import reads from (gazetteer, aliases, themes) or what is already stored in the browser.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAliases, createBatch1Text, createGazetteer, createThemes } from '../ingest/test-helpers';
import { createBatch, createPractice } from '../store/test-helpers';
import { decodeBytes } from './decode';
import { readCsv } from './csvImport';
import { readDatasetJson, syntaxErrorOffset } from './jsonImport';
import { prepareImport, type PrepareContext } from './pipeline';
import { loadImportedBatches, saveImportedBatches } from './storage';
import type { PrepareResult } from './types';

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

// Frozen: a reader that wrote into them would throw (modules are strict) and fail the property.
const ctx: PrepareContext = deepFreeze({ gazetteer: createGazetteer(), aliases: createAliases(), themes: createThemes() });
const ctxBefore = JSON.stringify(ctx);
const gazetteerMap = new Map(ctx.gazetteer.map((e) => [e.adcode, e]));
const batch1Lines = createBatch1Text().split('\n');

/** A well-formed input mangled: lines dropped, duplicated, cut or spliced with random text. */
function mangled(lines: readonly string[]) {
  return fc
    .array(fc.oneof(fc.constantFrom(...lines), fc.string(), fc.constantFrom('"', '""', ',', '\r', '，', '一、', '（一）', '1．', '999．', '1000．')), { maxLength: 40 })
    .map((xs) => xs.join('\n'));
}
const csvLines = ['政策机制,主要举措,全文,序号,批次,实施主体代码', '一、机制,（一）举措,山东省潍坊市做法。,1,第一批,370700', '"一、机制","（一）举措","北京市做法,""引号""。",2,,110000'];
const jsonText = fc.oneof(
  fc.json(),
  fc.constantFrom('{"batches":[],"practices":[],"themes":[]}', '{"batches":[{"id":1}]', '['.repeat(5000), '{"a":'.repeat(3000)),
  fc.string().map((s) => `{"batches":${s}`),
);
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mangled(batch1Lines.slice(0, 60)), mangled(csvLines), jsonText);

function isResult(r: PrepareResult): boolean {
  return r.ok ? Array.isArray(r.candidates) : r.problems.length > 0 && r.problems.every((p) => typeof p.message === 'string' && typeof p.messageZh === 'string');
}

describe('import readers never throw', () => {
  it('decodeBytes: any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = decodeBytes(bytes);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('readCsv and readDatasetJson: any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const csv = readCsv(text);
        if (!csv.ok) expect(csv.problems.length).toBeGreaterThan(0);
        const json = readDatasetJson(text, gazetteerMap);
        if (!json.ok) expect(json.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('syntaxErrorOffset agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), jsonText, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(syntaxErrorOffset(text) === -1).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it('prepareImport: pasted text and files of any kind give a result or problems, never a throw', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('list.txt', 'list.csv', 'data.json', 'noextension', 'x.pdf'), fc.boolean(), (text, name, asFile) => {
        const input = asFile ? { kind: 'bytes' as const, bytes: new TextEncoder().encode(text).buffer as ArrayBuffer, name } : { kind: 'text' as const, text };
        expect(isResult(prepareImport({ input, firstBatchId: 1000 }, ctx))).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(JSON.stringify(ctx)).toBe(ctxBefore);
  });
});

describe('import readers never change stored data', () => {
  it('leaves the batches in browser storage as they were', async () => {
    const batch = { ...createBatch(1000, [1]), title: '已导入' };
    await saveImportedBatches([{ batch, practices: [createPractice({ id: '1000-1-1-1', batch: 1000, item: 1 })], themes: [], importedAt: '2026-01-01T00:00:00.000Z' }]);
    const before = await loadImportedBatches();
    fc.assert(
      fc.property(anyText, (text) => {
        prepareImport({ input: { kind: 'text', text }, firstBatchId: 1000 }, ctx);
      }),
      { numRuns: 50 },
    );
    expect(await loadImportedBatches()).toEqual(before);
  });
});
