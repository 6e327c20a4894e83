// Related practices (issue 10): for each practice, the most similar practices from other places, computed from
// their text plus shared themes and measure. Pure, no I/O, no Node built-ins: the data build calls it, and so does
// the in-app import's Web Worker after merging an imported batch. The method is documented in data/SIMILARITY.md.
//
//   score(a, b) = 0.8 · cosine(tfidf(a), tfidf(b)) + 0.1 · Jaccard(themes a, themes b) + 0.1 · [same measure]
//
// Text: Chinese character bigrams (runs of CJK characters; punctuation, digits and Latin letters break runs), after
// removing the actors' own place names (and the place chain the headline opens with) and the places mentioned, so
// that "both are in 重庆" is not what makes two practices alike. Weights: sublinear tf (1 + ln tf) × smoothed idf
// (ln((1 + N) / (1 + df)) + 1); bigrams in more than half the practices (城市, 更新 …) carry no information and are
// dropped; each practice keeps its strongest terms only (bounded work per practice); vectors are L2-normalised.
// Candidates come from an inverted index over the kept terms, so only pairs sharing a term are ever scored.
import type { Practice } from '../types';

export interface RelatedRef {
  id: string;
  score: number;
}

export interface SimilarityWeights {
  /** Weight of the text cosine. */
  text: number;
  /** Weight of the Jaccard index of the two theme sets. */
  themes: number;
  /** Weight of "same measure" (equal measure title, so it also holds across batches that reuse a measure). */
  measure: number;
}

export interface SimilarityOptions {
  /** Related practices kept per practice. Default 5. */
  topK?: number;
  weights?: SimilarityWeights;
  /** Scores below this are not "related". Default 0.1: a pair of other measures needs a real text overlap to reach it. */
  minScore?: number;
  /**
   * Terms kept per practice (its strongest by tf-idf). Default 128: practices of batch 1 have 49–156 once the common
   * bigrams are dropped (3 of 30 above 128), so little is lost; on large sets it bounds the work per practice.
   */
  maxTermsPerDoc?: number;
  /** Bigrams in more than this share of the practices (and more than 5) are dropped. Default 0.5. */
  maxDocFreq?: number;
  /** How many times the headline's bigrams count (it states the gist; the rest is detail). Default 2. */
  headlineWeight?: number;
}

export const DEFAULT_WEIGHTS: Readonly<SimilarityWeights> = Object.freeze({ text: 0.8, themes: 0.1, measure: 0.1 });
export const DEFAULT_TOP_K = 5;
export const DEFAULT_MIN_SCORE = 0.1;
export const DEFAULT_MAX_TERMS = 128;
export const DEFAULT_MAX_DOC_FREQ = 0.5;
export const DEFAULT_HEADLINE_WEIGHT = 2;

/** Scores are stored with three decimals; ties are then broken by id, so the order never depends on float noise. */
export function roundScore(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Natural order of practice ids: 1-2-3-9 before 1-2-3-10. */
export function compareIds(a: string, b: string): number {
  const pa = a.split('-');
  const pb = b.split('-');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isFinite(nx) && Number.isFinite(ny) && nx !== ny) return nx - ny;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Text → bigrams

const PLACE_SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '林区', '省', '市', '盟', '区', '县', '旗'];

/** 潍坊市 → 潍坊, 宁夏回族自治区 → 宁夏回族 (good enough here: the full name is stripped as well). */
function shortOf(name: string): string {
  for (const s of PLACE_SUFFIXES) if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, -s.length);
  return name;
}

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** The place names to remove from a practice's text: its actors and the places it mentions, full and short. */
function placeNamesOf(p: Practice): string[] {
  const names = new Set<string>();
  const add = (n: string | undefined) => {
    if (!n) return;
    names.add(n);
    const s = shortOf(n);
    if (s.length >= 2) names.add(s);
  };
  for (const a of p.actors) add(a.name);
  for (const m of p.mentions) add(m.name);
  // Longest first, so that 重庆市 goes before 重庆.
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The text the similarity reads, as headline and body: the headline's opening place chain (山东省潍坊市…, whatever
 * the geocoder read as the actors, provinces included) is cut, and every other occurrence of the practice's own
 * place names (actors and mentions, full and short) is replaced by a break.
 */
