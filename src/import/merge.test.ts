import { describe, expect, it } from 'vitest';
import { city, createBatch, createDataset, createPractice, district, province } from '../store/test-helpers';
import { facetCounts } from '../store/selectors';
import { EMPTY_FILTERS } from '../store/filters';
import type { Place, Programme } from '../types';
import { contentSignature, findDuplicate, mergeDatasets, nextBatchId, renumberPractices, titleTaken, toImportedBatch, withRelatedMap } from './merge';
import type { Candidate, ImportedBatch } from './types';

function createImported(id: number, texts: string[] = ['北京市做法。'], title = `导入 ${id}`): ImportedBatch {
  return {
    batch: { ...createBatch(id), title },
    practices: texts.map((text, i) => createPractice({ id: `${id}-1-1-${i + 1}`, batch: id, item: i + 1, text })),
    themes: [],
    importedAt: '2026-01-01T00:00:00.000Z',
  };
}

function createBuiltin() {
  return createDataset({ practices: [createPractice({ text: '甲。', themes: ['finance'] }), createPractice({ text: '乙。' })] });
}

function createCandidate(texts: string[], title = '新批次'): Candidate {
  return {
    meta: { title, issuer: '住房和城乡建设部办公厅', date: '2025-06' },
    file: 'list.txt',
    format: 'txt',
    taxonomy: createBatch(1000).taxonomy,
    practices: texts.map((text, i) => createPractice({ id: `1000-1-1-${i + 1}`, batch: 1000, item: i + 1, text })),
    themes: [],
    unresolved: [],
    warnings: [],
  };
}

describe('batch ids', () => {
  it('starts imports at 1000 and takes the next free id after that', () => {
    expect(nextBatchId([{ id: 1 }])).toBe(1000);
    expect(nextBatchId([{ id: 1 }, { id: 1000 }, { id: 1003 }])).toBe(1004);
  });

  it('renumbers practice ids, batch and links inside the batch', () => {
    const ps = [createPractice({ id: '1-2-3-4', batch: 1, related: [{ id: '1-1-1-1', score: 0.5 }, { id: '2-1-1-1', score: 0.4 }] })];
    const [p] = renumberPractices(ps, 1001);
    expect(p!.id).toBe('1001-2-3-4');
    expect(p!.batch).toBe(1001);
    expect(p!.related).toEqual([{ id: '1001-1-1-1', score: 0.5 }, { id: '2-1-1-1', score: 0.4 }]);
    expect(ps[0]!.id).toBe('1-2-3-4');
  });

  it('stores a candidate under the confirmed id with trimmed metadata', () => {
    const b = toImportedBatch({ ...createCandidate(['甲。']), meta: { title: ' 第四批 ', issuer: ' 部 ', date: '2025-06' } }, 1002, 'T');
    expect(b.batch).toMatchObject({ id: 1002, title: '第四批', issuer: '部', date: '2025-06', file: 'list.txt' });
    expect(b.practices.map((p) => p.id)).toEqual(['1002-1-1-1']);
    expect(b.importedAt).toBe('T');
  });
});

describe('mergeDatasets', () => {
  it('returns the built-in dataset itself when nothing is imported', () => {
    const d = createDataset();
    expect(mergeDatasets(d, [])).toBe(d);
  });

  it('appends imported batches in id order, with their practices and new themes', () => {
    const d = createBuiltin();
    const a = createImported(1001);
    const b = { ...createImported(1000), themes: [{ key: 'new', zh: '新', en: 'New' }, { key: d.themes[0]!.key, zh: 'x', en: 'x' }] };
    const m = mergeDatasets(d, [a, b]);
    expect(m.batches.map((x) => x.id)).toEqual([...d.batches.map((x) => x.id), 1000, 1001]);
    expect(m.practices.slice(d.practices.length).map((p) => p.batch)).toEqual([1000, 1001]);
    expect(m.themes.map((t) => t.key)).toEqual([...d.themes.map((t) => t.key), 'new']);
    expect(d.batches.length).toBe(1);
  });
});

