import { describe, expect, it } from 'vitest';
import { levelLabel, provincialType } from './levels';

describe('levelLabel', () => {
  it('words a whole provincial unit by its type', () => {
    expect(levelLabel('province', 320000, 'zh')).toBe('全省'); // 江苏省
    expect(levelLabel('province', 110000, 'zh')).toBe('全市'); // 北京市
    expect(levelLabel('province', 500000, 'zh')).toBe('全市'); // 重庆市
    expect(levelLabel('province', 450000, 'zh')).toBe('全区'); // 广西壮族自治区
    expect(levelLabel('province', 810000, 'zh')).toBe('全区'); // 香港特别行政区
    expect(levelLabel('province', 710000, 'zh')).toBe('全省'); // 台湾省
  });

  it('words cities and districts the same in every province', () => {
    expect(levelLabel('city', 320000, 'zh')).toBe('地市级');
    expect(levelLabel('district', 500000, 'zh')).toBe('区县级');
    expect(levelLabel('district', 370000, 'en')).toBe('District / county level');
  });

  it('has English wording', () => {
    expect(levelLabel('province', 110000, 'en')).toBe('Municipality-wide');
    expect(levelLabel('province', 650000, 'en')).toBe('Region-wide');
    expect(levelLabel('province', 330000, 'en')).toBe('Province-wide');
  });

  it('knows the four municipalities, five autonomous regions and two SARs', () => {
    const all = [110000, 120000, 310000, 500000, 150000, 450000, 540000, 640000, 650000, 810000, 820000];
    expect(all.map(provincialType)).toEqual([
      ...Array(4).fill('municipality'),
      ...Array(5).fill('autonomousRegion'),
      'sar',
      'sar',
    ]);
  });
});
