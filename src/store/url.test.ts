import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from './filters';
import { NONE } from './selection';
import { createAtlasStore } from './store';
import { rng } from './test-helpers';
import {
  DEFAULT_URL_STATE,
  type KnownOptions,
  type UrlState,
  decodeSearch,
  decodeState,
  encodeState,
  historyAction,
  searchOf,
  urlStateOf,
  withDefaults,
} from './url';

const state = (s: Partial<UrlState> = {}): UrlState => ({ ...DEFAULT_URL_STATE, ...s });
const filters = (f: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...f });
const roundTrip = (s: UrlState) => withDefaults(decodeState(new URLSearchParams(encodeState(s).toString())).state);

const KNOWN: KnownOptions = {
  batches: new Set([1, 2]),
  mechanisms: new Set(['1-1', '1-2', '2-1']),
  measures: new Set(['1-1-1', '1-1-2', '2-1-1']),
  themes: new Set(['组织机制', '资金保障']),
};

describe('encodeState', () => {
  it('writes nothing for the default state', () => {
    expect(encodeState(DEFAULT_URL_STATE).toString()).toBe('');
    expect(searchOf(DEFAULT_URL_STATE)).toBe('');
  });

  it('writes only what differs from the defaults, with the documented keys', () => {
    const p = encodeState(
      state({ filters: filters({ batches: [1, 2], levels: ['city', 'district'] }), selection: { kind: 'region', adcode: 370700 } }),
    );
    expect([...p.keys()]).toEqual(['b', 'lv', 'sel']);
    expect(p.get('b')).toBe('1,2');
    expect(p.get('lv')).toBe('city,district');
    expect(p.get('sel')).toBe('r:370700');
  });

  it('rounds the camera to 4/4/2 decimals without trailing zeros', () => {
    expect(encodeState(state({ camera: { lng: 118.796877, lat: 32.060255, zoom: 7.5012 } })).get('cam')).toBe(
      '118.7969,32.0603,7.5',
    );
  });

  it('trims the query and leaves a blank one out', () => {
    expect(encodeState(state({ filters: filters({ q: ' 江苏 ' }) })).get('q')).toBe('江苏');
    expect(encodeState(state({ filters: filters({ q: '  ' }) })).has('q')).toBe(false);
  });
});

