// The three views rendered to static HTML with batch 1 (no DOM needed): content, marks, and that they follow the
// filters. Clicking through is covered by the browser tests (e2e/related.e2e.ts).
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import datasetJson from '../../public/data/practices.json';
import gazetteerJson from '../../public/geo/gazetteer.json';
import { AtlasDataContext, type AtlasData } from '../data/context';
import type { GeoBundle } from '../data/load';
import { atlasStore, DEFAULT_STATE } from '../store/store';
import { EMPTY_FILTERS, type Filters } from '../store/filters';
import { practiceById } from '../store/selectors';
import type { Dataset, GazetteerEntry } from '../types';
import { DocumentsIndex } from './DocumentsIndex';
import { FiguresIndex } from './FiguresIndex';
import { RelatedPractices } from './RelatedPractices';

function createData(): AtlasData {
  const dataset = structuredClone(datasetJson) as unknown as Dataset;
  const gazetteer = new Map((gazetteerJson as unknown as GazetteerEntry[]).map((g) => [g.adcode, g]));
  return { dataset, geo: { gazetteer } as unknown as GeoBundle };
}

function render(node: React.ReactNode, data: AtlasData): string {
  return renderToStaticMarkup(<AtlasDataContext.Provider value={data}>{node}</AtlasDataContext.Provider>);
}

// A server render reads the store's initial state; point it at the current one (see src/compare/panels.test.tsx).
atlasStore.getInitialState = atlasStore.getState;

function resetStore(filters: Partial<Filters> = {}, lang: 'zh' | 'en' = 'zh') {
  atlasStore.setState({ ...DEFAULT_STATE, filters: { ...EMPTY_FILTERS, ...filters }, lang });
}

describe('RelatedPractices', () => {
  it('lists the related practices with full place, headline and score, best first', () => {
    resetStore();
    const data = createData();
    const html = render(<RelatedPractices practice={practiceById(data.dataset, '1-1-3-1')!} />, data);
    expect(html).toContain('相似做法');
    expect(html.match(/data-related="([^"]+)"/g)).toEqual(['data-related="1-1-3-2"', 'data-related="1-1-3-3"', 'data-related="1-1-4-2"']);
    expect(html).toContain('湖南省长沙市');
    expect(html).toContain('重庆市开展城市更新专项体检。');
    expect(html).toMatch(/相似度 23%/);
    expect(html).not.toContain('不在当前筛选范围内');
  });

  it('marks related practices outside the filters but still lists them', () => {
    resetStore({ themes: ['checkup'], levels: ['city'] });
    const data = createData();
    const html = render(<RelatedPractices practice={practiceById(data.dataset, '1-1-3-1')!} />, data);
    // 长沙 (a city, 城市体检) passes; 重庆市 is a province-level actor, so it fails the level filter.
    expect(html).toMatch(/class="related-item outside" data-related="1-1-3-2"/);
    expect(html).toMatch(/class="related-item" data-related="1-1-3-3"/);
    expect(html).toContain('不在当前筛选范围内');
  });

  it('renders nothing for a practice without related practices', () => {
    resetStore();
    const data = createData();
    const p = { ...practiceById(data.dataset, '1-1-3-1')!, related: [] };
    expect(render(<RelatedPractices practice={p} />, data)).toBe('');
  });
});

describe('DocumentsIndex', () => {
  it('lists every cited title with its citing places and practices', () => {
    resetStore();
    const data = createData();
    const html = render(<DocumentsIndex />, data);
    const titles = new Set(data.dataset.practices.flatMap((p) => p.documents));
    expect(html.match(/data-document="/g)).toHaveLength(titles.size);
    expect(html).toContain('《辽宁省城市更新条例》');
    expect(html).toMatch(/data-document="辽宁省城市更新条例".*?data-practice="1-1-2-1"/);
  });

  it('follows the filters', () => {
    resetStore({ q: '重庆' });
    const html = render(<DocumentsIndex />, createData());
    expect(html).toContain('重庆市城市更新管理办法');
    expect(html).not.toContain('辽宁省城市更新条例');
  });

  it('speaks English without Chinese chrome', () => {
    resetStore({}, 'en');
    const html = render(<DocumentsIndex />, createData());
    expect(html).toContain('documents');
    expect(html).toContain('Search titles or places');
  });
});

describe('FiguresIndex', () => {
  it('groups figures by kind, money first and largest first', () => {
    resetStore();
    const html = render(<FiguresIndex />, createData());
    expect(html.match(/data-kind="(\w+)"/g)).toEqual(['data-kind="money"', 'data-kind="area"', 'data-kind="share"', 'data-kind="duration"', 'data-kind="count"', 'data-kind="other"']);
    expect(html.match(/data-figure="[^"]*亿元"/g)).toEqual(['data-figure="800亿元"', 'data-figure="46.18亿元"', 'data-figure="13.3亿元"']);
    expect(html).toMatch(/data-figure="800亿元" data-practice="1-2-3-3"/);
    expect(html).toContain('<span lang="zh-CN">上海市</span> · <span lang="zh-CN">二（三）3</span>');
  });

  it('follows the filters', () => {
    resetStore({ themes: ['checkup'] });
    const html = render(<FiguresIndex />, createData());
    expect(html).not.toContain('800亿元');
    expect(html).toContain('data-figure="10项"');
  });
});
