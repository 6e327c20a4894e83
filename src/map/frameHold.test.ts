// The held picture, with a fake map: the painter's render is skipped while a jump is coming or its view is
// incomplete (or MapLibre has just placed new labels), and drawn again once it is complete, cancelled or too late.
import { describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { FrameHold } from './frameHold';

function fakeMap() {
  const drawn: number[] = [];
  let frame = 0;
  const map = {
    tilesLoaded: true,
    _placementDirty: false,
    painter: { render: () => void drawn.push(++frame) },
    areTilesLoaded() {
      return this.tilesLoaded;
    },
    triggerRepaint: vi.fn(),
  };
  const hold = new FrameHold(map as unknown as MlMap);
  return { map, hold, drawn, render: () => map.painter.render() };
}

describe('FrameHold', () => {
  it('draws every frame when nothing is held', () => {
    const { render, drawn } = fakeMap();
    render();
    render();
    expect(drawn).toEqual([1, 2]);
  });

  it('holds from begin() until the jump has happened and every tile of the view is there, then draws once', () => {
    const { map, hold, render, drawn } = fakeMap();
    hold.begin();
    render(); // the highlight, before the jump
    expect(drawn).toEqual([]);
    map.tilesLoaded = false;
    hold.moved();
    expect(map.triggerRepaint).toHaveBeenCalled();
    render(); // tiles still being cut
    expect(drawn).toEqual([]);
    map.tilesLoaded = true;
    map._placementDirty = true;
    render(); // complete, but new labels were just placed: MapLibre draws a follow-up frame
    expect(drawn).toEqual([]);
    map._placementDirty = false;
    render();
    render();
    expect(drawn).toEqual([1, 2]);
  });

  it('never holds past its limit, and a flight cancels it', () => {
    const { map, hold, render, drawn } = fakeMap();
    const now = vi.spyOn(performance, 'now');
    try {
      now.mockReturnValue(1000);
      hold.begin();
      map.tilesLoaded = false;
      render();
      expect(drawn).toEqual([]);
      now.mockReturnValue(1000 + 2001);
      render(); // a file that never arrives must not leave a stale map
      expect(drawn).toHaveLength(1);
    } finally {
      now.mockRestore();
    }
    hold.begin();
    hold.cancel();
    render();
    expect(drawn).toHaveLength(2);
  });

  it('leaves a map without the painter it expects alone (another MapLibre version)', () => {
    expect(() => new FrameHold({} as unknown as MlMap)).not.toThrow();
  });
});
