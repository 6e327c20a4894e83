// Batch 1 as built by npm run data: the facts the lead checked against the source, determinism, and the committed file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/types';
import { assembleDataset, ingestBatch, serialiseDataset, unusedCorrections } from '../src/ingest/dataset';
import { parseDataset } from '../src/ingest/schema';
import { unusedReviewedThemes } from '../src/ingest/reviewedThemes';
import { fromRoot, loadAliases, loadBatches, loadCorrections, loadGazetteer, loadReviewedThemes, loadThemes } from './lib';

function createBuild(): { json: string; dataset: Dataset; ok: boolean } {
  const gazetteer = loadGazetteer();
  const aliases = loadAliases();
  const themes = loadThemes();
  const corrections = loadCorrections();
  const reviewed = loadReviewedThemes();
  const ingests = loadBatches().map((meta) => ingestBatch(meta, readFileSync(fromRoot(meta.file), 'utf8'), { gazetteer, aliases, themes }, corrections, { entries: reviewed, strict: true }));
  const dataset = assembleDataset(ingests, themes);
  const ok = ingests.every((i) => i.result.ok) && unusedCorrections(dataset.practices, corrections).length === 0 && unusedReviewedThemes(dataset.practices, reviewed).length === 0;
  return { json: serialiseDataset(dataset), dataset, ok };
}

function batch1() {
  const { dataset } = createBuild();
  return { batch: dataset.batches.find((b) => b.id === 1)!, practices: dataset.practices.filter((p) => p.batch === 1) };
}

describe('batch 1', () => {
  it('builds without errors', () => {
    expect(createBuild().ok).toBe(true);
  });

  it('has 3 mechanisms, 10 measures and 30 practices', () => {
    const { batch, practices } = batch1();
    expect(batch.taxonomy.map((m) => m.code)).toEqual(['一', '二', '三']);
    expect(batch.taxonomy.flatMap((m) => m.measures)).toHaveLength(10);
    expect(practices).toHaveLength(30);
  });

  it('has the item count of each measure as in the source', () => {
    const { practices } = batch1();
    const counts = new Map<string, number>();
    for (const p of practices) counts.set(`${p.mechanism.index}-${p.measure.index}`, (counts.get(`${p.mechanism.index}-${p.measure.index}`) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ '1-1': 3, '1-2': 3, '1-3': 3, '1-4': 3, '2-1': 2, '2-2': 3, '2-3': 4, '2-4': 3, '3-1': 3, '3-2': 3 });
  });

  it('keeps the metadata of data/batches.json', () => {
    expect(batch1().batch).toMatchObject({ title: '实施城市更新行动可复制经验做法清单（第一批）', issuer: '住房和城乡建设部办公厅', date: '2022-11' });
  });

  it('resolves one actor for every practice, in 13 provinces', () => {
    const { practices } = batch1();
    expect(practices.every((p) => p.actors.length === 1)).toBe(true);
    expect(new Set(practices.flatMap((p) => p.actors.map((a) => a.province))).size).toBe(13);
  });

  it('counts 5 for 重庆: four for 重庆市 itself and one for 九龙坡区 (district 500107 in province 500000)', () => {
    const cq = batch1().practices.filter((p) => p.actors.some((a) => a.province === 500000));
    expect(cq).toHaveLength(5);
    expect(cq.filter((p) => p.actors[0]!.adcode === 500000)).toHaveLength(4);
    expect(cq.find((p) => p.id === '1-2-4-2')!.actors).toEqual([{ adcode: 500107, name: '九龙坡区', level: 'district', province: 500000 }]);
  });

  it('counts 3 for 北京市, one of them under mechanism 三', () => {
    const bj = batch1().practices.filter((p) => p.actors.some((a) => a.adcode === 110000));
    expect(bj.map((p) => p.id)).toEqual(['1-1-1-1', '1-1-4-1', '1-3-2-1']);
    expect(bj[0]!.actors[0]).toEqual({ adcode: 110000, name: '北京市', level: 'province', province: 110000 });
  });

  it('reads the irregular item numbers 1. and 1.␠ and the split headings', () => {
    const { practices } = batch1();
    expect(practices.find((p) => p.id === '1-2-3-1')!.headline).toBe('四川省成都市设立城市更新专项资金。');
    expect(practices.find((p) => p.id === '1-3-2-1')!.headline).toBe('北京市简化简易低风险工程建设项目审批要求。');
    expect(practices.find((p) => p.id === '1-3-1-1')!.mechanism.title).toBe('创新与城市更新相配套的支持政策');
  });

  it('records the source line of each item', () => {
    const p = batch1().practices.find((x) => x.id === '1-1-1-2')!;
    expect(p.source).toEqual({ file: 'data/sources/urban-renewal-practices-batch1.txt', lines: [12, 12] });
    expect(p.text.startsWith('山东省潍坊市建立城市更新工作联席会议制度。市长为召集人')).toBe(true);
  });

  it('keeps each text verbatim apart from whitespace', () => {
    const source = readFileSync(fromRoot('data/sources/urban-renewal-practices-batch1.txt'), 'utf8').split('\n');
    for (const p of batch1().practices) {
      const line = source[p.source.lines[0] - 1]!.replace(/\s+/g, '');
      expect(line.endsWith(p.text.replace(/\s+/g, ''))).toBe(true);
    }
  });
});

describe('npm run data output', () => {
  it('is byte-identical for the same input', () => {
    expect(createBuild().json).toBe(createBuild().json);
  });

  it('is marked as generated', () => {
    expect(createBuild().dataset.generatedBy).toBe('data/build.ts — do not edit; run npm run data');
  });

  it('passes the schema', () => {
    expect(() => parseDataset(JSON.parse(createBuild().json))).not.toThrow();
  });

  it('matches the committed public/data/practices.json (run npm run data after changing the ingest)', () => {
    expect(readFileSync(fromRoot('public/data/practices.json'), 'utf8')).toBe(createBuild().json);
  });
});
