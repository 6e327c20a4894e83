import { describe, expect, it } from 'vitest';
import { simplifyLine } from './simplify';

describe('simplifyLine', () => {
  it('drops points within the tolerance and keeps a corner beyond it', () => {
    const line: [number, number][] = [[0, 0], [1, 0.01], [2, -0.01], [3, 0], [3, 2], [3.01, 3], [3, 4]];
    expect(simplifyLine(line, 0.05)).toEqual([[0, 0], [3, 0], [3, 4]]);
    expect(simplifyLine(line, 0.005)).toEqual(line);
  });

  it('keeps a closed ring closed, and short lines as they are', () => {
    const ring: [number, number][] = [[0, 0], [1, 0], [1, 1], [0.5, 1.001], [0, 1], [0, 0]];
    const out = simplifyLine(ring, 0.01);
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(out).toHaveLength(5);
    expect(simplifyLine([[0, 0], [1, 1]], 1)).toEqual([[0, 0], [1, 1]]);
  });
});
