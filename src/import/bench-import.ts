// npx tsx src/import/bench-import.ts [out.txt] — the in-app import job (prepareImport: decode, parse, geocode,
// questions) on 10,000 synthetic practices made from batch 1, as in data/bench-ingest.ts. Not a test. With a path,
// also writes the synthetic list there (UTF-8) to try in the browser.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ingestText } from '../ingest/ingest';
import { toCn } from '../ingest/parse';
import { fromRoot, loadAliases, loadBatches, loadGazetteer, loadThemes } from '../../data/lib';
import { prepareImport } from './pipeline';

const gazetteer = loadGazetteer();
const aliases = loadAliases();
const themes = loadThemes();
const meta = loadBatches()[0]!;
const real = ingestText(readFileSync(fromRoot(meta.file), 'utf8'), { batchId: 1, file: meta.file, gazetteer, aliases, themes });
const cities = gazetteer.filter((e) => e.level === 'city' || e.level === 'district');
const byCode = new Map(gazetteer.map((e) => [e.adcode, e]));
function chainName(adcode: number): string {
  const names: string[] = [];
  for (let e = byCode.get(adcode); e && e.parent !== 100000; e = byCode.get(e.parent)) names.unshift(e.name);
  return `${byCode.get(Math.floor(adcode / 10000) * 10000)?.name ?? ''}${names.join('')}`;
}
const lines: string[] = [];
let n = 0;
for (let m = 1; m <= 10; m++) {
  lines.push(toCn(m), `政策机制${m}`);
  for (let s = 1; s <= 10; s++) {
    lines.push(`（${toCn(s)}）主要举措${s}`);
    for (let i = 1; i <= 100; i++, n++) {
      const p = real.practices[n % real.practices.length]!;
      const place = cities[(n * 7919) % cities.length]!;
      const actorLength = p.headline.indexOf(p.actors[0]!.name) + p.actors[0]!.name.length;
      lines.push(`${i}．${chainName(place.adcode)}${p.text.slice(actorLength)}`);
    }
  }
}
const text = lines.join('\n');
if (process.argv[2]) writeFileSync(process.argv[2], text);
const bytes = new TextEncoder().encode(text);
for (const run of ['first', 'second']) {
  const t = performance.now();
  const r = prepareImport({ input: { kind: 'bytes', bytes: bytes.slice().buffer, name: 'bench.txt' }, firstBatchId: 1000 }, { gazetteer, aliases, themes });
  const ms = performance.now() - t;
  const c = r.ok ? r.candidates[0]! : null;
  console.log(
    `${run} run: ${ms.toFixed(0)} ms for ${(bytes.length / 1048576).toFixed(1)} MB; ` +
      (c ? `${c.practices.length} practices, ${c.unresolved.length} questions (${c.unresolved.filter((u) => u.kind === 'actor').length} actors)` : `problems: ${JSON.stringify(r.ok ? [] : r.problems.slice(0, 3))}`),
  );
}
