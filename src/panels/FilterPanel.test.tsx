// @vitest-environment happy-dom
// The filter panel as a user works it: ticking an option filters the store's practices and the live counts of the
// other facets follow.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { createTestData, renderWithAtlas } from '../test-utils/render';
import { city, createBatch, createDataset, createPractice, district } from '../store/test-helpers';
import { FilterPanel } from './FilterPanel';
import { EMPTY_FILTERS } from '../store/filters';

const data = createTestData(
  createDataset({
    batches: [createBatch(1, [2])],
    themes: [
      { key: 'finance', zh: '资金保障', en: 'Finance' },
      { key: 'housing', zh: '老旧小区', en: 'Housing' },
    ],
    practices: [
      createPractice({ id: '1-1-1-1', actors: [city(320100, '南京市')], themes: ['finance'] }),
      createPractice({ id: '1-1-1-2', item: 2, actors: [district(500107, '九龙坡区')], themes: ['housing'] }),
      createPractice({ id: '1-1-2-1', meas: 2, actors: [city(370700, '潍坊市')], themes: ['finance', 'housing'] }),
    ],
  }),
);

const countOf = (el: HTMLElement) => el.querySelector('.facet-count')?.textContent;

describe('FilterPanel', () => {
  it('ticks a theme into the store and recounts the levels', () => {
    const { store } = renderWithAtlas(<FilterPanel />, { data });
    expect(countOf(screen.getByTestId('level-city'))).toBe('2');
    fireEvent.click(within(screen.getByTestId('theme-housing')).getByRole('checkbox'));
    expect(store.getState().filters.themes).toEqual(['housing']);
    // Housing: 九龙坡区 (district) and 潍坊市 (city).
    expect(countOf(screen.getByTestId('level-city'))).toBe('1');
    expect(countOf(screen.getByTestId('level-district'))).toBe('1');
  });

  it('clears every filter with one button, which is disabled when nothing is filtered', () => {
    const { store } = renderWithAtlas(<FilterPanel />, { data, state: { filters: { ...EMPTY_FILTERS, themes: ['finance'] } } });
    const clear = screen.getByRole('button', { name: '清除全部' });
    fireEvent.click(clear);
    expect(store.getState().filters.themes).toEqual([]);
    expect((clear as HTMLButtonElement).disabled).toBe(true);
  });
});

