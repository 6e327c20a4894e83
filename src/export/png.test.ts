import { describe, expect, it } from 'vitest';
import { wrapText } from './png';

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