describe('duplicates', () => {
  it('signs a batch by its texts, whatever their order and spacing', () => {
    expect(contentSignature([createPractice({ text: 'B 。' }), createPractice({ text: 'A' })])).toBe(contentSignature([createPractice({ text: 'A' }), createPractice({ text: 'B。' })]));
  });

  it('finds a batch that was already imported (same practices, any title)', () => {
    const d = mergeDatasets(createBuiltin(), [createImported(1000, ['丙。', '丁。'])]);
    const dup = findDuplicate(createCandidate(['丁。', '丙。'], '另一个标题'), d);
    expect(dup).toMatchObject({ kind: 'same', builtin: false, batch: { id: 1000 } });
  });

  it('lets the built-in practices through under a new title, with a warning kind', () => {
    const d = createBuiltin();
    const texts = d.practices.filter((p) => p.batch === 1).map((p) => p.text);
    expect(findDuplicate(createCandidate(texts, '核对'), d)).toMatchObject({ kind: 'same-texts', builtin: true });
    expect(findDuplicate(createCandidate(texts, d.batches[0]!.title), d)).toMatchObject({ kind: 'same', builtin: true });
  });

  it('catches a second copy of a batch imported as a copy of the built-in batch', () => {
    const builtin = createBuiltin();
    const texts = builtin.practices.filter((p) => p.batch === 1).map((p) => p.text);
    const d = mergeDatasets(builtin, [createImported(1000, texts, '核对')]);
    expect(findDuplicate(createCandidate(texts, '再次核对'), d)).toMatchObject({ kind: 'same', builtin: false, batch: { id: 1000 } });
  });

  it('finds nothing for new practices, and finds titles already in use', () => {
    const d = createBuiltin();
    expect(findDuplicate(createCandidate(['全新做法。']), d)).toBeNull();
    expect(findDuplicate(createCandidate(['甲。']), d)).toBeNull();
    expect(titleTaken(` ${d.batches[0]!.title} `, d)?.id).toBe(d.batches[0]!.id);
    expect(titleTaken('第四批', d)).toBeUndefined();
  });
});

describe('withRelatedMap', () => {
  it('replaces every practice’s related list, empty when the map has none', () => {
    const d = createBuiltin();
    const [a, b] = d.practices;
    const out = withRelatedMap(d, new Map([[a!.id, [{ id: b!.id, score: 0.2 }]]]));
    expect(out.practices.map((p) => p.related)).toEqual([[{ id: b!.id, score: 0.2 }], []]);
    expect(d.practices[0]!.related).toBeUndefined();
  });
});

describe('imported batches and programmes (issue 27)', () => {
  const programme = (id: string, units: Place[]): Programme => ({
    id,
    title: id,
    titleEn: id,
    issuer: '住房和城乡建设部',
    date: '2021-11-06',
    status: '正式',
    sources: [],
    file: `data/programmes/${id}.json`,
    units: units.map((u) => ({ ...u, published: u.name })),
  });

  it('keep the programmes when merged, and their practices count by the same rule', () => {
    const d = {
      ...createDataset({
        practices: [
          createPractice({ id: '1-1-1-1', item: 1, actors: [district(500107, '九龙坡区')] }),
          createPractice({ id: '1-1-1-2', item: 2, actors: [province(500000, '重庆市')] }),
          createPractice({ id: '1-1-1-3', item: 3, actors: [city(370700, '潍坊市')] }),
        ],
      }),
      programmes: [
        programme('pilot', [district(500103, '渝中区'), district(500107, '九龙坡区'), city(370700, '潍坊市')]),
        programme('fund', [province(500000, '重庆市'), city(130100, '石家庄市')]),
      ],
    };
    const imported = createPractice({ id: '1000-1-1-1', batch: 1000, item: 1, actors: [district(500103, '渝中区')] });
    const merged = mergeDatasets(d, [{ batch: createBatch(1000), practices: [imported], themes: [], importedAt: '2026-12-01T00:00:00Z' }]);
    expect(merged.programmes).toBe(d.programmes);
    expect(Object.fromEntries(facetCounts(merged, EMPTY_FILTERS).programmes)).toEqual({ pilot: 3, fund: 3 });
  });
});
