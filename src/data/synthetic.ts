// A deterministic synthetic dataset for scale tests and the benchmark (`?dataset=synthetic-100k`): n practices
// spread over every district and county of the gazetteer, with the real taxonomy, texts and themes recombined.
// Never part of the default view: App loads it only when the URL asks, through a dynamic import.
import type { Dataset, GazetteerEntry, Place, Practice } from '../types';
import { provinceOf } from '../geometry/adcode';

/** mulberry32: a tiny, well-distributed PRNG; the same seed gives the same dataset everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function placeOf(g: GazetteerEntry, byCode: Map<number, GazetteerEntry>): Place {
  const province = provinceOf(g.adcode);
  const parent = byCode.get(g.parent);
  const city = g.level === 'district' && parent && parent.level === 'city' ? parent.adcode : undefined;
  return { adcode: g.adcode, name: g.name, level: g.level, province, ...(city ? { city } : {}) };
}

/** Above this the tab runs out of memory generating (and no test or benchmark needs more). */
const MAX_PRACTICES = 100_000;

export function syntheticDataset(base: Dataset, gazetteer: readonly GazetteerEntry[], n: number, seed = 42): Dataset {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PRACTICES)
    throw new RangeError(`synthetic dataset size must be an integer 1…${MAX_PRACTICES}, not ${n}`);
  const random = rng(seed);
  const byCode = new Map(gazetteer.map((g) => [g.adcode, g]));
  // Districts carry most practices, as in city project inventories; some go to cities and provinces.
  const districts = gazetteer.filter((g) => g.level === 'district');
  const cities = gazetteer.filter((g) => g.level === 'city');
  const provinces = gazetteer.filter((g) => g.level === 'province');
  const templates = base.practices;
  const batch = base.batches[0];
  if (!batch || templates.length === 0) throw new Error('synthetic dataset needs a real batch to copy');
  const perMeasure = new Map<string, number>();
  const practices: Practice[] = [];
  for (let i = 0; i < n; i++) {
    const tpl = templates[Math.floor(random() * templates.length)]!;
    const r = random();
    const pool = r < 0.8 ? districts : r < 0.95 ? cities : provinces;
    const g = pool[Math.floor(random() * pool.length)]!;
    const key = `${tpl.mechanism.index}-${tpl.measure.index}`;
    const item = (perMeasure.get(key) ?? 0) + 1;
    perMeasure.set(key, item);
    const actor = placeOf(g, byCode);
    // The headline names the synthetic actor so that search and the list read sensibly.
    const rest = tpl.text.slice(tpl.headline.length);
    const verb = tpl.headline.replace(/^[^省市区县旗州盟]*?[省市区县旗州盟]+/, '');
    const headline = `${g.name}${verb}`;
    practices.push({
      ...tpl,
      id: `${batch.id}-${tpl.mechanism.index}-${tpl.measure.index}-${item}`,
      item,
      headline,
      text: `${headline}${rest}`,
      actors: [actor],
      mentions: [],
      related: [],
    });
  }
  return { ...base, generatedBy: `src/data/synthetic.ts (n=${n}, seed=${seed})`, batches: [batch], practices };
}
