// Benchmark of the selectors on a synthetic 100,000-practice dataset (deterministic seed).
// Run: npx tsx src/store/bench-selectors.ts [practices=100000]
// Each timed call uses filters whose content differs from the previous call, so the memo never answers: the
// numbers are the cost of a real filter change.
import { performance } from 'node:perf_hooks';
import type { Dataset, Practice } from '../types';
import { EMPTY_FILTERS, type Filters } from './filters';
import { countsByRegion, createIndex, facetCounts, filterPractices, markerPoints } from './selectors';
import { createSyntheticDataset } from './test-helpers';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = 21;

// Real practice texts run to a few hundred characters; pad the synthetic ones to about that length so that the
// text search is measured on realistic strings.
function realistic(ds: Dataset): Dataset {
  const pad = '，坚持问题导向和目标导向，建立健全政府引导、市场运作、公众参与的可持续实施模式，推动城市结构优化、功能完善和品质提升';
  const practices: Practice[] = ds.practices.map((p, i) => ({ ...p, text: p.text + pad.repeat(1 + (i % 3)) }));
  return { ...ds, practices };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(label: string, fn: (run: number) => unknown): number {
  fn(-1); // warm-up (JIT)
  const ts: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    fn(run);
    ts.push(performance.now() - t0);
  }
  const m = median(ts);
  console.log(`${label.padEnd(62)} median ${m.toFixed(2).padStart(8)} ms   (min ${Math.min(...ts).toFixed(2)}, max ${Math.max(...ts).toFixed(2)})`);
  return m;
}

const t0 = performance.now();
const ds = realistic(createSyntheticDataset(N, 20261128, 3));
console.log(`synthetic dataset: ${ds.practices.length} practices, built in ${(performance.now() - t0).toFixed(0)} ms`);
const t1 = performance.now();
const index = createIndex(ds);
console.log(
  `createIndex: ${(performance.now() - t1).toFixed(0)} ms (${index.regionAdcodes.length} regions, ` +
    `${index.measureKeys.length} measures, ${index.themeKeys.length} themes)`,
);

// Alternating facet choices: the same q (its bitmap is memoised, as when a user ticks boxes after typing).
const facetChange = (run: number): Filters => ({
  ...EMPTY_FILTERS,
  batches: run % 2 ? [1, 2] : [2, 3],
  mechanisms: run % 3 ? ['1-2', '2-4'] : [],
  themes: ['资金保障', run % 2 ? '历史保护' : '组织机制'],
  levels: run % 2 ? ['city', 'district'] : ['province', 'city'],
  q: '片区',
});
// A new query every run (typing): the text search itself.
const queryChange = (run: number): Filters => ({ ...EMPTY_FILTERS, q: `资金 ${['片区', '管网', '体检', '韧性'][(run + 4) % 4]}${run}` });

// Distinct filter objects per run, built before timing.
let serial = 1000;
const fresh = (make: (run: number) => Filters) => (run: number) => {
  // A unique extra batch id that matches nothing keeps every call a memo miss without changing the result much.
  const f = make(run);
  return { ...f, batches: f.batches.length ? [...f.batches, ++serial] : f.batches };
};

const broadChange = (run: number): Filters => ({ ...EMPTY_FILTERS, batches: run % 2 ? [1, 2] : [2, 3] });
const sizeOf = (make: (run: number) => Filters) => filterPractices(ds, make(0)).length;
console.log(
  `broad change (two of three batches) keeps ~${sizeOf(broadChange)} practices; ` +
    `narrow change (4 facets + q) keeps ~${sizeOf(facetChange)}`,
);

const results: Record<string, number> = {};
results.filterPractices = time('filterPractices after a broad change', (r) => filterPractices(ds, fresh(broadChange)(r)));
time('filterPractices after a narrow change', (r) => filterPractices(ds, fresh(facetChange)(r)));
{
  // countsByRegion and markerPoints alone, on lists made beforehand (new arrays, so the memo never answers).
  const broad = Array.from({ length: RUNS + 1 }, (_, r) => filterPractices(ds, fresh(broadChange)(r)).slice());
  const all = Array.from({ length: RUNS + 1 }, () => ds.practices.slice());
  results.countsByRegion = time('countsByRegion (broad list)', (r) => countsByRegion(ds, broad[r + 1] as Practice[]));
  time('countsByRegion (all practices)', (r) => countsByRegion(ds, all[r + 1] as Practice[]));
  time('markerPoints (all practices)', (r) => markerPoints(ds, all[r + 1] as Practice[]));
}
results.facetCounts = time('facetCounts after a broad change', (r) => facetCounts(ds, fresh(broadChange)(r)));
time('facetCounts after a narrow change', (r) => facetCounts(ds, fresh(facetChange)(r)));
time('facetCounts after a new query (text search included)', (r) => facetCounts(ds, queryChange(r)));
time('filterPractices after a new query (text search included)', (r) => filterPractices(ds, queryChange(r + 100)));
time('broad change → filterPractices + countsByRegion + facetCounts', (r) => {
  const f = fresh(broadChange)(r);
  const ps = filterPractices(ds, f);
  countsByRegion(ds, ps);
  facetCounts(ds, f);
});
console.log(JSON.stringify({ practices: N, medianMs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Number(v.toFixed(2))])) }));
