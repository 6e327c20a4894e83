// npm run names — writes public/data/names-en.json (English place names and taxonomy titles, loaded by the app
// only for the English interface or a search in Latin letters). Rerun after the gazetteer (npm run geo) or the
// dataset (npm run data) changes; data/build-names.test.ts fails while the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Dataset, GazetteerEntry } from '../src/types';
import { fromRoot } from './lib';
import { buildNamesEn, serialiseNamesEn, type ReviewedNames, type TaxonomyEn } from './names';

export const NAMES_OUT = 'public/data/names-en.json';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(fromRoot(path), 'utf8')) as T;

/** The file as it should be, from the committed inputs. */
export function buildNamesFile(): string {
  const gazetteer = readJson<GazetteerEntry[]>('public/geo/gazetteer.json');
  const dataset = readJson<Dataset>('public/data/practices.json');
  const titles = dataset.batches.flatMap((b) => b.taxonomy.flatMap((m) => [m.title, ...m.measures.map((s) => s.title)]));
  return serialiseNamesEn(
    buildNamesEn(gazetteer, readJson<ReviewedNames>('data/names-en-reviewed.json'), readJson<TaxonomyEn>('data/taxonomy-en.json'), titles),
  );
}

if (process.argv[1] && fromRoot('data/build-names.ts') === process.argv[1]) {
  try {
    writeFileSync(fromRoot(NAMES_OUT), buildNamesFile());
    process.stderr.write(`wrote ${NAMES_OUT}\n`);
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n${NAMES_OUT} not written.\n`);
    process.exitCode = 1;
  }
}
