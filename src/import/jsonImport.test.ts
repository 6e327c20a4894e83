import { describe, expect, it } from 'vitest';
import { readDatasetJson, syntaxErrorOffset, syntaxLocation } from './jsonImport';

describe('syntaxErrorOffset', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const t of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0']) {
      expect(() => JSON.parse(t)).not.toThrow();
      expect(syntaxErrorOffset(t)).toBe(-1);
    }
  });

  it('points at the first offending character, as line and column', () => {
    expect(syntaxErrorOffset('{"a": 1,}')).toBe(8);
    expect(syntaxLocation('{\n  "a": [1 2]\n}')).toEqual({ line: 2, column: 11 });
    expect(syntaxLocation('{"a": "unterminated')).toEqual({ line: 1, column: 20 });
    expect(syntaxLocation('{"a": 1} x')).toEqual({ line: 1, column: 10 });
    expect(syntaxLocation("{'a': 1}")).toEqual({ line: 1, column: 2 });
  });
});

describe('deep nesting', () => {
  // 10,000 levels overflowed a browser worker's stack; Node's is larger, so the tests nest 100,000 deep.
  it('gives a position for a 100,000-level nesting, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    expect(syntaxErrorOffset(deep)).toBe(deep.length);
    const deepObj = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + 'x';
    expect(syntaxLocation(deepObj)).toEqual({ line: 1, column: deepObj.length });
    expect(syntaxErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBe(-1);
  });

  it('says where in the message, for the dialog', () => {
    const r = readDatasetJson('['.repeat(100_000), new Map());
    expect(r.ok).toBe(false);
    const msg = r.ok ? '' : r.problems[0]!.message;
    expect(msg).toMatch(/line 1, column 100001/);
    expect(msg).not.toMatch(/call stack/);
  });

  it('agrees with the recursive reading on mixed input', () => {
    for (const t of ['{"a":[1,{"b":[]},{}],"c":{"d":null}}', '[1,[2,[3]],{"x":[{"y":1}]}]', '{"a":[1,}', '[{"a" 1}]', '[1,2,]', '{"a":1,"b"}', '{,}', '[', '{"a":{"b":[', '  ']) {
      let ok = true;
      try {
        JSON.parse(t);
      } catch {
        ok = false;
      }
      expect(syntaxErrorOffset(t) === -1, t).toBe(ok);
    }
    expect(syntaxErrorOffset('{"a":[1,}')).toBe(8);
    expect(syntaxErrorOffset('[1,2,]')).toBe(5);
    expect(syntaxErrorOffset('{"a":1,"b"}')).toBe(10);
  });
});
