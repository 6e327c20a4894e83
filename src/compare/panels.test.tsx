// The two panels rendered to static HTML (no DOM needed): structure, counts, markers and text-only rendering.
// Interaction is covered by the browser tests (e2e/compare.e2e.ts).
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { AtlasDataContext, type AtlasData } from '../data/context';
import type { GeoBundle } from '../data/load';
import { atlasStore, DEFAULT_STATE } from '../store/store';
import { EMPTY_FILTERS } from '../store/filters';
import { city, createBatch, createDataset, createPractice, district, province } from '../store/test-helpers';
import { ComparePanel } from './ComparePanel';
import { OverviewPanel } from './OverviewPanel';
import type { Dataset } from '../types';

const JS = 320000;
const CQ = 500000;

function createData(): AtlasData {
  const dataset: Dataset = createDataset({
    batches: [createBatch(1, [2, 1])],
    themes: [{ key: 'finance', zh: '资金保障', en: 'Finance' }],
    practices: [
      createPractice({ id: '1-1-1-1', mech: 1, meas: 1, actors: [city(320100, '南京市')], headline: '南京市做法。', text: '南京市做法。<b>不是标签</b>' }),
      createPractice({ id: '1-1-1-2', mech: 1, meas: 1, actors: [province(CQ, '重庆市')], themes: ['finance'] }),
      createPractice({ id: '1-1-2-1', mech: 1, meas: 2, actors: [district(500107, '九龙坡区')] }),
    ],
  });
  const empty = { type: 'FeatureCollection', features: [] };
  const geo = {
    provinces: empty,
    cities: empty,
    dash: empty,
    inset: empty,
    meta: { attribution: { zh: '', en: '' }, nationalBounds: [73, 18, 135, 54] },
    gazetteer: new Map(),
    districtProvinces: new Set(),
  } as unknown as GeoBundle;
  return { dataset, geo };
}

function render(node: React.ReactNode, data: AtlasData): string {
  return renderToStaticMarkup(<AtlasDataContext.Provider value={data}>{node}</AtlasDataContext.Provider>);
}

// A server render reads the store's *initial* state (useSyncExternalStore's server snapshot); this file's module
// instance of the store (vitest isolates test files) is pointed at the current state instead.
atlasStore.getInitialState = atlasStore.getState;

/** The text of some markup, tags removed. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

function resetStore(patch: Partial<ReturnType<typeof atlasStore.getState>> = {}) {
  atlasStore.setState({ ...DEFAULT_STATE, filters: EMPTY_FILTERS, ...patch });
}

describe('ComparePanel (static render)', () => {
  it('renders the matrix as a table with column and row headers and the counts', () => {
    resetStore({ mode: 'compare', compare: [JS, CQ] });
    const html = render(<ComparePanel />, createData());
    expect(html).toContain('<table');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    // 2 mechanisms + 3 measures
    expect(html.match(/<th scope="row"/g)).toHaveLength(5);
    expect(html).toMatch(/<tr class="cmp-row-measure" data-row="1-1-2">.*?data-province="320000" data-count="0".*?data-province="500000" data-count="1"/);
    expect(textOf(html)).toContain('仅重庆有');
  });

  it('renders practice texts as text, never as HTML', () => {
    resetStore({ mode: 'compare', compare: [JS, CQ] });
    const html = render(<ComparePanel />, createData());
    expect(html).toContain('&lt;b&gt;不是标签&lt;/b&gt;');
    expect(html).not.toContain('<b>不是标签');
  });

  it('asks for a second province when only one is chosen, and shows the picker with all 34', () => {
    resetStore({ mode: 'compare', compare: [JS] });
    const html = render(<ComparePanel />, createData());
    expect(html).toContain('请再选择 1 个省份');
    expect(html.match(/data-testid="compare-option-/g)).toHaveLength(34);
    expect(html).toContain('data-testid="compare-chip-320000"');
  });

  it('shows the first three practices of a long column and offers the rest', () => {
    resetStore({ mode: 'compare', compare: [JS, CQ] });
    const data = createData();
    const many = Array.from({ length: 5 }, (_, i) =>
      createPractice({ id: `1-2-1-${i + 1}`, mech: 2, meas: 1, actors: [city(320100, '南京市')] }),
    );
    const dataset = { ...data.dataset, practices: [...data.dataset.practices, ...many] };
    const html = render(<ComparePanel />, { ...data, dataset });
    const block = html.slice(html.indexOf('data-measure="1-2-1"'));
    expect(block.match(/<article class="cmp-practice" data-practice="1-2-1-/g)).toHaveLength(3);
    expect(block).toContain('再显示 2 项');
  });

  it('speaks English when the language is English', () => {
    resetStore({ mode: 'compare', compare: [JS, CQ], lang: 'en' });
    const html = render(<ComparePanel />, createData());
    expect(html).toContain('Coverage matrix');
    expect(textOf(html)).toContain('only 重庆');
    // Data stays Chinese and says so: the province name inside the English marker is marked lang="zh-CN".
    expect(html).toContain('only <span lang="zh-CN">重庆</span>');
  });
});

describe('OverviewPanel (static render)', () => {
  it('ranks the provinces and lists the 29 of the 31 省（区、市） with no practice, 港澳台 apart', () => {
    resetStore();
    const html = render(<OverviewPanel />, createData());
    expect(html).toMatch(/data-adcode="500000" data-count="2".*data-adcode="320000" data-count="1"/s);
    expect(html).toContain('data-testid="missing-provinces" data-count="29"');
    expect(textOf(html)).toContain('31 个省（区、市）中，29 个尚无做法');
    expect(html).toContain('data-testid="apart-none" data-adcodes="810000,820000,710000"');
    expect(textOf(html)).toContain('香港、澳门、台湾尚无做法');
    expect(html).toContain('尚未收录');
  });

  it('follows the filters', () => {
    resetStore({ filters: { ...EMPTY_FILTERS, themes: ['finance'] } });
    const html = render(<OverviewPanel />, createData());
    expect(html).toContain('data-testid="missing-provinces" data-count="30"');
    expect(html).not.toContain('data-adcode="320000" data-count');
  });
});
