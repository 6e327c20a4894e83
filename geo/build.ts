// npm run geo [-- --source <dir>] [-- --out <dir>] [-- --check]
// Reads a boundary source of DataV's shape (default geo/sources/datav, or $GEO_SOURCE), writes public/geo/.
// --check (npm run geo:check) writes nothing: it builds everything and fails unless every file in the output
// directory is byte for byte what the build makes, and nothing else is there (the build is deterministic).
// The work is in build-core.ts; this file only reads, writes and reports.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { FinestUnit } from './partition';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAll } from './build-core';
import { DEFAULT_SOURCE, loadSource, loadSourceInfo } from './load-source';
import { loadNeighbours, NEIGHBOURS_FILE } from './load-neighbours';
import { buildInputsHash } from './inputs';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`--${name} needs a value`);
  return v;
}

const source = resolve(arg('source') ?? process.env.GEO_SOURCE ?? DEFAULT_SOURCE);
const out = resolve(arg('out') ?? resolve(import.meta.dirname, '../public/geo'));
const check = process.argv.includes('--check');

const started = Date.now();
// GEO_PARTITION_CACHE=<file>: development only — reuse the cleaned partition (FinestUnit[] as JSON) of an earlier run of the same
// source, since mapshaper's -clean of ~2,900 units takes minutes on a busy machine. The output is the same. A run with
// the variable set and no such file yet writes it.
const cache = process.env.GEO_PARTITION_CACHE;
const cached = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as FinestUnit[]) : undefined;
const { files, report, units } = await buildAll(loadSource(source), loadSourceInfo(source), loadNeighbours(), cached);
if (cache && !cached) writeFileSync(cache, JSON.stringify(units));
// Features turf rejects stop the build. Arcs of one feature that still touch at full detail (rings of the cleaned
// partition meeting at a point, valid polygons) are reported, not fatal.
const leftInvalid = [report.national, ...Object.values(report.districts)].flatMap((x) => x.invalid);
const touching = [report.national, ...Object.values(report.districts)].flatMap((x) => x.crossings);
if (touching.length) console.log(`geo: ${touching.length} arc pairs of one feature touch at full detail: ${JSON.stringify(touching.slice(0, 20))}`);
if (leftInvalid.length) {
  // Nothing is written: a map with broken units must not replace a good one.
  console.error(`geo: invalid geometry left even at full detail: ${JSON.stringify(leftInvalid)}`);
  process.exit(1);
}

// What the files were built from (geo/inputs.ts): a golden test compares it with the current inputs.
files.push(['build-inputs.json', JSON.stringify({ generatedBy: 'geo/build.ts', sha256: buildInputsHash([source, dirname(NEIGHBOURS_FILE)]) }, null, 2) + '\n']);
files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

if (check) {
  const onDisk = [
    ...readdirSync(out).filter((n) => n.endsWith('.json')),
    ...(existsSync(join(out, 'lod')) ? readdirSync(join(out, 'lod'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.json')).map((n) => `lod/${n}`) : []),
  ].sort();
  const expected = files.map(([p]) => p);
  const differ = files.filter(([p, text]) => !existsSync(join(out, p)) || readFileSync(join(out, p), 'utf8') !== text).map(([p]) => p);
  const extra = onDisk.filter((p) => !expected.includes(p));
  if (differ.length || extra.length) {
    console.error(`geo --check: ${out} is not what the build makes.${differ.length ? ` Differ or missing: ${differ.join(', ')}.` : ''}${extra.length ? ` Not made by the build: ${extra.join(', ')}.` : ''} Run npm run geo.`);
    process.exit(1);
  }
  console.log(`geo --check: all ${files.length} files in ${out} are what the build makes (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(0);
}

// Stale detail files (a province or level that no longer has one; the former districts/ folder) must not linger.
const written = new Set(files.map(([path]) => path));
rmSync(join(out, 'districts'), { recursive: true, force: true });
const lodDir = join(out, 'lod');
for (const entry of existsSync(lodDir) ? readdirSync(lodDir, { recursive: true, encoding: 'utf8' }) : []) {
  if (entry.endsWith('.json') && !written.has(`lod/${entry}`)) rmSync(join(lodDir, entry));
}
for (const [path, text] of files) {
  const full = join(out, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

const kb = (n: number) => (n / 1024).toFixed(1);
const size = (path: string) => {
  const text = files.find(([p]) => p === path)?.[1] ?? '';
  return `${kb(Buffer.byteLength(text))} KB, ${kb(gzipSync(text).length)} KB gzip`;
};
console.log(`geo: ${files.length} files from ${source} → ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const path of ['national.topo.json', 'scs-inset.json', 'gazetteer.json', 'meta.json']) console.log(`  ${path}: ${size(path)}`);
const districtSizes = files.filter(([p]) => p.startsWith('lod/') && p.endsWith('.topo.json')).map(([p, t]) => [p, gzipSync(t).length] as const);
const largest = districtSizes.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as const);
console.log(`  detail: ${districtSizes.length} files, largest ${largest[0]} ${kb(largest[1])} KB gzip`);
console.log(`  counts: ${JSON.stringify(report.counts)}`);
for (const [level, lr] of Object.entries(report.districts)) console.log(`  level ${level}: ${lr.iterations} passes, thresholds lowered ${JSON.stringify(lr.lowered)}, ${lr.droppedRings.length} rings dropped`);
const r = report.national;
console.log(`  national: ${r.iterations} passes, thresholds lowered ${JSON.stringify(r.lowered)}, ${r.droppedRings.length} rings dropped`);
const seatExceptions = [r, ...Object.values(report.districts)].flatMap((x) => x.seatExceptions);
if (seatExceptions.length) console.log(`  seats outside their own polygon in the source: ${JSON.stringify(seatExceptions)}`);
