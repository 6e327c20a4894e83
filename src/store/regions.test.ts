import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PROVINCE_NAMES } from './regions';
import { buildGazetteer } from '../ingest/gazetteer';

describe('PROVINCE_NAMES', () => {
  it('is exactly the provincial units of the boundary source (a copy kept only so search works without the gazetteer)', () => {
    const gazetteer = buildGazetteer(JSON.parse(readFileSync('geo/sources/datav/location.json', 'utf8')));
    const fromSource = new Map(gazetteer.filter((g) => g.level === 'province').map((g) => [g.adcode, g.name]));
    expect(new Map([...PROVINCE_NAMES].sort((a, b) => a[0] - b[0]))).toEqual(fromSource);
  });
});
