// Reads a boundary source directory of DataV's shape (china.json, province/*.json, citys/*.json, location.json).
// Node only: used by the CLI and the tests, never by the app.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { DataVLocation } from '../src/ingest/gazetteer';
import { DATAV_INFO, type GeoSource, type SourceInfo } from './build-core';

export const DEFAULT_SOURCE = resolve(import.meta.dirname, 'sources/datav');

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
  }
}

function readDir(dir: string): Map<number, FeatureCollection> {
  const out = new Map<number, FeatureCollection>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const m = /^(\d{6})\.json$/.exec(name);
    if (!m) continue;
    const fc = readJson<FeatureCollection>(join(dir, name));
    if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${join(dir, name)}: not a FeatureCollection`);
    out.set(Number(m[1]), fc);
  }
  return out;
}

export function loadSource(dir: string = DEFAULT_SOURCE): GeoSource {
  return {
    china: readJson<FeatureCollection>(join(dir, 'china.json')),
    provinces: readDir(join(dir, 'province')),
    citys: readDir(join(dir, 'citys')),
    location: readJson<Record<string, DataVLocation>>(join(dir, 'location.json')),
  };
}

/**
 * Who made the source: `source.json` in the directory ({ source, snapshotDate, attribution: { zh, en } }), or
 * the DataV snapshot for the default directory. Another directory without source.json is an error, so that a
 * swapped-in map is never credited to DataV.
 */
export function loadSourceInfo(dir: string = DEFAULT_SOURCE): SourceInfo {
  const file = join(dir, 'source.json');
  if (existsSync(file)) {
    const info = readJson<SourceInfo>(file);
    if (typeof info.source !== 'string' || typeof info.snapshotDate !== 'string' || typeof info.attribution?.zh !== 'string' || typeof info.attribution?.en !== 'string') {
      throw new Error(`${file}: expected { source, snapshotDate, attribution: { zh, en } }`);
    }
    return { source: info.source, snapshotDate: info.snapshotDate, attribution: { zh: info.attribution.zh, en: info.attribution.en } };
  }
  if (resolve(dir) === DEFAULT_SOURCE) return DATAV_INFO;
  throw new Error(`${dir}: no source.json describing this boundary source (see geo/README.md)`);
}