describe('round trip decode(encode(s)) == s', () => {
  const cases: [string, UrlState][] = [
    ['default', state()],
    ['batches', state({ filters: filters({ batches: [1, 2, 1000] }) })],
    ['taxonomy', state({ filters: filters({ mechanisms: ['1-1', '1-3'], measures: ['1-2-3', '2-10-1'] }) })],
    ['themes', state({ filters: filters({ themes: ['组织机制', '资金保障'] }) })],
    ['batch 1000 and mechanism 10 in numeric order', state({ filters: filters({ batches: [2, 1000], mechanisms: ['1-9', '1-10'] }) })],
    ['levels', state({ filters: filters({ levels: ['province', 'district'] }) })],
    ['Chinese query with spaces', state({ filters: filters({ q: '江苏 老旧小区\u3000改造' }) })],
    ['query with commas, ampersands and plus', state({ filters: filters({ q: '资金,土地 a&b=c+d %2C' }) })],
    ['theme key with a comma and a percent', state({ filters: filters({ themes: ['%2C', '50%', 'a,b'] }) })],
    ['region selection', state({ selection: { kind: 'region', adcode: 500107 } })],
    ['practice selection', state({ selection: { kind: 'practice', id: '1-1-1-2' } })],
    ['compare mode', state({ mode: 'compare', compare: [320000, 500000, 110000, 440000] })],
    ['briefing', state({ mode: 'briefing', slide: 3 })],
    ['language and theme', state({ lang: 'en', theme: 'dark' })],
    ['camera', state({ camera: { lng: -0.5, lat: 32.0603, zoom: 0 } })],
    [
      'everything',
      state({
        filters: { ...EMPTY_FILTERS, batches: [1], mechanisms: ['1-1'], measures: ['1-1-2'], themes: ['组织机制'], levels: ['city'], q: '潍坊 联席会议' },
        selection: { kind: 'practice', id: '1-1-1-2' },
        mode: 'compare',
        compare: [370000],
        lang: 'en',
        camera: { lng: 119.1619, lat: 36.7069, zoom: 8.25 },
        slide: 2,
        theme: 'dark',
      }),
    ],
  ];
  for (const [name, s] of cases) {
    it(name, () => {
      expect(roundTrip(s)).toEqual(s);
    });
  }

  it('holds for random valid states', () => {
    const r = rng(42);
    const some = <T>(xs: readonly T[]) => xs.filter(() => r() < 0.4);
    const chars = ['江', '苏', ' ', ',', '&', '=', '%', '+', '#', '?', 'A', '1', '\u3000', '·', '“'];
    for (let trial = 0; trial < 300; trial++) {
      const q = Array.from({ length: Math.floor(r() * 12) }, () => chars[Math.floor(r() * chars.length)]).join('').trim();
      const s = state({
        filters: {
          ...EMPTY_FILTERS,
          batches: some([1, 2, 3, 1000]),
          mechanisms: some(['1-1', '1-2', '2-9', '3-10']),
          measures: some(['1-1-1', '2-3-4']),
          themes: some(['a,b', '组织机制', '资金 保障']),
          levels: some(['province', 'city', 'district'] as const),
          q,
        },
        selection: r() < 0.3 ? { kind: 'region', adcode: 370700 } : r() < 0.5 ? { kind: 'practice', id: '2-3-4-5' } : NONE,
        mode: (['explore', 'compare', 'briefing'] as const)[Math.floor(r() * 3)]!,
        compare: some([110000, 320000, 500000, 650000]),
        lang: r() < 0.5 ? 'zh' : 'en',
        camera: r() < 0.5 ? null : { lng: Math.round((r() * 360 - 180) * 1e4) / 1e4, lat: Math.round((r() * 180 - 90) * 1e4) / 1e4, zoom: Math.round(r() * 2200) / 100 },
        slide: Math.floor(r() * 10),
        theme: r() < 0.5 ? 'light' : 'dark',
      });
      expect(roundTrip(s)).toEqual(s);
    }
  });

  it('survives the trip through a full URL (location.search)', () => {
    const s = state({ filters: filters({ q: '重庆 城市更新,片区' }), selection: { kind: 'region', adcode: 500000 } });
    const url = new URL(`http://localhost/atlas/${searchOf(s)}`);
    expect(withDefaults(decodeSearch(url.search).state)).toEqual(s);
  });
});

