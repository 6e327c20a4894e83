import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDetail, warmDetail, type GeoBundle } from './load';

const topo = (province: number) =>
  JSON.stringify({
    type: 'Topology',
    arcs: [],
    objects: {
      provinces: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [], properties: { adcode: province, province } }] },
      cities: { type: 'GeometryCollection', geometries: [] },
    },
  });

function geo(provinces: number[]): GeoBundle {
  return {
    lod: {
      levels: [{ level: 1, minZoom: 4.5, maxZoom: 7, px: 1, path: 'lod/1/' }],
      provinces: provinces.map((adcode) => ({ adcode, bbox: [0, 0, 1, 1] as [number, number, number, number], districts: false })),
    },
  } as unknown as GeoBundle;
}

afterEach(() => vi.unstubAllGlobals());

describe('warmDetail', () => {
  it("fetches every province's first level once, a few at a time; a view then parses it without fetching again", async () => {
    const asked: string[] = [];
    let inFlight = 0;
    let most = 0;
    vi.stubGlobal('fetch', async (path: string) => {
      asked.push(path);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      const p = Number(/(\d+)\.topo/.exec(path)![1]);
      return { ok: true, status: 200, text: async () => topo(p), json: async () => JSON.parse(topo(p)) };
    });
    const g = geo([910001, 910002, 910003, 910004, 910005]);
    await warmDetail(g, 2);
    expect(asked.sort()).toEqual([1, 2, 3, 4, 5].map((i) => `geo/lod/1/91000${i}.topo.json`));
    expect(most).toBe(2);
    const slice = await loadDetail(g, 1, 910003);
    expect(slice?.provinces.features[0]?.properties.adcode).toBe(910003);
    expect(asked).toHaveLength(5);
  });

  it('skips a file a view asked for after the warm-up began (the briefing\'s next slide): fetched once', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (path: string) => {
      asked.push(path);
      await new Promise((r) => setTimeout(r, 1));
      const p = Number(/(\d+)\.topo/.exec(path)![1]);
      return { ok: true, status: 200, text: async () => topo(p), json: async () => JSON.parse(topo(p)) };
    });
    const g = geo([930001, 930002, 930003]);
    const warming = warmDetail(g, 1);
    const viewed = loadDetail(g, 1, 930003); // asked for while 930001 is on its way
    await Promise.all([warming, viewed]);
    expect(asked.sort()).toEqual([1, 2, 3].map((i) => `geo/lod/1/93000${i}.topo.json`));
  });

  it('a file that failed ahead is fetched again when a view asks for it', async () => {
    let fail = true;
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (path: string) => {
      asked.push(path);
      if (fail) return { ok: false, status: 503, text: async () => '', json: async () => ({}) };
      return { ok: true, status: 200, text: async () => topo(920001), json: async () => JSON.parse(topo(920001)) };
    });
    const g = geo([920001]);
    await warmDetail(g);
    fail = false;
    expect((await loadDetail(g, 1, 920001))?.province).toBe(920001);
    expect(asked).toHaveLength(2);
  });
});
