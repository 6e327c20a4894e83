import { describe, expect, it } from 'vitest';
import { TileSweep } from './tileSweep';

function fakeMap(ids: string[]) {
  const calls: string[] = [];
  const tileManagers = Object.fromEntries(
    ids.map((id) => [id, { clearTiles: () => calls.push(`clear ${id}`), pause: () => calls.push(`pause ${id}`) }]),
  );
  return { map: { style: { tileManagers } }, calls };
}

describe('TileSweep', () => {
  it('clears and pauses the changed sources before a jump to another tile zoom, and clears them again once moved', () => {
    const { map, calls } = fakeMap(['a', 'b']);
    const sweep = new TileSweep(map);
    sweep.arm(6.54, 7.9);
    sweep.sweep(['a', 'b', 'missing']);
    expect(calls).toEqual(['clear a', 'pause a', 'clear b', 'pause b']);
    sweep.release();
    expect(calls.slice(4)).toEqual(['clear a', 'clear b']);
    // Released: a later update sweeps nothing until armed again.
    sweep.sweep(['a']);
    expect(calls).toHaveLength(6);
  });

  it('keeps the tiles when the jump stays on the same tile zoom (the new view shares them), or when not armed', () => {
    const { map, calls } = fakeMap(['a']);
    const sweep = new TileSweep(map);
    sweep.sweep(['a']);
    sweep.arm(7.1, 7.9);
    sweep.sweep(['a']);
    sweep.release();
    expect(calls).toEqual([]);
  });

  it('does nothing on a map without tile managers (another MapLibre, or a lost context)', () => {
    const sweep = new TileSweep({ style: null });
    sweep.arm(3, 7);
    expect(() => (sweep.sweep(['a']), sweep.release())).not.toThrow();
  });
});
