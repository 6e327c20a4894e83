// npx tsx data/theme-quality.ts — how well the keyword rules (data/themes.json) match the reviewed themes
// (data/themes-reviewed.json) over the built-in practices: the numbers data/README.md states (a test keeps them true).
import { readFileSync } from 'node:fs';
import { assignThemes } from '../src/ingest/extract';
import { ingestBatch } from '../src/ingest/dataset';
import { ruleQuality, type RuleQuality } from '../src/ingest/reviewedThemes';
import { fromRoot, loadAliases, loadBatches, loadGazetteer, loadReviewedThemes, loadThemes } from './lib';

export function builtinRuleQuality(): RuleQuality {
  const gazetteer = loadGazetteer();
  const aliases = loadAliases();
  const themes = loadThemes();
  const reviewed = loadReviewedThemes();
  const practices = loadBatches().flatMap((meta) => ingestBatch(meta, readFileSync(fromRoot(meta.file), 'utf8'), { gazetteer, aliases, themes }, [], { entries: reviewed, strict: true }).result.practices);
  return ruleQuality(practices.map((p) => ({ suggested: assignThemes(p.text, themes), reviewed: p.themes })));
}

/** The sentence data/README.md carries. */
export function qualitySentence(q: RuleQuality): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return `precision ${pct(q.precision)} (${q.agreed} of ${q.suggested} suggested tags hold), recall ${pct(q.recall)} (${q.agreed} of ${q.reviewed} reviewed tags found), over ${q.practices} practices`;
}

if (process.argv[1] && /theme-quality\.ts$/.test(process.argv[1])) {
  process.stdout.write(`${qualitySentence(builtinRuleQuality())}\n`);
}