describe('decodeState: invalid params are reported and ignored', () => {
  const decode = (qs: string, known?: KnownOptions) => decodeState(new URLSearchParams(qs), known);

  it('rejects a region selection that is not an adcode', () => {
    const { state: s, invalid } = decode('sel=r:abc');
    expect(s).toEqual({});
    expect(invalid).toEqual([{ key: 'sel', value: 'r:abc', reason: expect.any(String) }]);
  });

  it('rejects a selection of an unknown kind or a malformed practice id', () => {
    expect(decode('sel=x:1').invalid).toHaveLength(1);
    expect(decode('sel=p:1-1').invalid).toHaveLength(1);
  });

  it('rejects a camera out of range', () => {
    const { state: s, invalid } = decode('cam=999,0,3');
    expect(s).toEqual({});
    expect(invalid.map((i) => [i.key, i.value])).toEqual([['cam', '999,0,3']]);
  });

  it('rejects a malformed camera', () => {
    expect(decode('cam=1,2').invalid).toHaveLength(1);
    expect(decode('cam=a,b,c').invalid).toHaveLength(1);
    expect(decode('cam=1,2,30').invalid).toHaveLength(1);
  });

  it('rejects an unknown level', () => {
    const { state: s, invalid } = decode('lv=planet');
    expect(s).toEqual({});
    expect(invalid).toEqual([{ key: 'lv', value: 'planet', reason: expect.any(String) }]);
  });

  it('rejects a mechanism the dataset does not have', () => {
    const { state: s, invalid } = decode('m=9-9', KNOWN);
    expect(s).toEqual({});
    expect(invalid).toEqual([{ key: 'm', value: '9-9', reason: 'not in the dataset' }]);
  });

  it('keeps the valid items of a list and reports each invalid one', () => {
    const { state: s, invalid } = decode('b=1,x,7&ms=1-1-2,1-1', KNOWN);
    expect(s.filters).toEqual(filters({ batches: [1], measures: ['1-1-2'] }));
    expect(invalid.map((i) => [i.key, i.value])).toEqual([
      ['b', 'x'],
      ['b', '7'],
      ['ms', '1-1'],
    ]);
  });

  it('checks syntax only when no known options are given', () => {
    expect(decode('m=9-9').state.filters?.mechanisms).toEqual(['9-9']);
    expect(decode('t=任意主题').state.filters?.themes).toEqual(['任意主题']);
  });

  it('rejects unknown themes against the dataset', () => {
    expect(decode('t=组织机制,无此主题', KNOWN).invalid).toEqual([{ key: 't', value: '无此主题', reason: 'not in the dataset' }]);
  });

  it('rejects bad mode, language, theme and slide values', () => {
    const { state: s, invalid } = decode('mode=tour&lang=fr&theme=sepia&slide=-1');
    expect(s).toEqual({});
    expect(invalid.map((i) => i.key)).toEqual(['mode', 'lang', 'slide', 'theme']);
  });

  it('rejects compared regions that are not provinces and keeps at most four', () => {
    const { state: s, invalid } = decode('cmp=320000,320100,110000,120000,130000,140000');
    expect(s.compare).toEqual([320000, 110000, 120000, 130000]);
    expect(invalid.map((i) => i.value)).toEqual(['320100', '140000']);
  });

  it('ignores unknown keys without reporting them', () => {
    expect(decode('utm_source=mail&foo=bar')).toEqual({ state: {}, invalid: [] });
  });

  it('treats empty values as missing', () => {
    expect(decode('b=&q=&sel=&cam=')).toEqual({ state: {}, invalid: [] });
  });

  it('returns lists in the store\'s normal order', () => {
    expect(decode('b=2,1&m=1-10,1-2&lv=district,city').state.filters).toEqual(
      filters({ batches: [1, 2], mechanisms: ['1-2', '1-10'], levels: ['city', 'district'] }),
    );
  });

  it('merges repeated list keys and drops duplicates', () => {
    expect(decode('b=1&b=2,1').state.filters?.batches).toEqual([1, 2]);
  });

  it('returns whole filters when any filter key is present', () => {
    expect(decode('q=江苏').state.filters).toEqual(filters({ q: '江苏' }));
  });

  it('checks selections against known practices and regions when given', () => {
    const known: KnownOptions = { practices: new Set(['1-1-1-1']), regions: new Set([370700]) };
    expect(decode('sel=p:1-1-1-9', known).invalid).toHaveLength(1);
    expect(decode('sel=r:370000', known).invalid).toHaveLength(1);
    expect(decode('sel=p:1-1-1-1', known).state.selection).toEqual({ kind: 'practice', id: '1-1-1-1' });
  });
});

describe('urlStateOf', () => {
  it('takes the URL part of the store state', () => {
    const s = createAtlasStore({ lang: 'en', panel: 'list' });
    const u = urlStateOf(s.getState());
    expect(u).toEqual(state({ lang: 'en' }));
    expect('panel' in u).toBe(false);
  });
});

describe('historyAction', () => {
  it('pushes for a filter, selection, mode, compare or slide change', () => {
    const base = state();
    expect(historyAction(base, state({ filters: filters({ batches: [1] }) }))).toBe('push');
    expect(historyAction(base, state({ selection: { kind: 'region', adcode: 370700 } }))).toBe('push');
    expect(historyAction(base, state({ mode: 'briefing' }))).toBe('push');
    expect(historyAction(base, state({ compare: [320000] }))).toBe('push');
    expect(historyAction(base, state({ slide: 1 }))).toBe('push');
  });

  it('replaces for camera, query text, language and theme', () => {
    const base = state();
    expect(historyAction(base, state({ camera: { lng: 110, lat: 30, zoom: 4 } }))).toBe('replace');
    expect(historyAction(base, state({ filters: filters({ q: '江' }) }))).toBe('replace');
    expect(historyAction(base, state({ lang: 'en' }))).toBe('replace');
    expect(historyAction(base, state({ theme: 'dark' }))).toBe('replace');
  });

  it('does nothing when the URL would not change', () => {
    const a = state({ camera: { lng: 110, lat: 30, zoom: 4 } });
    const b = state({ camera: { lng: 110.000001, lat: 30, zoom: 4.001 } });
    expect(historyAction(a, b)).toBe('none');
    expect(historyAction(state({ filters: filters({ q: '江苏' }) }), state({ filters: filters({ q: '江苏 ' }) }))).toBe('none');
  });

  it('pushes when a push key and a replace key change together', () => {
    expect(historyAction(state(), state({ mode: 'compare', camera: { lng: 1, lat: 2, zoom: 3 } }))).toBe('push');
  });
});
