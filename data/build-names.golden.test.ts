// public/data/names-en.json equals a fresh `npm run names` and names every gazetteer entry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GazetteerEntry } from '../src/types';
import { fromRoot } from './lib';
import { buildNamesFile, NAMES_OUT } from './build-names';

describe(NAMES_OUT, () => {
  it('is what npm run names builds now (rerun it after the gazetteer or the dataset changes)', () => {
    expect(readFileSync(fromRoot(NAMES_OUT), 'utf8')).toBe(buildNamesFile());
  });

  it('names every gazetteer entry', () => {
    const gazetteer = JSON.parse(readFileSync(fromRoot('public/geo/gazetteer.json'), 'utf8')) as GazetteerEntry[];
    const file = JSON.parse(readFileSync(fromRoot(NAMES_OUT), 'utf8')) as { places: Record<string, string> };
    expect(gazetteer.filter((g) => !file.places[String(g.adcode)])).toEqual([]);
  });
});
