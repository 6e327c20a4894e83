import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../store/filters';
import { createDataset, createPractice, createTheme } from '../store/test-helpers';
import { dataCitation, exportFileName, filterSummary, isoDay } from './summary';

const ds = () =>
  createDataset({
    practices: [createPractice({ themes: ['finance'] })],
    themes: [{ ...createTheme('finance'), zh: '资金保障', en: 'Finance' }],
  });

describe('filterSummary', () => {
  it('is empty without filters', () => {
    expect(filterSummary(ds(), EMPTY_FILTERS, 'zh')).toBe('');
  });

  it('names themes, levels, the taxonomy and the search in the reader language', () => {
    const f = { ...EMPTY_FILTERS, themes: ['finance'], levels: ['city' as const], measures: ['1-1-2'], q: '重庆' };
    expect(filterSummary(ds(), f, 'zh')).toBe('主要举措：一（二）举措1.2；主题：资金保障；层级：地市级；搜索“重庆”');
    expect(filterSummary(ds(), f, 'en')).toBe('Main measure: 一（二）举措1.2; Theme: Finance; Level: Prefecture level; search "重庆"');
  });
});

describe('dataCitation', () => {
  it('cites the batches the practices come from', () => {
    const d = ds();
    expect(dataCitation(d, d.practices, 'zh')).toBe('数据来源：住房城乡建设部《第1批》（2023年11月）');
  });
});

describe('isoDay', () => {
  it('pads month and day', () => {
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('exportFileName', () => {
  it('carries the subject and the day', () => {
    expect(exportFileName('zh', '江苏省苏州市', 'png', '2026-11-29')).toBe('城市更新实践地图-江苏省苏州市-2026-11-29.png');
    expect(exportFileName('en', 'China', 'pptx', '2026-11-29')).toBe('Urban-Renewal-Practice-Atlas-China-2026-11-29.pptx');
  });

  it('drops characters file systems refuse', () => {
    expect(exportFileName('zh', 'a/b:c*?"<>|\u0001', 'csv', '2026-01-02')).toBe('城市更新实践地图-abc-2026-01-02.csv');
  });
});
