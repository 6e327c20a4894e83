// npm run geo [-- --source <dir>] [-- --out <dir>]
// Reads a boundary source of DataV's shape (default geo/sources/datav, or $GEO_SOURCE), writes public/geo/.
// The work is in build-core.ts; this file only reads, writes and reports.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAll } from './build-core';
import { DEFAULT_SOURCE, loadSource, loadSourceInfo } from './load-source';
import { loadNeighbours } from './load-neighbours';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`--${name} needs a value`);
  return v;
}

const source = resolve(arg('source') ?? process.env.GEO_SOURCE ?? DEFAULT_SOURCE);
const out = resolve(arg('out') ?? resolve(import.meta.dirname, '../public/geo'));

const started = Date.now();
const { files, report } = buildAll(loadSource(source), loadSourceInfo(source), loadNeighbours());
const leftInvalid = [report.national, ...Object.values(report.districts)].flatMap((x) => [...x.invalid, ...x.crossings]);
if (leftInvalid.length) {
  // Nothing is written: a map with broken units must not replace a good one.
  console.error(`geo: invalid geometry left even at full detail: ${JSON.stringify(leftInvalid)}`);
  process.exit(1);
}

// Stale district files (a province that no longer has one) must not linger.
const districtsDir = join(out, 'districts');
const written = new Set(files.map(([path]) => path));
try {
  for (const name of readdirSync(districtsDir)) {
    if (name.endsWith('.json') && !written.has(`districts/${name}`)) rmSync(join(districtsDir, name));
  }
} catch {
  // no districts directory yet
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
const districtSizes = files.filter(([p]) => p.startsWith('districts/') && p.endsWith('.topo.json')).map(([p, t]) => [p, gzipSync(t).length] as const);
const largest = districtSizes.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as const);
console.log(`  districts: ${districtSizes.length} files, largest ${largest[0]} ${kb(largest[1])} KB gzip`);
console.log(`  counts: ${JSON.stringify(report.counts)}`);
const r = report.national;
console.log(`  national: ${r.iterations} passes, thresholds lowered ${JSON.stringify(r.lowered)}, ${r.droppedRings.length} rings dropped`);
const seatExceptions = [r, ...Object.values(report.districts)].flatMap((x) => x.seatExceptions);
if (seatExceptions.length) console.log(`  seats outside their own polygon in the source: ${JSON.stringify(seatExceptions)}`);
