// @vitest-environment happy-dom
// The invalid-link notice: it may appear and disappear without breaking the page (React #300 blanked the app when
// a hook ran after an early return), and a long list is de-duplicated and capped.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { atlasStore } from '../store/store';
import { decodeSearch, type InvalidParam } from '../store/url';
import { setNamesEnForTest } from '../i18n/namesEn';
import { InvalidNotice, NOTICE_MAX_ITEMS, noticeItems } from './InvalidNotice';

const bad = (value: string): InvalidParam => ({ key: 'b', value, reason: 'not in the dataset' });

afterEach(() => {
  cleanup();
  act(() => atlasStore.getState().setLang('zh'));
});

describe('InvalidNotice', () => {
  it('comes and goes across renders without a React error', () => {
    const view = render(<InvalidNotice invalid={[]} onDismiss={() => {}} />);
    expect(screen.queryByTestId('url-notice')).toBeNull();
    view.rerender(<InvalidNotice invalid={[bad('99')]} onDismiss={() => {}} />);
    expect(screen.getByTestId('url-notice').textContent).toContain('b=99');
    view.rerender(<InvalidNotice invalid={[]} onDismiss={() => {}} />);
    expect(screen.queryByTestId('url-notice')).toBeNull();
  });

  it('names each distinct item once and counts the rest', () => {
    const invalid = [...Array.from({ length: 5000 }, (_, i) => bad(String(i + 100))), bad('100'), bad('101')];
    render(<InvalidNotice invalid={invalid} onDismiss={() => {}} />);
    const text = screen.getByTestId('url-notice').textContent ?? '';
    expect(text).toContain('b=100，b=101');
    expect(text.match(/b=100(?!\d)/g)).toHaveLength(1);
    expect(text).toContain(`……等另 ${(5000 - NOTICE_MAX_ITEMS).toLocaleString('zh-CN')} 项`);
    act(() => atlasStore.getState().setLang('en'));
    expect(screen.getByTestId('url-notice').textContent).toContain(`… and ${(5000 - NOTICE_MAX_ITEMS).toLocaleString('en-GB')} more`);
  });

  it('shortens a very long value', () => {
    const { shown, more } = noticeItems([bad('x'.repeat(10_000))]);
    expect(more).toBe(0);
    expect(shown[0]!.length).toBeLessThan(80);
  });

  it('says "最多比较 4 个省份" for compared provinces over the limit, not that they were not understood (issue 24.6)', () => {
    const ten = [110000, 120000, 130000, 140000, 150000, 210000, 220000, 230000, 310000, 320000];
    const { state, invalid } = decodeSearch(`?mode=compare&cmp=${ten.join(',')}`);
    expect(state.compare).toEqual(ten.slice(0, 4));
    render(<InvalidNotice invalid={invalid} onDismiss={() => {}} />);
    const text = screen.getByTestId('url-notice').textContent ?? '';
    expect(text).toContain('最多比较 4 个省份');
    expect(text).not.toContain('无法识别');
  });

  it('names the ignored provinces, not their codes, in the interface language', () => {
    const cmp = [110000, 120000, 130000, 140000, 440000, 510000, 150000];
    const { invalid } = decodeSearch(`?mode=compare&cmp=${cmp.join(',')}`);
    render(<InvalidNotice invalid={invalid} onDismiss={() => {}} />);
    const zh = screen.getByTestId('compare-limit').textContent ?? '';
    expect(zh).toBe('最多比较 4 个省份：已忽略 广东、四川、内蒙古');
    expect(zh).not.toMatch(/\d{6}/);
    setNamesEnForTest({ places: { '440000': 'Guangdong', '510000': 'Sichuan', '150000': 'Inner Mongolia' }, taxonomy: {} });
    act(() => atlasStore.getState().setLang('en'));
    expect(screen.getByTestId('compare-limit').textContent).toBe('At most 4 provinces can be compared: ignored Guangdong, Sichuan, Inner Mongolia');
    setNamesEnForTest(null);
  });
});
