// npm run data — rebuilds public/data/practices.json from every batch in data/batches.json.
// Any error (in any batch, or a stale correction) → nothing is written, exit code 1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { assembleDataset, ingestBatch, serialiseDataset, unusedCorrections } from '../src/ingest/dataset';
import { parseDataset } from '../src/ingest/schema';
import { unusedReviewedThemes } from '../src/ingest/reviewedThemes';
import { fromRoot, loadAliases, loadBatches, loadCorrections, loadGazetteer, loadReviewedThemes, loadThemes, printIssues } from './lib';

const OUT = 'public/data/practices.json';

function main(): number {
  const gazetteer = loadGazetteer();
  const aliases = loadAliases();
  const themes = loadThemes();
  const corrections = loadCorrections();
  const reviewed = loadReviewedThemes();
  let failed = false;
  const ingests = loadBatches().map((meta) => {
    const text = readFileSync(fromRoot(meta.file), 'utf8');
    const ingest = ingestBatch(meta, text, { gazetteer, aliases, themes }, corrections, { entries: reviewed, strict: true });
    printIssues('warning', ingest.result.warnings, meta.file);
    printIssues('error', ingest.result.errors, meta.file);
    if (!ingest.result.ok) failed = true;
    return ingest;
  });
  const dataset = assembleDataset(ingests, themes);
  for (const c of unusedCorrections(dataset.practices, corrections)) {
    process.stderr.write(`error: data/corrections.json: correction for ${c.id} matches no practice\n`);
    failed = true;
  }
  for (const r of unusedReviewedThemes(dataset.practices, reviewed)) {
    process.stderr.write(`error: data/themes-reviewed.json: entry for ${r.id} matches no practice\n`);
    failed = true;
  }
  if (failed) {
    process.stderr.write(`${OUT} not written.\n`);
    return 1;
  }
  parseDataset(JSON.parse(serialiseDataset(dataset))); // the file must pass the schema the app uses
  mkdirSync(dirname(fromRoot(OUT)), { recursive: true });
  writeFileSync(fromRoot(OUT), serialiseDataset(dataset));
  const perBatch = dataset.batches.map((b) => `batch ${b.id}: ${b.taxonomy.length} mechanisms, ${b.taxonomy.reduce((n, m) => n + m.measures.length, 0)} measures, ${dataset.practices.filter((p) => p.batch === b.id).length} practices`);
  process.stderr.write(`${perBatch.join('\n')}\nwrote ${OUT}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
