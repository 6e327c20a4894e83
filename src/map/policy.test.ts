import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../store/filters';
import { NONE, practiceSelection, regionSelection } from '../store/selection';
import { DEFAULT_STATE } from '../store/state';
import { cameraBelongs, mapCommands, type MapCommand, type PolicyContext, type PolicyState } from './policy';
import type { Bounds } from '../geometry/bounds';

const JIANGSU = 320000;
const CHONGQING = 500000;
const SUZHOU = 320500;
const BOUNDS = new Map<number, Bounds>([
  [JIANGSU, [116.3, 30.7, 121.9, 35.2]],
  [CHONGQING, [105.3, 28.2, 110.2, 32.2]],
  [SUZHOU, [119.9, 30.7, 121.4, 32.1]],
]);
// The deck of the tests: 0 national, 1 江苏, 2 a practice of 苏州, 3 重庆.
const SLIDES: number[][] = [[], [JIANGSU], [SUZHOU], [CHONGQING]];

const ctx: PolicyContext = {
  slideRegions: (s) => SLIDES[s.slide] ?? [],
  selectionRegion: (sel) => (sel.kind === 'region' ? sel.adcode : sel.kind === 'practice' ? SUZHOU : null),
  regionBounds: (a) => BOUNDS.get(a) ?? null,
};

function state(patch: Partial<PolicyState> = {}): PolicyState {
  return {
    filters: EMPTY_FILTERS,
    selection: NONE,
    mode: 'explore',
    compare: [],
    camera: null,
    slide: 0,
    theme: DEFAULT_STATE.theme,
    lang: DEFAULT_STATE.lang,
    breaksScope: DEFAULT_STATE.breaksScope,
    ...patch,
  };
}

const moves = (cmds: MapCommand[]) => cmds.filter((c) => c.type === 'frame' || c.type === 'jump');
const NATIONAL_FRAME = { type: 'frame', subject: { kind: 'national' } };

describe('mapCommands: the first application', () => {
  it('frames China without animation when there is no camera', () => {
    expect(moves(mapCommands(null, state(), ctx))).toEqual([{ ...NATIONAL_FRAME, animate: false }]);
  });

  it("keeps the explore view's own camera from the URL", () => {
    const camera = { lng: 116.4, lat: 40.2, zoom: 6.5 };
    expect(moves(mapCommands(null, state({ camera }), ctx))).toEqual([{ type: 'jump', camera }]);
  });

  it('drops a camera that does not belong: compare and briefing frame their subject (issue 13: a reload kept a bad compare camera)', () => {
    const camera = { lng: 104.5, lat: 35, zoom: 4.2 };
    expect(moves(mapCommands(null, state({ mode: 'compare', compare: [JIANGSU, CHONGQING], camera }), ctx))).toEqual([
      { ...NATIONAL_FRAME, animate: false },
    ]);
    expect(moves(mapCommands(null, state({ mode: 'briefing', slide: 1, camera }), ctx))).toEqual([
      { type: 'frame', subject: { kind: 'regions', adcodes: [JIANGSU] }, animate: false },
    ]);
  });

  it('drops a camera that is not on the selected region, and keeps one that is', () => {
    const elsewhere = { lng: 104.5, lat: 35, zoom: 4.2 };
    expect(moves(mapCommands(null, state({ selection: regionSelection(JIANGSU), camera: elsewhere }), ctx))).toEqual([
      { type: 'frame', subject: { kind: 'regions', adcodes: [JIANGSU] }, animate: false },
    ]);
    const onJiangsu = { lng: 119.5, lat: 33, zoom: 7 };
    expect(cameraBelongs(state({ selection: regionSelection(JIANGSU), camera: onJiangsu }), ctx)).toBe(true);
  });

  it('sets counts, comparison outlines, label sizes and the highlight', () => {
    const cmds = mapCommands(null, state({ mode: 'briefing', slide: 2 }), ctx);
    expect(cmds).toContainEqual({ type: 'counts' });
    expect(cmds).toContainEqual({ type: 'compare', provinces: [] });
    expect(cmds).toContainEqual({ type: 'labels', briefing: true });
    expect(cmds).toContainEqual({ type: 'highlight', adcode: SUZHOU });
  });
});

