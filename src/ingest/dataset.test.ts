import { describe, expect, it } from 'vitest';
import { applyCorrections, assembleDataset, ingestBatch, serialiseDataset, unusedCorrections, type Correction } from './dataset';
import { IngestError } from './issues';
import { createAliases, createBatch1Text, createGazetteer, createList, createThemes, ingest } from './test-helpers';

function createPractices() {
  return ingest(createList()).practices;
}

describe('corrections', () => {
  it('replace a field of the practice they name', () => {
    const practices = createPractices();
    const errors = applyCorrections(practices, [{ id: '1-1-1-2', field: 'sites', value: ['某片区'], reason: 'reviewed against the ministry page' }]);
    expect(errors).toEqual([]);
    expect(practices[1]!.sites).toEqual(['某片区']);
  });

  it('without a reason are an error on the practice’s line', () => {
    const errors = applyCorrections(createPractices(), [{ id: '1-1-1-1', field: 'sites', value: [], reason: ' ' }]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([[4, 'correction-invalid']]);
  });

  it('of a field that cannot be corrected are an error', () => {
    const c = { id: '1-1-1-1', field: 'text', value: 'x', reason: 'r' } as unknown as Correction;
    expect(applyCorrections(createPractices(), [c]).map((e) => e.code)).toEqual(['correction-invalid']);
  });

  it('naming no practice are reported as unused', () => {
    const c: Correction = { id: '9-9-9-9', field: 'sites', value: [], reason: 'r' };
    expect(unusedCorrections(createPractices(), [c])).toEqual([c]);
  });
});

describe('dataset', () => {
  it('orders batches and practices and marks the file as generated', () => {
    const themes = createThemes();
    const opts = { gazetteer: createGazetteer(), aliases: createAliases(), themes };
    const b2 = ingestBatch({ id: 2, title: 't2', issuer: 'i', date: '2023-01', file: 'b2.txt' }, createList(), opts);
    const b1 = ingestBatch({ id: 1, title: 't1', issuer: 'i', date: '2022-11', file: 'b1.txt' }, createBatch1Text(), opts);
    const d = assembleDataset([b2, b1], themes);
    expect(d.batches.map((b) => b.id)).toEqual([1, 2]);
    expect(d.practices[0]!.id).toBe('1-1-1-1');
    expect(d.practices.at(-1)!.id).toBe('2-1-1-2');
    expect(d.generatedBy).toMatch(/^data\/build\.ts/);
    expect(serialiseDataset(d).endsWith('}\n')).toBe(true);
  });

  it('lists themes without their keywords', () => {
    const d = assembleDataset([], createThemes());
    expect(Object.keys(d.themes[0]!)).toEqual(['key', 'zh', 'en']);
  });
});

describe('IngestError', () => {
  it('carries the issues and names their lines', () => {
    const r = ingest(createList(['江北区做法。']));
    const e = new IngestError(r.errors, 'list.txt');
    expect(e.issues).toHaveLength(1);
    expect(e.message).toMatch(/^list\.txt:4: /);
  });
});
