// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { createTestData, renderWithAtlas } from '../test-utils/render';
import { createBatch, createDataset, createPractice, city } from '../store/test-helpers';
import { Legend } from './Legend';

const data = createTestData(
  createDataset({ batches: [createBatch(1, [1])], practices: [createPractice({ id: '1-1-1-1', actors: [city(320100, '南京市')] })] }),
);

describe('Legend', () => {
  it('says the classes come from all practices, and switches to the filter’s classes on request', () => {
    const { store } = renderWithAtlas(<Legend />, { data });
    expect(screen.getByTestId('legend-scope').textContent).toContain('分级依据全部做法');
    fireEvent.click(screen.getByRole('button', { name: '按筛选结果分级' }));
    expect(store.getState().breaksScope).toBe('filtered');
    expect(screen.getByTestId('legend-scope').textContent).toContain('分级依据当前筛选结果');
  });

  it('speaks the interface language of its own store', () => {
    const { store } = renderWithAtlas(<Legend />, { data, state: { lang: 'en' } });
    expect(screen.getByTestId('legend').textContent).toContain('Classes from all practices');
    act(() => store.getState().setLang('zh'));
    expect(screen.getByTestId('legend').textContent).toContain('做法数量');
  });
});