describe('mapCommands: entering and stepping through the briefing', () => {
  it('from the normal screen: waits for the new layout, then flies to the national slide', () => {
    const prev = state({ camera: { lng: 104, lat: 35, zoom: 3.6 } });
    const cmds = mapCommands(prev, { ...prev, mode: 'briefing' }, ctx);
    const layout = cmds.findIndex((c) => c.type === 'layout');
    const frame = cmds.findIndex((c) => c.type === 'frame');
    expect(layout).toBeGreaterThanOrEqual(0);
    expect(frame).toBeGreaterThan(layout);
    expect(cmds[frame]).toEqual({ ...NATIONAL_FRAME, animate: true });
    expect(cmds).toContainEqual({ type: 'labels', briefing: true });
  });

  it('from a selected province: frames its slide, not the old camera', () => {
    const prev = state({ selection: regionSelection(JIANGSU), camera: { lng: 119.5, lat: 33, zoom: 7 } });
    const cmds = mapCommands(prev, { ...prev, mode: 'briefing', slide: 1 }, ctx);
    expect(moves(cmds)).toEqual([{ type: 'frame', subject: { kind: 'regions', adcodes: [JIANGSU] }, animate: true }]);
  });

  it('from compare mode: drops the outlines and frames the slide', () => {
    const prev = state({ mode: 'compare', compare: [JIANGSU, CHONGQING] });
    const cmds = mapCommands(prev, { ...prev, mode: 'briefing' }, ctx);
    expect(cmds).toContainEqual({ type: 'compare', provinces: [] });
    expect(moves(cmds)).toEqual([{ ...NATIONAL_FRAME, animate: true }]);
  });

  it('each new slide frames its places; the camera the map reports in between changes nothing', () => {
    const at1 = state({ mode: 'briefing', slide: 1 });
    const at2 = { ...at1, slide: 2 };
    expect(moves(mapCommands(at1, at2, ctx))).toEqual([{ type: 'frame', subject: { kind: 'regions', adcodes: [SUZHOU] }, animate: true }]);
    expect(mapCommands(at2, { ...at2, camera: { lng: 120.6, lat: 31.3, zoom: 8 } }, ctx)).toEqual([]);
  });

  it('leaving frames the selection again (or China)', () => {
    const inBriefing = state({ mode: 'briefing', slide: 3, selection: regionSelection(JIANGSU) });
    const cmds = mapCommands(inBriefing, { ...inBriefing, mode: 'explore', slide: 0 }, ctx);
    expect(cmds).toContainEqual({ type: 'labels', briefing: false });
    expect(moves(cmds)).toEqual([{ type: 'frame', subject: { kind: 'regions', adcodes: [JIANGSU] }, animate: true }]);
    const none = state({ mode: 'briefing', slide: 3 });
    expect(moves(mapCommands(none, { ...none, mode: 'explore', slide: 0 }, ctx))).toEqual([{ ...NATIONAL_FRAME, animate: true }]);
  });
});

describe('mapCommands: compare and explore', () => {
  it('compare mode frames China (every compared province whole, every other one in reach); adding one does not move the map', () => {
    const prev = state({ compare: [JIANGSU, CHONGQING], selection: regionSelection(JIANGSU) });
    const entered = { ...prev, mode: 'compare' as const };
    expect(moves(mapCommands(prev, entered, ctx))).toEqual([{ ...NATIONAL_FRAME, animate: true }]);
    const added = { ...entered, compare: [JIANGSU, CHONGQING, 110000] };
    const cmds = mapCommands(entered, added, ctx);
    expect(cmds).toContainEqual({ type: 'compare', provinces: [JIANGSU, CHONGQING, 110000] });
    expect(moves(cmds)).toEqual([]);
  });

  it('a new selection flies there; closing it leaves the view; 回到全国 frames China', () => {
    const camera = { lng: 104, lat: 35, zoom: 3.6 };
    const start = state({ camera });
    const selected = { ...start, selection: practiceSelection('1-1-1-1') };
    expect(moves(mapCommands(start, selected, ctx))).toEqual([
      { type: 'frame', subject: { kind: 'regions', adcodes: [SUZHOU] }, animate: true },
    ]);
    expect(mapCommands(start, selected, ctx)).toContainEqual({ type: 'highlight', adcode: SUZHOU });
    const closed = { ...selected, selection: NONE };
    expect(moves(mapCommands(selected, closed, ctx))).toEqual([]);
    expect(moves(mapCommands(closed, { ...closed, camera: null }, ctx))).toEqual([{ ...NATIONAL_FRAME, animate: true }]);
  });

  it('back/forward (a selection arriving with its camera) keeps that camera', () => {
    const start = state({ camera: { lng: 104, lat: 35, zoom: 3.6 } });
    const restored = { ...start, selection: regionSelection(JIANGSU), camera: { lng: 119.5, lat: 33, zoom: 7.2 } };
    expect(moves(mapCommands(start, restored, ctx))).toEqual([{ type: 'jump', camera: restored.camera }]);
  });

  it("the map's own camera report is no move (the controller skips a jump to where it is)", () => {
    const s = state({ camera: { lng: 104, lat: 35, zoom: 3.6 } });
    const moved = { ...s, camera: { lng: 110, lat: 30, zoom: 5 } };
    expect(moves(mapCommands(s, moved, ctx))).toEqual([{ type: 'jump', camera: moved.camera }]);
  });

  it('a theme change only repaints, a filter change only recounts', () => {
    const s = state();
    expect(mapCommands(s, { ...s, theme: 'dark' }, ctx)).toEqual([{ type: 'theme', theme: 'dark' }]);
    expect(mapCommands(s, { ...s, filters: { ...EMPTY_FILTERS, q: '苏州' } }, ctx)).toEqual([{ type: 'counts' }]);
    expect(mapCommands(s, { ...s, breaksScope: 'filtered' }, ctx)).toEqual([{ type: 'counts' }]);
  });
});

describe('language', () => {
  it('relabels the map controls when the interface language changes, and only then', () => {
    expect(mapCommands(state(), state({ lang: 'en' }), ctx)).toContainEqual({ type: 'locale', lang: 'en' });
    expect(mapCommands(state(), state({ theme: 'dark' }), ctx).some((c) => c.type === 'locale')).toBe(false);
  });
});
