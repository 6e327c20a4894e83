// Builders for the ingest tests (Node only: reads the project's inputs from disk, never the network).
// Each create…() returns fresh objects so no test can leak state into another.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GazetteerEntry } from '../types';
import type { ThemeDef } from './extract';
import { buildGazetteer, type DataVLocation } from './gazetteer';
import { createGeocoder, type AliasFile, type Geocoder } from './geocode';
import { ingestText, type IngestOptions, type IngestResult } from './ingest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BATCH1_FILE = 'data/sources/urban-renewal-practices-batch1.txt';

let locationText: string | undefined; // the raw file is immutable; parsing it per call keeps results fresh
function readRoot(path: string): string {
  return readFileSync(resolve(ROOT, path), 'utf8');
}

export function createGazetteer(): GazetteerEntry[] {
  locationText ??= readRoot('geo/sources/datav/location.json');
  return buildGazetteer(JSON.parse(locationText) as Record<string, DataVLocation>);
}

export function createAliases(): AliasFile {
  return JSON.parse(readRoot('data/aliases.json')) as AliasFile;
}

export function createThemes(): ThemeDef[] {
  return (JSON.parse(readRoot('data/themes.json')) as { themes: ThemeDef[] }).themes;
}

export function createGeocoderForTest(): Geocoder {
  return createGeocoder(createGazetteer(), createAliases());
}

export function createBatch1Text(): string {
  return readRoot(BATCH1_FILE);
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
