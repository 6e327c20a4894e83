import { describe, expect, it } from 'vitest';
import { batchCitation, practiceCitation, practiceCitationParts, sourceLines } from './citation';
import { itemNumber } from './places';
import type { Batch } from '../types';
import { createPractice as createPracticeWith, type PracticeSpec } from '../store/test-helpers';

function createBatch(over: Partial<Batch> = {}): Batch {
  return {
    id: 1,
    title: '实施城市更新行动可复制经验做法清单（第一批）',
    issuer: '住房和城乡建设部办公厅',
    date: '2022-11',
    file: 'data/sources/x.txt',
    taxonomy: [],
    ...over,
  };
}

/** Item 二（一）1 from source line 63, no actors. */
const createPractice = (over: PracticeSpec = {}) =>
  createPracticeWith({ mech: 2, meas: 1, item: 1, headline: 'h', text: 'h', source: { file: 'f', lines: [63, 63] }, actors: [], ...over });

describe('citation', () => {
  it('cites a practice as officials do', () => {
    expect(practiceCitation(createBatch(), createPractice(), 'zh')).toBe(
      '住房和城乡建设部办公厅《实施城市更新行动可复制经验做法清单（第一批）》（2022年11月），序号 二（一）1',
    );
  });

  it('adds the 文号 and an exact date only when the batch carries them', () => {
    const b = createBatch({ docNumber: '建办科函〔2022〕999号', date: '2022-11-25' });
    expect(batchCitation(b, 'zh')).toBe('住房和城乡建设部办公厅《实施城市更新行动可复制经验做法清单（第一批）》（建办科函〔2022〕999号，2022年11月25日）');
    expect(batchCitation(createBatch(), 'zh')).not.toContain('号');
  });

  it('reads in English with the Chinese title kept', () => {
    expect(practiceCitation(createBatch(), createPractice(), 'en')).toBe(
      '住房和城乡建设部办公厅, 实施城市更新行动可复制经验做法清单（第一批） (November 2022), item 二（一）1',
    );
  });

  it('still names the batch when it is unknown', () => {
    expect(practiceCitation(undefined, createPractice({ batch: 7 }), 'zh')).toBe('第 7 批，序号 二（一）1');
  });

  it('numbers the item as the table does', () => {
    expect(itemNumber(createPractice({ item: 3 }))).toBe('二（一）3');
  });
});

describe('sourceLines', () => {
  it('names one line without a range', () => {
    expect(sourceLines([63, 63], 'zh')).toBe('原文第 63 行');
    expect(sourceLines([63, 63], 'en')).toBe('source line 63');
  });

  it('names a range with an en dash', () => {
    expect(sourceLines([63, 65], 'zh')).toBe('原文第 63–65 行');
    expect(sourceLines([63, 65], 'en')).toBe('source lines 63–65');
  });
});

describe('citation parts', () => {
  it('marks the Chinese data apart from the English words', () => {
    const parts = practiceCitationParts(createBatch({ docNumber: '建办科函〔2022〕999号' }), createPractice(), 'en');
    expect(parts.filter((x) => x.data).map((x) => x.text)).toEqual([
      '住房和城乡建设部办公厅, 实施城市更新行动可复制经验做法清单（第一批）',
      '建办科函〔2022〕999号',
      '二（一）1',
    ]);
    expect(parts.map((x) => x.text).join('')).toBe(
      '住房和城乡建设部办公厅, 实施城市更新行动可复制经验做法清单（第一批） (建办科函〔2022〕999号, November 2022), item 二（一）1',
    );
  });
});
