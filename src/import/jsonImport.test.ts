import { describe, expect, it } from 'vitest';
import { syntaxErrorOffset, syntaxLocation } from './jsonImport';

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