export function similarityParts(p: Practice): { headline: string; body: string } {
  const head = p.text.startsWith(p.headline) ? p.headline : '';
  let cut = 0;
  for (const a of p.actors) {
    for (const n of [a.name, shortOf(a.name)]) {
      const at = head.indexOf(n);
      if (at >= 0) cut = Math.max(cut, at + n.length);
    }
  }
  let headline = head.slice(cut);
  let body = p.text.slice(head.length);
  for (const n of placeNamesOf(p)) {
    headline = headline.split(n).join(' ');
    body = body.split(n).join(' ');
  }
  return { headline, body };
}

/** Character bigrams of the CJK runs of a text, as numbers (two UTF-16 units), with their counts (× `weight`). */
export function bigramCounts(text: string, out = new Map<number, number>(), weight = 1): Map<number, number> {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isCjk(c)) {
      prev = -1;
      continue;
    }
    if (prev >= 0) {
      const key = prev * 0x10000 + c;
      out.set(key, (out.get(key) ?? 0) + weight);
    }
    prev = c;
  }
  return out;
}

/** A bigram number back to its two characters (for explaining a score). */
export function bigramText(key: number): string {
  return String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000);
}

// ---------------------------------------------------------------------------------------------------------------
// Vectors

/** Sparse L2-normalised tf-idf vectors, terms sorted by bigram number (the order every dot product sums in). */
export interface TermVectors {
  /** Per practice: its kept terms as a CSR slice [start[i], start[i+1]) of `terms` (term indices) and `weights`. */
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
  /** Term index → bigram number. Term indices are assigned in ascending bigram order. */
  vocabulary: Float64Array;
}

export function termVectors(practices: readonly Practice[], opts: SimilarityOptions = {}): TermVectors {
  const n = practices.length;
  const maxTerms = opts.maxTermsPerDoc ?? DEFAULT_MAX_TERMS;
  // In a handful of practices "in more than half" says nothing about a bigram being common: keep up to 5.
  const maxDf = Math.max(5, (opts.maxDocFreq ?? DEFAULT_MAX_DOC_FREQ) * n);
  const headlineWeight = opts.headlineWeight ?? DEFAULT_HEADLINE_WEIGHT;
  const counts = practices.map((p) => {
    const { headline, body } = similarityParts(p);
    return bigramCounts(headline, bigramCounts(body), headlineWeight);
  });
  const df = new Map<number, number>();
  for (const c of counts) for (const k of c.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  // idf per bigram, 0 for the dropped common ones.
  const idf = new Map<number, number>();
  for (const [k, d] of df) idf.set(k, d > maxDf ? 0 : Math.log((1 + n) / (1 + d)) + 1);

  // Per practice: the strongest terms (ties by bigram), in ascending bigram order, L2-normalised (summed in that
  // order too). Typed scratch buffers: 10,000 practices would otherwise make a million small objects.
  const keptKeys: Float64Array[] = new Array(n);
  const keptW: Float64Array[] = new Array(n);
  let keyBuf = new Float64Array(256);
  let wBuf = new Float64Array(256);
  let order = new Int32Array(256);
  for (let i = 0; i < n; i++) {
    const c = counts[i] as Map<number, number>;
    if (c.size > keyBuf.length) {
      keyBuf = new Float64Array(c.size * 2);
      wBuf = new Float64Array(c.size * 2);
      order = new Int32Array(c.size * 2);
    }
    let m = 0;
    for (const [key, tf] of c) {
      const w = idf.get(key) as number;
      if (w === 0) continue;
      keyBuf[m] = key;
      wBuf[m] = (1 + Math.log(tf)) * w;
      order[m] = m;
      m++;
    }
    const kb = keyBuf;
    const wb = wBuf;
    let sel = order.subarray(0, m);
    if (m > maxTerms) sel = sel.sort((x, y) => (wb[y] as number) - (wb[x] as number) || (kb[x] as number) - (kb[y] as number)).subarray(0, maxTerms);
    sel.sort((x, y) => (kb[x] as number) - (kb[y] as number));
    const keys = new Float64Array(sel.length);
    const ws = new Float64Array(sel.length);
    let sq = 0;
    for (let x = 0; x < sel.length; x++) {
      keys[x] = kb[sel[x] as number] as number;
      const w = wb[sel[x] as number] as number;
      ws[x] = w;
      sq += w * w;
    }
    const norm = Math.sqrt(sq);
    if (norm > 0) for (let x = 0; x < ws.length; x++) ws[x] = (ws[x] as number) / norm;
    keptKeys[i] = keys;
    keptW[i] = ws;
  }

  // Term indices in ascending bigram order: independent of the order of the practices.
  const all = new Set<number>();
  for (const k of keptKeys) for (const key of k) all.add(key);
  const vocabulary = Float64Array.from(all).sort();
  const indexOf = new Map<number, number>();
  vocabulary.forEach((k, i) => indexOf.set(k, i));

  const start = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    start[i] = total;
    total += (keptKeys[i] as Float64Array).length;
  }
  start[n] = total;
  const terms = new Int32Array(total);
  const weights = new Float64Array(total);
  for (let i = 0; i < n; i++) {
    const keys = keptKeys[i] as Float64Array;
    const ws = keptW[i] as Float64Array;
    const at = start[i] as number;
    for (let x = 0; x < keys.length; x++) {
      terms[at + x] = indexOf.get(keys[x] as number) as number;
      weights[at + x] = ws[x] as number;
    }
  }
  return { start, terms, weights, vocabulary };
}

