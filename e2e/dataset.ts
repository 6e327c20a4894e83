// The built-in dataset as the app loads it: public/data/practices.json with public/data/programmes.json attached
// (src/data/load.ts). Tests that compute the briefing's slides or the exports' columns need the programmes too.
import { readFileSync } from 'node:fs';
import { parseDataset, parseProgrammes } from '../src/ingest/schema';
import type { Dataset } from '../src/types';

export function loadBuiltDataset(): Dataset {
  const dataset = parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));
  return { ...dataset, programmes: parseProgrammes(JSON.parse(readFileSync('public/data/programmes.json', 'utf8'))) };
}
