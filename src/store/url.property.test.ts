// Property tests of the URL codec's public functions (decodeSearch / decodeState / encodeState): any query string a
// link, a host page or an attacker can produce decodes without throwing, every invalid item is reported with its
// key, and a decoded state survives encode → decode unchanged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSearch, decodeState, encodeState, URL_KEYS, withDefaults, type KnownOptions } from './url';
import { knownOptionsOf } from './selectors';
import { createSyntheticDataset } from './test-helpers';

const dataset = createSyntheticDataset(300, 5);
const known: KnownOptions = { ...knownOptionsOf(dataset), regions: new Set(dataset.practices.flatMap((p) => p.actors.flatMap((a) => [a.adcode, a.province]))) };

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const sample = <T>(set: ReadonlySet<T> | undefined) => [...(set ?? [])].slice(0, 40);

/** Values that are valid for some key, so that generated URLs mix valid, invalid and unknown items. */
const plausible = fc.oneof(
  pick(sample(known.batches).map(String)),
  pick(sample(known.mechanisms)),
  pick(sample(known.measures)),
  pick(sample(known.themes)),
  pick(sample(known.practices).map((id) => `p:${id}`)),
  pick(sample(known.regions).map((a) => `r:${a}`)),
  pick(sample(known.regions).map(String)),
  pick(['explore', 'compare', 'briefing', 'en', 'zh', 'dark', 'light', 'city', 'district', 'province', '0', '3', '999', '1000']),
  pick(['118.7969,32.0603,7.5', '-181,0,1', '0,91,1', '1,1,25', '1,1', 'NaN,1,1', '1e3,1,1']),
);
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  pick(['%', '%2C', '%25', ',,,', '__proto__', 'constructor', 'toString', '-0', '00', '1'.repeat(400), '\u0000', '\ud800', '<script>']),
);
const item = fc.oneof(plausible, hostile);
const value = fc.oneof(item, fc.array(item, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(',')));
const key = fc.oneof({ weight: 4, arbitrary: pick(URL_KEYS) }, { weight: 1, arbitrary: fc.oneof(fc.string(), pick(['utm_source', 'dataset', '__proto__', 'B', 'sel '])) });
const params = fc.array(fc.tuple(key, value), { maxLength: 12 }).map((pairs) => new URLSearchParams(pairs));

describe('URL codec properties', () => {
  it('decodes any query string without throwing, reporting only known keys', () => {
    fc.assert(
      fc.property(params, (p) => {
        for (const k of [known, undefined]) {
          const { invalid } = decodeState(p, k);
          for (const bad of invalid) expect(URL_KEYS as readonly string[]).toContain(bad.key);
        }
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        decodeSearch(raw, known);
        decodeSearch(`?${raw}`, known);
      }),
      { numRuns: 300 },
    );
  });

  it('is stable: encode(decode(p)) decodes to the same state, with nothing invalid, and encodes to the same URL', () => {
    fc.assert(
      fc.property(params, (p) => {
        const first = withDefaults(decodeState(p, known).state);
        const url = encodeState(first);
        const again = decodeState(new URLSearchParams(url.toString()), known);
        expect(again.invalid).toEqual([]);
        const second = withDefaults(again.state);
        expect(second).toEqual(first);
        expect(encodeState(second).toString()).toBe(url.toString());
      }),
      { numRuns: 400 },
    );
  });
});
