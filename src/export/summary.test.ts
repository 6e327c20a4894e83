import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../store/filters';
import { createDataset, createPractice, createTheme } from '../store/test-helpers';
import { dataCitation, filterSummary, isoDay } from './summary';
import { parseDeployConfig, DEFAULT_CONFIG } from './config';
import { wrapText } from './png';

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

describe('parseDeployConfig', () => {
  it('reads the approval number and ignores anything malformed', () => {
    expect(parseDeployConfig({ approvalNumber: ' GS(2024)0650号 ' })).toEqual({ approvalNumber: 'GS(2024)0650号' });
    expect(parseDeployConfig({ approvalNumber: 42 })).toEqual({ approvalNumber: '' });
    expect(parseDeployConfig(null)).toBe(DEFAULT_CONFIG);
  });
});

describe('wrapText', () => {
  const measure = (s: string) => s.length * 10;
  it('breaks Chinese anywhere and keeps every character', () => {
    const lines = wrapText('住房和城乡建设部办公厅实施城市更新行动', 60, measure);
    expect(lines.every((l) => measure(l) <= 60)).toBe(true);
    expect(lines.join('')).toBe('住房和城乡建设部办公厅实施城市更新行动');
  });

  it('breaks English at spaces', () => {
    expect(wrapText('Map approval number: GS(2024)0650', 120, measure)).toEqual(['Map approval', 'number:', 'GS(2024)0650']);
  });
});

describe('isoDay', () => {
  it('pads month and day', () => {
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
