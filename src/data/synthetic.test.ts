import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { syntheticDataset } from './synthetic';
import { SYNTHETIC_SIZES, syntheticSize } from './load';
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

describe('synthetic sizes', () => {
  it('come from a fixed list: a huge or odd size in a link loads the real data instead of freezing the tab', () => {
    expect(syntheticSize('?dataset=synthetic-100k')).toBe(100_000);
    expect(syntheticSize('?dataset=synthetic-1k')).toBe(1_000);
    for (const v of ['synthetic-99999999k', 'synthetic-100001', 'synthetic-0', 'synthetic-1e9', 'synthetic-', 'constructor', '__proto__'])
      expect(syntheticSize(`?dataset=${v}`), v).toBeNull();
    expect(Math.max(...Object.values(SYNTHETIC_SIZES))).toBeLessThanOrEqual(100_000);
  });

  it('refuses to generate beyond the limit, at once', () => {
    expect(() => syntheticDataset(base, gazetteer, 99_999_999_000)).toThrow(RangeError);
    expect(() => syntheticDataset(base, gazetteer, -1)).toThrow(RangeError);
  });
});
