// Builders for the ingest tests (no network).
// Each create…() returns fresh objects so no test can leak state into another.
// Inputs come in through Vite's ?raw and JSON imports, so src/ingest stays free of node: modules even in tests.
import locationText from '../../geo/sources/datav/location.json?raw';
import batch1Text from '../../data/sources/urban-renewal-practices-batch1.txt?raw';
import aliasesJson from '../../data/aliases.json';
import themesJson from '../../data/themes.json';
import type { GazetteerEntry } from '../types';
import type { ThemeDef } from './extract';
import { buildGazetteer, type DataVLocation } from './gazetteer';
import { createGeocoder, type AliasFile, type Geocoder } from './geocode';
import { ingestText, type IngestOptions, type IngestResult } from './ingest';

export function createGazetteer(): GazetteerEntry[] {
  return buildGazetteer(JSON.parse(locationText) as Record<string, DataVLocation>);
}

export function createAliases(): AliasFile {
  return structuredClone(aliasesJson) as AliasFile;
}

export function createThemes(): ThemeDef[] {
  return structuredClone(themesJson.themes) as ThemeDef[];
}

export function createGeocoderForTest(): Geocoder {
  return createGeocoder(createGazetteer(), createAliases());
}

export function createBatch1Text(): string {
  return batch1Text;
}

export function createOptions(overrides: Partial<IngestOptions> = {}): IngestOptions {
  return { batchId: 1, file: 'test.txt', gazetteer: createGazetteer(), aliases: createAliases(), themes: createThemes(), ...overrides };
}

export function ingest(text: string, overrides: Partial<IngestOptions> = {}): IngestResult {
  return ingestText(text, createOptions(overrides));
}

/** A small valid list in the Word-table form; `items` are the practice texts of 一（一）. */
export function createList(items: string[] = ['北京市建立工作专班。全文。', '山东省潍坊市建立联席会议制度。全文。']): string {
  return ['\t一', '\t建立城市更新统筹谋划机制', '\t（一）加强工作统筹和督查考核', ...items.map((t, i) => `\t${i + 1}．${t}`), ''].join('\n');
}
