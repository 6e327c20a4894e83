import { describe, expect, it } from 'vitest';
import { pickHit } from './pointer';
import { LAYER, SRC } from './ids';

const hit = (layer: string, adcode: number, name = String(adcode)) => ({ layer: { id: layer }, properties: { adcode, name } });
const JIANGSU = 320000;

describe('pickHit', () => {
  const under = [hit(LAYER.districtFill, 320102, '玄武区'), hit(LAYER.cityFill, 320100, '南京市'), hit(LAYER.provinceFill, JIANGSU, '江苏省')];

  it('outside the focused province a pointer means the province', () => {
    expect(pickHit(under, null)).toEqual({ source: SRC.provinces, adcode: JIANGSU, name: '江苏省' });
    expect(pickHit(under, 330000)?.adcode).toBe(JIANGSU);
  });

  it('inside it, the deepest unit drawn: district, else city', () => {
    expect(pickHit(under, JIANGSU)).toEqual({ source: SRC.districts, adcode: 320102, name: '玄武区' });
    expect(pickHit(under.slice(1), JIANGSU)).toEqual({ source: SRC.cities, adcode: 320100, name: '南京市' });
  });

  it('a marker always wins; nothing without a province under the pointer', () => {
    expect(pickHit([hit(LAYER.markers, 320500, '苏州'), ...under], null)).toEqual({ source: SRC.markers, adcode: 320500, name: '苏州' });
    expect(pickHit([hit(LAYER.cityFill, 320100)], JIANGSU)).toBeNull();
    expect(pickHit([], null)).toBeNull();
  });
});
