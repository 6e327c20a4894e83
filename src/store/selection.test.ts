import { describe, expect, it } from 'vitest';
import {
  NONE,
  isNone,
  practiceSelection,
  regionSelection,
  selectedPracticeId,
  selectedRegion,
  selectionEquals,
} from './selection';

describe('selectionEquals', () => {
  it('treats two none selections as equal', () => {
    expect(selectionEquals(NONE, { kind: 'none' })).toBe(true);
  });

  it('compares regions by adcode, not identity', () => {
    expect(selectionEquals(regionSelection(370700), { kind: 'region', adcode: 370700 })).toBe(true);
    expect(selectionEquals(regionSelection(370700), regionSelection(370000))).toBe(false);
  });

  it('compares practices by id', () => {
    expect(selectionEquals(practiceSelection('1-1-1-2'), { kind: 'practice', id: '1-1-1-2' })).toBe(true);
    expect(selectionEquals(practiceSelection('1-1-1-2'), practiceSelection('1-1-1-3'))).toBe(false);
  });

  it('never equates different kinds', () => {
    expect(selectionEquals(NONE, regionSelection(370700))).toBe(false);
    expect(selectionEquals(regionSelection(370700), practiceSelection('370700'))).toBe(false);
  });
});

describe('selection helpers', () => {
  it('NONE is frozen', () => {
    expect(Object.isFrozen(NONE)).toBe(true);
    expect(isNone(NONE)).toBe(true);
  });

  it('read the region or practice out of a selection', () => {
    expect(selectedRegion(regionSelection(500000))).toBe(500000);
    expect(selectedRegion(practiceSelection('1-1-1-1'))).toBeNull();
    expect(selectedPracticeId(practiceSelection('1-1-1-1'))).toBe('1-1-1-1');
    expect(selectedPracticeId(NONE)).toBeNull();
  });
});