// ---------------------------------------------------------------------------------------------------------------
// Places and themes

/** "From another place": no actor of one is an actor of the other or contains one (重庆市 vs 九龙坡区). */
interface PlaceSets {
  own: number[];
  within: number[];
}

function placeSets(p: Practice): PlaceSets {
  const own = new Set<number>();
  const within = new Set<number>();
  for (const a of p.actors) {
    own.add(a.adcode);
    within.add(a.adcode);
    within.add(a.province);
    if (a.city !== undefined) within.add(a.city);
  }
  return { own: [...own], within: [...within] };
}

function sharesPlace(a: PlaceSets, b: PlaceSets): boolean {
  for (const x of a.own) if (b.within.includes(x)) return true;
  for (const x of b.own) if (a.within.includes(x)) return true;
  return false;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

/** Everything needed to score a pair; built once per call. */
interface Prepared {
  n: number;
  vectors: TermVectors;
  places: PlaceSets[];
  themeWords: number;
  themeBits: Uint32Array;
  themeCount: Int32Array;
  measure: Int32Array;
  weights: SimilarityWeights;
  /** Position of each practice in natural id order (ties of equal scores are broken by it). */
  idRank: Int32Array;
}

function prepare(practices: readonly Practice[], opts: SimilarityOptions): Prepared {
  const n = practices.length;
  const themeIdx = new Map<string, number>();
  for (const p of practices) for (const t of p.themes) if (!themeIdx.has(t)) themeIdx.set(t, themeIdx.size);
  const themeWords = Math.max(1, Math.ceil(themeIdx.size / 32));
  const themeBits = new Uint32Array(n * themeWords);
  const themeCount = new Int32Array(n);
  const measureIdx = new Map<string, number>();
  const measure = new Int32Array(n);
  practices.forEach((p, i) => {
    for (const t of new Set(p.themes)) {
      const b = themeIdx.get(t) as number;
      const w = i * themeWords + (b >>> 5);
      themeBits[w] = ((themeBits[w] as number) | (1 << (b & 31))) >>> 0;
      themeCount[i] = (themeCount[i] as number) + 1;
    }
    const m = p.measure.title.trim();
    if (!measureIdx.has(m)) measureIdx.set(m, measureIdx.size);
    measure[i] = measureIdx.get(m) as number;
  });
  const order = practices.map((_, i) => i).sort((a, b) => compareIds((practices[a] as Practice).id, (practices[b] as Practice).id));
  const idRank = new Int32Array(n);
  order.forEach((i, r) => {
    idRank[i] = r;
  });
  return {
    n,
    vectors: termVectors(practices, opts),
    places: practices.map(placeSets),
    themeWords,
    themeBits,
    themeCount,
    measure,
    weights: opts.weights ?? DEFAULT_WEIGHTS,
    idRank,
  };
}

function themeJaccard(pr: Prepared, i: number, j: number): number {
  const ci = pr.themeCount[i] as number;
  const cj = pr.themeCount[j] as number;
  if (ci === 0 && cj === 0) return 0;
  let inter = 0;
  for (let w = 0; w < pr.themeWords; w++) inter += popcount(((pr.themeBits[i * pr.themeWords + w] as number) & (pr.themeBits[j * pr.themeWords + w] as number)) >>> 0);
  return inter / (ci + cj - inter);
}

/** The pair's score, rounded. The one place the weights are applied, so every caller gets the same bits. */
function combined(pr: Prepared, i: number, j: number, cosine: number): number {
  const w = pr.weights;
  const cos = Math.min(1, cosine); // float noise can push identical texts a hair above 1
  return roundScore(w.text * cos + w.themes * themeJaccard(pr, i, j) + w.measure * (pr.measure[i] === pr.measure[j] ? 1 : 0));
}

/**
 * Every pair sharing a kept term, each visited once (i < j) with its text cosine: `visit(i, j, cosine)` — unless
 * `floors` is given and the pair's best possible score is below the floors of both. The
 * cosine of a pair sums the products of its shared terms in ascending bigram order whichever practice asks, so
 * it is symmetric by construction and does not depend on the order of the practices.
 */
function forEachPair(pr: Prepared, visit: (i: number, j: number, cosine: number) => void, floors?: Float64Array): void {
  const { n, measure } = pr;
  const { text: wt, themes: wth, measure: wm } = pr.weights;
  const { start, terms, weights, vocabulary } = pr.vectors;
  const v = vocabulary.length;

  // Inverted index: per term, the practices holding it in ascending order, with their weights.
  const postStart = new Int32Array(v + 1);
  for (let k = 0; k < terms.length; k++) {
    const t = (terms[k] as number) + 1;
    postStart[t] = (postStart[t] as number) + 1;
  }
  for (let t = 0; t < v; t++) postStart[t + 1] = (postStart[t + 1] as number) + (postStart[t] as number);
  const fill = postStart.slice(0, v);
  const postDoc = new Int32Array(terms.length);
  const postW = new Float64Array(terms.length);
  for (let i = 0; i < n; i++) {
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const t = terms[k] as number;
      const at = fill[t] as number;
      postDoc[at] = i;
      postW[at] = weights[k] as number;
      fill[t] = at + 1;
    }
  }
  // cursor[t]: the first posting of t not yet passed. Practices are visited in order, so when i is visited the
  // cursor of each of its terms points at i itself, and the postings after it are exactly the j > i.
  const cursor = postStart.slice(0, v);

  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let nt = 0;
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const t = terms[k] as number;
      const wi = weights[k] as number;
      const end = postStart[t + 1] as number;
      const from = (cursor[t] as number) + 1;
      cursor[t] = from;
      for (let q = from; q < end; q++) {
        const j = postDoc[q] as number;
        const a = acc[j] as number;
        if (a === 0) touched[nt++] = j; // weights are > 0, so 0 means "not touched yet"
        acc[j] = a + wi * (postW[q] as number);
      }
    }
    for (let x = 0; x < nt; x++) {
      const j = touched[x] as number;
      const cos = acc[j] as number;
      acc[j] = 0;
      if (floors) {
        // Cheap bound first (themes counted as a full match; the margin covers rounding): a pair that could not
        // enter either practice's list is skipped here, which is most pairs of a large set.
        const bound = wt * (cos < 1 ? cos : 1) + wth + (measure[i] === measure[j] ? wm : 0) + 0.0005;
        if (bound < (floors[i] as number) && bound < (floors[j] as number)) continue;
      }
      visit(i, j, cos);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking

/**
 * For each practice, its most similar practices from other places (at most `topK`, score ≥ `minScore`), best
 * first; equal scores in natural id order. Deterministic: the same practices give the same result in any order.
 * Practice ids must be unique.
 */
export function relatedPractices(practices: readonly Practice[], opts: SimilarityOptions = {}): Map<string, RelatedRef[]> {
  const k = opts.topK ?? DEFAULT_TOP_K;
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const n = practices.length;
  // Per practice, its best so far as a sorted slot of k entries in flat arrays.
  const topJ = new Int32Array(n * k);
  const topS = new Float64Array(n * k);
  const len = new Int32Array(n);
  if (k > 0 && n > 1) {
    const pr = prepare(practices, opts);
    const { idRank, places } = pr;
    /** Per practice, the lowest score that could still enter its list. */
    const floors = new Float64Array(n).fill(minScore);
    /** Whether (s, j) would enter i's list: better score, or equal score and earlier id. */
    const wins = (i: number, j: number, s: number): boolean => {
      if ((len[i] as number) < k) return true;
      const last = i * k + k - 1;
      const ls = topS[last] as number;
      return s > ls || (s === ls && (idRank[j] as number) < (idRank[topJ[last] as number] as number));
    };
    const offer = (i: number, j: number, s: number) => {
      if (!wins(i, j, s)) return;
      const base = i * k;
      let at = Math.min(len[i] as number, k - 1); // a full list drops its last
      while (at > 0) {
        const ps = topS[base + at - 1] as number;
        if (!(s > ps || (s === ps && (idRank[j] as number) < (idRank[topJ[base + at - 1] as number] as number)))) break;
        topS[base + at] = ps;
        topJ[base + at] = topJ[base + at - 1] as number;
        at--;
      }
      topS[base + at] = s;
      topJ[base + at] = j;
      if ((len[i] as number) < k) len[i] = (len[i] as number) + 1;
      if (len[i] === k) floors[i] = topS[base + k - 1] as number;
    };
    forEachPair(
      pr,
      (i, j, cos) => {
        if (sharesPlace(places[i] as PlaceSets, places[j] as PlaceSets)) return;
        const s = combined(pr, i, j, cos);
        if (s < minScore) return;
        offer(i, j, s);
        offer(j, i, s);
      },
      floors,
    );
  }
  const out = new Map<string, RelatedRef[]>();
  practices.forEach((p, i) => {
    const list: RelatedRef[] = [];
    for (let x = 0; x < (len[i] as number); x++) list.push({ id: (practices[topJ[i * k + x] as number] as Practice).id, score: topS[i * k + x] as number });
    out.set(p.id, list);
  });
  return out;
}

/** The practices with `related` filled (new objects; the input is not changed). What the build and the import call. */
export function withRelated(practices: readonly Practice[], opts: SimilarityOptions = {}): Practice[] {
  const related = relatedPractices(practices, opts);
  return practices.map((p) => ({ ...p, related: related.get(p.id) ?? [] }));
}

/**
 * Every scored pair from other places with its score (≥ `minScore`, default 0 here), for tests and tuning:
 * `[idA, idB, score]` with idA before idB, sorted by the two ids.
 */
export function pairScores(practices: readonly Practice[], opts: SimilarityOptions = {}): [string, string, number][] {
  const out: [string, string, number][] = [];
  const minScore = opts.minScore ?? 0;
  if (practices.length < 2) return out;
  const pr = prepare(practices, opts);
  forEachPair(pr, (i, j, cos) => {
    if (sharesPlace(pr.places[i] as PlaceSets, pr.places[j] as PlaceSets)) return;
    const s = combined(pr, i, j, cos);
    if (s < minScore) return;
    const a = (practices[i] as Practice).id;
    const b = (practices[j] as Practice).id;
    out.push(compareIds(a, b) <= 0 ? [a, b, s] : [b, a, s]);
  });
  return out.sort((x, y) => compareIds(x[0], y[0]) || compareIds(x[1], y[1]));
}
