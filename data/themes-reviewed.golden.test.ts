// Issue 15 point 4: themes that can be trusted. The reviewed file covers every built-in practice, the build uses it,
// and data/README.md states the keyword rules' precision and recall against it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleDataset, ingestBatch } from '../src/ingest/dataset';
import { fromRoot, loadAliases, loadBatches, loadCorrections, loadGazetteer, loadReviewedThemes, loadThemes } from './lib';
import { builtinRuleQuality, qualitySentence } from './theme-quality';

function createBuilt() {
  const gazetteer = loadGazetteer();
  const aliases = loadAliases();
  const themes = loadThemes();
  const reviewed = loadReviewedThemes();
  const ingests = loadBatches().map((meta) => ingestBatch(meta, readFileSync(fromRoot(meta.file), 'utf8'), { gazetteer, aliases, themes }, loadCorrections(), { entries: reviewed, strict: true }));
  return { ingests, dataset: assembleDataset(ingests, themes), reviewed };
}

describe('data/themes-reviewed.json', () => {
  it('covers every built-in practice, and the build marks each as reviewed', () => {
    const { ingests, dataset, reviewed } = createBuilt();
    expect(ingests.flatMap((i) => i.result.errors)).toEqual([]);
    const ids = new Set(reviewed.map((r) => r.id));
    expect(dataset.practices.filter((p) => !ids.has(p.id)).map((p) => p.id)).toEqual([]);
    expect(dataset.practices.every((p) => p.themeSource === 'reviewed')).toBe(true);
    expect(dataset.practices.filter((p) => p.batch === 1 && ids.has(p.id))).toHaveLength(30);
  });

  it('gives every tag a reason', () => {
    for (const r of loadReviewedThemes()) {
      expect(r.themes.length, r.id).toBeGreaterThan(0);
      for (const t of [...r.themes, ...(r.rejected ?? [])]) expect(t.reason.trim().length, `${r.id} ${t.key}`).toBeGreaterThan(5);
    }
  });

  it('no longer tags 北京 一（一）1 资金与金融, 苏州 二（二）3 绿色低碳与安全韧性, 长沙 一（三）3 审批服务 or 老旧小区与居住', () => {
    const byId = new Map(createBuilt().dataset.practices.map((p) => [p.id, p]));
    expect(byId.get('1-1-1-1')!.headline).toMatch(/^北京市/);
    expect(byId.get('1-1-1-1')!.themes).not.toContain('finance');
    expect(byId.get('1-2-2-3')!.text).toContain('老菜场');
    expect(byId.get('1-2-2-3')!.themes).not.toContain('green');
    expect(byId.get('1-1-3-3')!.headline).toMatch(/^湖南省长沙市/);
    expect(byId.get('1-1-3-3')!.themes).not.toContain('approvals');
    expect(byId.get('1-1-3-3')!.themes).not.toContain('housing');
  });

  it('a changed headline makes the build fail until the practice is reviewed again', () => {
    const reviewed = loadReviewedThemes().map((r) => (r.id === '1-1-1-2' ? { ...r, headline: '山东省潍坊市另一做法。' } : r));
    const meta = loadBatches().find((b) => b.id === 1)!;
    const themes = loadThemes();
    const r = ingestBatch(meta, readFileSync(fromRoot(meta.file), 'utf8'), { gazetteer: loadGazetteer(), aliases: loadAliases(), themes }, [], { entries: reviewed, strict: true });
    expect(r.result.errors.map((e) => [e.code, e.line])).toEqual([['themes-reviewed-stale', 12]]);
  });

  it('data/README.md states the keyword rules’ precision and recall as computed now', () => {
    const readme = readFileSync(fromRoot('data/README.md'), 'utf8');
    expect(readme).toContain(qualitySentence(builtinRuleQuality()));
  });
});
