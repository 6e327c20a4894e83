// Swapping the boundary source: any directory of DataV's shape, described by its own source.json.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildAll } from './build-core';
import { loadSource, loadSourceInfo } from './load-source';

function square(props: Record<string, unknown>, w: number, s: number, size: number): Feature {
  return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]] } };
}

function fc(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** A tiny source of DataV's shape: one province of two cities (one with two districts), and ten dashes. */
function createSourceDir(withInfo: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'geo-source-'));
  mkdirSync(join(dir, 'province'));
  mkdirSync(join(dir, 'citys'));
  const dashes = Array.from({ length: 10 }, (_, i) => [[[112 + i * 0.3, 5], [112.1 + i * 0.3, 5], [112.1 + i * 0.3, 5.5], [112 + i * 0.3, 5.5], [112 + i * 0.3, 5]]]);
  writeFileSync(join(dir, 'china.json'), JSON.stringify(fc([
    square({ adcode: '130000', name: '测试省' }, 110, 20, 2),
    { type: 'Feature', properties: { adcode: '100000', adchar: 'JD' }, geometry: { type: 'MultiPolygon', coordinates: dashes } },
  ])));
  writeFileSync(join(dir, 'province/130000.json'), JSON.stringify(fc([square({ adcode: 130100 }, 110, 20, 1), square({ adcode: 130200 }, 111, 20, 1)])));
  writeFileSync(join(dir, 'citys/130100.json'), JSON.stringify(fc([square({ adcode: 130102 }, 110, 20, 0.5), square({ adcode: 130103 }, 110.5, 20, 0.5)])));
  const loc = (adcode: number, name: string, level: string, parent: number, center: [number, number]) => ({ adcode, name, level, center, parent: { adcode: parent } });
  writeFileSync(join(dir, 'location.json'), JSON.stringify({
    100000: { adcode: 100000, name: '全国', level: 'country', center: [116, 40], parent: { adcode: null } },
    130000: loc(130000, '测试省', 'province', 100000, [110.5, 20.5]),
    130100: loc(130100, '甲市', 'city', 130000, [110.5, 20.5]),
    130200: loc(130200, '乙市', 'city', 130000, [111.5, 20.5]),
    130102: loc(130102, '东区', 'district', 130100, [110.2, 20.2]),
    130103: loc(130103, '西区', 'district', 130100, [110.7, 20.2]),
  }));
  if (withInfo) {
    writeFileSync(join(dir, 'source.json'), JSON.stringify({ source: 'Licensed standard map', snapshotDate: '2025-01-01', attribution: { zh: '审图号：GS(2025)0000号', en: 'Standard map GS(2025)0000' } }));
  }
  return dir;
}

describe('another boundary source', () => {
  it('needs a source.json, so that it is never credited to DataV', () => {
    expect(() => loadSourceInfo(createSourceDir(false))).toThrow(/source\.json/);
  });

  it('builds from files of the same shape and credits them in meta.json', async () => {
    const dir = createSourceDir(true);
    const { files, report } = await buildAll(loadSource(dir), loadSourceInfo(dir));
    const file = (p: string) => files.find(([path]) => path === p)?.[1] ?? '';
    expect(report.counts).toMatchObject({ provinces: 1, cities: 2, dashParts: 10, districtFiles: 1, districts: 3 });
    const meta = JSON.parse(file('meta.json')) as { source: string; attribution: { zh: string } };
    expect(meta.source).toBe('Licensed standard map');
    expect(meta.attribution.zh).toContain('审图号');
    expect(JSON.parse(file('lod/index.json')).provinces.map((p: { adcode: number; districts: boolean }) => [p.adcode, p.districts])).toEqual([[130000, true]]);
    // 乙市 has no citys file: it is in the district layer as itself.
    const d = JSON.parse(file('lod/1/130000.topo.json')) as { objects: { districts: { geometries: { properties: { adcode: number; city: number } }[] } } };
    expect(d.objects.districts.geometries.map((g) => [g.properties.adcode, g.properties.city])).toEqual([[130102, 130100], [130103, 130100], [130200, 130200]]);
  });

  it('fails loudly, naming the file, on a code the gazetteer does not have', async () => {
    const dir = createSourceDir(true);
    writeFileSync(join(dir, 'province/130000.json'), JSON.stringify(fc([square({ adcode: 130900 }, 110, 20, 1)])));
    await expect(buildAll(loadSource(dir), loadSourceInfo(dir))).rejects.toThrow(/province\/130000\.json feature 0: adcode 130900/);
  });
});
