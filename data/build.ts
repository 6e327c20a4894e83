// npm run data — rebuilds public/data/practices.json from every batch in data/batches.json.
// Also resolves every programme in data/programmes/ (issue 27) into public/data/programmes.json.
// Any error (in any batch, a stale correction, a programme name that is unknown or ambiguous) → nothing is written,
// exit code 1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { assembleDataset, ingestBatch, serialiseDataset, unusedCorrections } from '../src/ingest/dataset';
import { parseDataset, parseProgrammes } from '../src/ingest/schema';
import { buildProgrammes, PROGRAMMES_DIR, serialiseProgrammes } from './programmes';
import { unusedReviewedThemes } from '../src/ingest/reviewedThemes';
import { escapeControls, fromRoot, loadAliases, loadBatches, loadCorrections, loadGazetteer, loadReviewedThemes, loadThemes, printIssues } from './lib';

const OUT = 'public/data/practices.json';
const PROGRAMMES_OUT = 'public/data/programmes.json';

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
  const programmes = buildProgrammes(PROGRAMMES_DIR, gazetteer, aliases);
  if (!programmes.ok) {
    for (const e of programmes.errors) process.stderr.write(`error: ${escapeControls(e)}\n`);
    failed = true;
  }
  if (failed || !programmes.ok) {
    process.stderr.write(`${OUT} and ${PROGRAMMES_OUT} not written.\n`);
    return 1;
  }
  parseDataset(JSON.parse(serialiseDataset(dataset))); // the file must pass the schema the app uses
  mkdirSync(dirname(fromRoot(OUT)), { recursive: true });
  writeFileSync(fromRoot(OUT), serialiseDataset(dataset));
  parseProgrammes(JSON.parse(serialiseProgrammes(programmes.programmes))); // as the app's loader reads it
  writeFileSync(fromRoot(PROGRAMMES_OUT), serialiseProgrammes(programmes.programmes));
  const perBatch = dataset.batches.map((b) => `batch ${b.id}: ${b.taxonomy.length} mechanisms, ${b.taxonomy.reduce((n, m) => n + m.measures.length, 0)} measures, ${dataset.practices.filter((p) => p.batch === b.id).length} practices`);
  const perProgramme = programmes.programmes.map((p) => `programme ${p.id}: ${p.units.length} units`);
  process.stderr.write(`${[...perBatch, ...perProgramme].join('\n')}\nwrote ${OUT}, ${PROGRAMMES_OUT}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
