import { describe, expect, it } from 'vitest';
import { assembleDataset, ingestBatch, serialiseDataset } from './dataset';
import { parseDataset } from './schema';
import { createAliases, createBatch1Text, createGazetteer, createThemes } from './test-helpers';

function createDatasetJson(): Record<string, unknown> {
  const themes = createThemes();
  const meta = { id: 1, title: '清单', issuer: '住房和城乡建设部办公厅', date: '2022-11', file: 'batch1.txt' };
  const ingest = ingestBatch(meta, createBatch1Text(), { gazetteer: createGazetteer(), aliases: createAliases(), themes });
  return JSON.parse(serialiseDataset(assembleDataset([ingest], themes))) as Record<string, unknown>;
}

describe('parseDataset', () => {
  it('accepts a built dataset', () => {
    const d = parseDataset(createDatasetJson());
    expect(d.practices).toHaveLength(30);
    expect(d.batches[0]!.taxonomy).toHaveLength(3);
  });

  it('names the path of a bad field', () => {
    const json = createDatasetJson() as { practices: { actors: { adcode: unknown }[] }[] };
    json.practices[3]!.actors[0]!.adcode = '110000';
    expect(() => parseDataset(json)).toThrow(/practices\[3\]\.actors\[0\]\.adcode/);
  });

  it('accepts a practice without actors (a text naming no place: listed, not on the map)', () => {
    const json = createDatasetJson() as { practices: { actors: unknown[] }[] };
    json.practices[0]!.actors = [];
    expect(parseDataset(json).practices[0]!.actors).toEqual([]);
  });

  it('rejects an unknown level', () => {
    const json = createDatasetJson() as { practices: { actors: { level: string }[] }[] };
    json.practices[0]!.actors[0]!.level = 'county';
    expect(() => parseDataset(json)).toThrow(/practices\[0\]\.actors\[0\]\.level/);
  });

  it('rejects an unknown theme key', () => {
    const json = createDatasetJson() as { practices: { themes: string[] }[] };
    json.practices[2]!.themes = ['nonsense'];
    expect(() => parseDataset(json)).toThrow(/practices\[2\]\.themes\[0\]: unknown theme/);
  });

  it('rejects a practice whose measure is not in its batch’s taxonomy', () => {
    const json = createDatasetJson() as { practices: { id: string; measure: { index: number } }[] };
    json.practices[0]!.measure.index = 9;
    json.practices[0]!.id = '1-1-9-1';
    expect(() => parseDataset(json)).toThrow(/practices\[0\]\.measure/);
  });

  it('rejects an id that does not match batch, mechanism, measure and item', () => {
    const json = createDatasetJson() as { practices: { id: string }[] };
    json.practices[1]!.id = '1-1-1-9';
    expect(() => parseDataset(json)).toThrow(/practices\[1\]\.id: expected 1-1-1-2/);
  });

  it('rejects a missing batch list', () => {
    const json = createDatasetJson();
    delete json.batches;
    expect(() => parseDataset(json)).toThrow(/batches/);
  });
});
