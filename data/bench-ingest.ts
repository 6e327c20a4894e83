// npx tsx data/bench-ingest.ts — parse + geocode time for 10,000 synthetic practices made from batch 1.
// Not a test: timings depend on the machine. Budget: under 2 s for the whole ingest of the synthetic list.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createGeocoder } from '../src/ingest/geocode';
import { ingestText } from '../src/ingest/ingest';
import { parseList } from '../src/ingest/parse';
import { toCn } from '../src/ingest/parse';
import { fromRoot, loadAliases, loadBatches, loadGazetteer, loadThemes } from './lib';

const MECHANISMS = 10;
const MEASURES = 10;
const ITEMS = 100; // 10 × 10 × 100 = 10,000 practices
const BUDGET_MS = 2000;

const gazetteer = loadGazetteer();
const aliases = loadAliases();
const themes = loadThemes();
const meta = loadBatches()[0]!;
const real = ingestText(readFileSync(fromRoot(meta.file), 'utf8'), { batchId: 1, file: meta.file, gazetteer, aliases, themes });
if (!real.ok) throw new Error('batch 1 does not ingest cleanly');

// Each synthetic practice is a real text whose actor is swapped for another city or district (province + name), so
// the geocoder resolves varied chains and mentions rather than the same 30 answers.
const cities = gazetteer.filter((e) => e.level === 'city' || e.level === 'district');
const byCode = new Map(gazetteer.map((e) => [e.adcode, e]));
function chainName(adcode: number): string {
  const names: string[] = [];
  for (let e = byCode.get(adcode); e && e.parent !== 100000; e = byCode.get(e.parent)) names.unshift(e.name);
  const province = byCode.get(Math.floor(adcode / 10000) * 10000);
  return `${province?.name ?? ''}${names.join('')}`;
}

const lines: string[] = [];
let n = 0;
for (let m = 1; m <= MECHANISMS; m++) {
  lines.push(toCn(m), `政策机制${m}`);
  for (let s = 1; s <= MEASURES; s++) {
    lines.push(`（${toCn(s)}）主要举措${s}`);
    for (let i = 1; i <= ITEMS; i++, n++) {
      const p = real.practices[n % real.practices.length]!;
      const place = cities[(n * 7919) % cities.length]!; // a prime stride spreads the picks over the country
      const actorLength = p.headline.indexOf(p.actors[0]!.name) + p.actors[0]!.name.length;
      lines.push(`${i}．${chainName(place.adcode)}${p.text.slice(actorLength)}`);
    }
  }
}
const text = lines.join('\n');

let t = performance.now();
const geocoder = createGeocoder(gazetteer, aliases);
const buildMs = performance.now() - t;

t = performance.now();
const parsed = parseList(text);
const parseMs = performance.now() - t;

// The first run also pays for JIT compilation and the cached name index; the second is the steady state.
t = performance.now();
ingestText(text, { batchId: 1000, file: 'bench', gazetteer, aliases, themes });
const coldMs = performance.now() - t;
t = performance.now();
const result = ingestText(text, { batchId: 1000, file: 'bench', gazetteer, aliases, themes });
const totalMs = performance.now() - t;

const mentions = result.practices.reduce((k, p) => k + p.mentions.length, 0);
console.log(`practices: ${result.practices.length} (parsed ${parsed.items.length}), errors: ${result.errors.length}, mentions: ${mentions}`);
console.log(`gazetteer index (once): ${buildMs.toFixed(0)} ms for ${geocoder.byName.size} names`);
console.log(`parse only: ${parseMs.toFixed(0)} ms`);
console.log(`parse + geocode + extract (ingestText), first run: ${coldMs.toFixed(0)} ms`);
console.log(`parse + geocode + extract (ingestText), second run: ${totalMs.toFixed(0)} ms — budget ${BUDGET_MS} ms: ${Math.max(coldMs, totalMs) < BUDGET_MS ? 'OK' : 'OVER'}`);
if (result.errors.length > 0) console.log(result.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`).join('\n'));
process.exitCode = Math.max(coldMs, totalMs) < BUDGET_MS && result.errors.length === 0 ? 0 : 1;
