import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { syntheticDataset } from './synthetic';
import { parseDataset } from '../ingest/schema';
import { buildGazetteer } from '../ingest/gazetteer';

const base = parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));
const gazetteer = buildGazetteer(JSON.parse(readFileSync('geo/sources/datav/location.json', 'utf8')));

describe('syntheticDataset', () => {
  it('is deterministic for a seed and valid against the dataset schema', () => {
    const a = syntheticDataset(base, gazetteer, 2000, 7);
    const b = syntheticDataset(base, gazetteer, 2000, 7);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(() => parseDataset(a)).not.toThrow();
    expect(a.practices).toHaveLength(2000);
    expect(new Set(a.practices.map((p) => p.id)).size).toBe(2000);
  });

  it('spreads practices over many districts with the real taxonomy', () => {
    const d = syntheticDataset(base, gazetteer, 5000, 1);
    const districts = new Set(d.practices.flatMap((p) => p.actors.filter((x) => x.level === 'district').map((x) => x.adcode)));
    expect(districts.size).toBeGreaterThan(1000);
    const measures = new Set(d.practices.map((p) => `${p.mechanism.index}-${p.measure.index}`));
    expect(measures.size).toBe(base.batches[0]!.taxonomy.reduce((n, m) => n + m.measures.length, 0));
  });
});
