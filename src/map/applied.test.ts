import { describe, expect, it } from 'vitest';
import { AppliedState, type MapSink } from './applied';

function fakeSink() {
  const calls: string[] = [];
  const sink: MapSink = {
    setData: (s, d) => void calls.push(`data ${s} ${d.features.length}`),
    updateData: (s, d) => void calls.push(`update ${s} -${d.remove.join(',')} +${d.add.map((f) => f.id).join(',')}`),
    setFeatureState: (t, st) => calls.push(`state ${t.source}/${t.id} ${JSON.stringify(st)}`),
    setLayoutProperty: (l, p, v) => calls.push(`layout ${l} ${p} ${JSON.stringify(v)}`),
    setPaintProperty: (l, p, v) => calls.push(`paint ${l} ${p} ${JSON.stringify(v)}`),
    setFilter: (l, f) => calls.push(`filter ${l} ${JSON.stringify(f)}`),
    setLayerZoomRange: (l, a, b) => calls.push(`zoom ${l} ${a}-${b}`),
  };
  return { sink, calls };
}
const EMPTY = { type: 'FeatureCollection' as const, features: [] };

describe('AppliedState', () => {
  it('sends only the feature-state keys whose value changed', () => {
    const { sink, calls } = fakeSink();
    const a = new AppliedState(sink);
    expect(a.featureState({ source: 'p', id: 1 }, { count: 3, ramp: 1 })).toBe(true);
    expect(a.featureState({ source: 'p', id: 1 }, { count: 3, ramp: 1 })).toBe(false);
    expect(a.featureState({ source: 'p', id: 1 }, { count: 4, ramp: 1 })).toBe(true);
    expect(calls).toEqual(['state p/1 {"count":3,"ramp":1}', 'state p/1 {"count":4}']);
  });

  it('skips a layout, paint or filter value the map already has, including one the style was built with', () => {
    const { sink, calls } = fakeSink();
    const a = new AppliedState(sink);
    a.assume('layout', 'hl', 'visibility', 'none');
    a.assume('paint', 'fill', 'fill-color', ['get', 'c']);
    a.assumeFilter('f', ['==', 1, 1]);
    expect(a.layoutProperty('hl', 'visibility', 'none')).toBe(false);
    expect(a.paintProperty('fill', 'fill-color', ['get', 'c'])).toBe(false);
    expect(a.filter('f', ['==', 1, 1])).toBe(false);
    expect(a.zoomRange('l', 0, 24)).toBe(true);
    expect(a.zoomRange('l', 0, 24)).toBe(false);
    a.layoutProperty('hl', 'visibility', 'visible');
    expect(calls).toEqual(['zoom l 0-24', 'layout hl visibility "visible"']);
  });

  it('while the context is lost it only records; replay puts everything back, feature state last', () => {
    const { sink, calls } = fakeSink();
    const a = new AppliedState(sink);
    a.assume('paint', 'fill', 'fill-color', 'red');
    a.setData('p', EMPTY);
    a.featureState({ source: 'p', id: 1 }, { count: 3 });
    a.live = false;
    a.featureState({ source: 'p', id: 1 }, { selected: true });
    a.filter('f', ['==', 2, 2]);
    a.layoutProperty('hl', 'visibility', 'visible');
    expect(calls).toHaveLength(2);
    calls.length = 0;
    a.replay();
    expect(a.live).toBe(true);
    expect(calls).toEqual([
      'data p 0',
      'paint fill fill-color "red"',
      'layout hl visibility "visible"',
      'filter f ["==",2,2]',
      'state p/1 {"count":3,"selected":true}',
    ]);
  });

  it('forgets the feature state of a source whose data was replaced, so that it is set again', () => {
    const { sink, calls } = fakeSink();
    const a = new AppliedState(sink);
    a.featureState({ source: 'm', id: 5 }, { count: 1 });
    a.featureState({ source: 'p', id: 5 }, { count: 1 });
    a.forgetFeatureStates('m');
    expect(a.featureStates('m')).toEqual([]);
    expect(a.featureStates('p')).toHaveLength(1);
    expect(a.featureState({ source: 'm', id: 5 }, { count: 1 })).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('sends a source only the features that changed, by identity, and replays the whole data', () => {
    const { sink, calls } = fakeSink();
    const a = new AppliedState(sink);
    const f = (id: number) => ({ type: 'Feature' as const, id, properties: { adcode: id }, geometry: { type: 'Point' as const, coordinates: [0, 0] } });
    const [one, two, three, twoFiner] = [f(1), f(2), f(3), f(2)];
    const id = (x: { properties: unknown }) => (x.properties as { adcode: number }).adcode;
    a.patchData('c', { type: 'FeatureCollection', features: [one, two] }, id);
    // Nothing changed: nothing sent. One feature swapped, one gone, one new: only those.
    a.patchData('c', { type: 'FeatureCollection', features: [one, two] }, id);
    a.patchData('c', { type: 'FeatureCollection', features: [twoFiner, three] }, id);
    a.live = false;
    a.replay();
    expect(calls).toEqual(['data c 2', 'update c -1 +2,3', 'data c 2']);
  });
});

describe('patchData, awaited', () => {
  it("resolves with the map's own promise (the worker has the change), at once when nothing changed or the context is lost", async () => {
    let resolveUpdate: () => void = () => undefined;
    const order: string[] = [];
    const { sink } = fakeSink();
    const state = new AppliedState({
      ...sink,
      setData: () => Promise.resolve(),
      updateData: () => new Promise<void>((r) => (resolveUpdate = () => (order.push('worker'), r()))),
    });
    const fc = (ids: number[]) => ({ type: 'FeatureCollection' as const, features: ids.map((id) => ({ type: 'Feature' as const, id, properties: {}, geometry: { type: 'Point' as const, coordinates: [id, 0] } })) });
    const id = (f: { id?: string | number }) => Number(f.id);
    await state.patchData('s', fc([1]), id);
    const two = fc([1, 2]);
    const sent = state.patchData('s', two, id);
    void Promise.resolve(sent).then(() => order.push('awaited'));
    await Promise.resolve();
    expect(order).toEqual([]);
    resolveUpdate();
    await sent;
    expect(order).toEqual(['worker', 'awaited']);
    expect(state.patchData('s', { ...two, features: [...two.features] }, id)).toBeUndefined();
    state.live = false;
    expect(state.patchData('s', fc([3]), id)).toBeUndefined();
  });
});
