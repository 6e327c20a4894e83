// What public/geo/ was built from, as one hash: the boundary source, the build's code and the versions of the
// libraries that shape its output. `npm run geo` writes it to public/geo/build-inputs.json; a golden test recomputes
// it, so a change to the source or the build that was not followed by `npm run geo` fails in seconds, where
// rebuilding everything to compare (`npm run geo:check`) takes minutes.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Libraries whose version changes the files (mapshaper cleans, topojson builds the arcs, turf repairs and checks). */
const LIBRARIES = ['mapshaper', 'topojson-server', 'topojson-client', '@turf/turf'];

/** The build's own code: geo/*.ts except tests, and the gazetteer builder it shares with the app. */
function codeFiles(): string[] {
  const geo = readdirSync(join(ROOT, 'geo')).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).map((n) => join(ROOT, 'geo', n));
  return [...geo, join(ROOT, 'src/ingest/gazetteer.ts')];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

function libraryVersion(name: string): string {
  const require = createRequire(join(ROOT, 'package.json'));
  return (require(`${name}/package.json`) as { version: string }).version;
}

/**
 * sha256 over every input in a fixed order: each file as its path (relative to the repository, or to the source
 * directory for the source) and its bytes, then the library versions.
 */
export function buildInputsHash(sourceDirs: string[]): string {
  const h = createHash('sha256');
  const add = (label: string, bytes: Buffer | string) => {
    h.update(`${label}\0${Buffer.byteLength(bytes)}\0`);
    h.update(bytes);
  };
  for (const dir of sourceDirs) {
    for (const f of filesUnder(dir).sort()) add(`source:${relative(dir, f)}`, readFileSync(f));
  }
  for (const f of codeFiles().sort()) add(`code:${relative(ROOT, f)}`, readFileSync(f));
  for (const lib of LIBRARIES) add(`lib:${lib}`, libraryVersion(lib));
  return h.digest('hex');
}
