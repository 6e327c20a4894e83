// The held picture, with a fake map: the painter's render is skipped while a jump is coming or its view is
// incomplete (or MapLibre has just placed new labels), and drawn again once it is complete, cancelled or too late;
// while the new view's tiles load, no frames are even asked for until the last one is there.
import { describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { FrameHold } from './frameHold';

function fakeMap() {
  const drawn: number[] = [];
  let frame = 0;
  /** Frames MapLibre would have asked the browser for. */
  const frames = vi.fn();
  const handlers = new Map<string, ((e: object) => void)[]>();
  const map = {
    tilesLoaded: true,
    _placementDirty: false,
    painter: { render: () => void drawn.push(++frame) },
    areTilesLoaded() {
      return this.tilesLoaded;
    },
    sourcesLoaded: true,
    isStyleLoaded() {
      return this.sourcesLoaded;
    },
    triggerRepaint: frames,
    on(type: string, fn: (e: object) => void) {
      handlers.set(type, [...(handlers.get(type) ?? []), fn]);
    },
    fire(type: string, e: object = { tile: {} }) {
      for (const fn of handlers.get(type) ?? []) fn(e);
    },
  };
  const hold = new FrameHold(map as unknown as MlMap);
  return { map, hold, drawn, frames, render: () => map.painter.render() };
}

describe('FrameHold', () => {
  it('draws every frame when nothing is held', () => {
    const { render, drawn } = fakeMap();
    render();
    render();
    expect(drawn).toEqual([1, 2]);
  });

  it('holds from begin() until the jump has happened and every tile of the view is there, then draws once', () => {
    const { map, hold, render, drawn, frames } = fakeMap();
    hold.begin();
    render(); // the highlight, before the jump
    expect(drawn).toEqual([]);
    map.tilesLoaded = false;
    hold.moved();
    expect(frames).toHaveBeenCalled();
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

  it('asks for no frames while the new view\'s tiles load, and for one when the last has arrived', () => {
    const { map, hold, render, drawn, frames } = fakeMap();
    hold.begin();
    map.tilesLoaded = false;
    hold.moved();
    render(); // this frame asked for the tiles
    frames.mockClear();
    map.triggerRepaint(); // a batch of tiles arrived: MapLibre asks for a frame
    map.fire('sourcedata');
    expect(frames).not.toHaveBeenCalled();
    map.tilesLoaded = true;
    map.fire('sourcedata'); // the last tile
    expect(frames).toHaveBeenCalledTimes(1);
    render();
    expect(drawn).toEqual([1]);
    map.triggerRepaint();
    expect(frames).toHaveBeenCalledTimes(2); // not held any more: frames as usual
  });

  it('waits for sources whose data is still on its way to a worker (they have no tiles yet)', () => {
    const { map, hold, render, drawn, frames } = fakeMap();
    hold.begin();
    map.sourcesLoaded = false;
    hold.moved();
    render();
    expect(drawn).toEqual([]);
    frames.mockClear();
    map.fire('sourcedata', {}); // a source has its data: a frame asks for its tiles
    expect(frames).toHaveBeenCalledTimes(1);
    map.tilesLoaded = false;
    render();
    expect(drawn).toEqual([]);
    frames.mockClear();
    map.fire('sourcedata'); // a tile, not the last
    expect(frames).not.toHaveBeenCalled();
    map.sourcesLoaded = true;
    map.tilesLoaded = true;
    map.fire('sourcedata');
    expect(frames).toHaveBeenCalledTimes(1);
    render();
    expect(drawn).toEqual([1]);
  });

  it('is never quiet past the hold\'s limit, and a new jump or a flight wakes it', () => {
    vi.useFakeTimers();
    try {
      const { map, hold, render, frames } = fakeMap();
      hold.begin();
      map.tilesLoaded = false;
      hold.moved();
      render();
      frames.mockClear();
      map.triggerRepaint();
      expect(frames).not.toHaveBeenCalled();
      vi.advanceTimersByTime(2100); // a tile that never answers
      expect(frames).toHaveBeenCalledTimes(1);

      hold.begin();
      hold.moved();
      render();
      frames.mockClear();
      hold.begin(); // the next slide before this one's tiles are all there
      map.triggerRepaint();
      expect(frames).toHaveBeenCalled();
      hold.moved();
      render();
      frames.mockClear();
      hold.cancel();
      expect(frames).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a map without the painter it expects alone (another MapLibre version)', () => {
    expect(() => new FrameHold({} as unknown as MlMap)).not.toThrow();
  });
});
