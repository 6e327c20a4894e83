// Builders for tests (ARCHITECTURE example 9: no shared mutable fixtures — every test builds its own data).
import type { Batch, Dataset, Mechanism, Place, Practice, Theme } from '../types';
import { rng } from '../data/synthetic';

// A deterministic PRNG for property tests and the benchmark (one implementation, in src/data/synthetic).
export { rng };

export function province(adcode: number, name: string): Place {
  return { adcode, name, level: 'province', province: adcode };
}

export function city(adcode: number, name: string): Place {
  return { adcode, name, level: 'city', province: Math.floor(adcode / 10000) * 10000 };
}

/** A district; `city` is its prefecture (omit it for a municipality's district or a province-administered county). */
export function district(adcode: number, name: string, cityAdcode?: number): Place {
  const p: Place = { adcode, name, level: 'district', province: Math.floor(adcode / 10000) * 10000 };
  if (cityAdcode !== undefined) p.city = cityAdcode;
  return p;
}

export const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface PracticeSpec extends Partial<Omit<Practice, 'mechanism' | 'measure'>> {
  /** Mechanism index (1-based); default 1. */
  mech?: number;
  /** Measure index (1-based); default 1. */
  meas?: number;
}

let seq = 0;

/** A practice with sensible defaults; the id follows `<batch>-<mech>-<measure>-<item>`. */
export function createPractice(spec: PracticeSpec = {}): Practice {
  const { mech = 1, meas = 1, ...rest } = spec;
  const batch = rest.batch ?? 1;
  const item = rest.item ?? ++seq;
  const actors = rest.actors ?? [city(370700, '潍坊市')];
  const headline = rest.headline ?? `${actors.map((a) => a.name).join('、')}开展城市更新。`;
  return {
    id: rest.id ?? `${batch}-${mech}-${meas}-${item}`,
    batch,
    mechanism: { code: CN_NUMERALS[mech - 1] ?? String(mech), index: mech, title: `机制${mech}` },
    measure: { code: `（${CN_NUMERALS[meas - 1] ?? meas}）`, index: meas, title: `举措${mech}.${meas}` },
    item,
    headline,
    text: rest.text ?? `${headline}具体做法。`,
    source: rest.source ?? { file: `data/sources/batch${batch}.txt`, lines: [1, 1] },
    actors,
    mentions: rest.mentions ?? [],
    sites: rest.sites ?? [],
    documents: rest.documents ?? [],
    figures: rest.figures ?? [],
    themes: rest.themes ?? [],
    ...(rest.related ? { related: rest.related } : {}),
  };
}

/** A batch whose taxonomy has `shape[i]` measures under mechanism i+1 (default 3 mechanisms × 3 measures). */
export function createBatch(id = 1, shape: number[] = [3, 3, 3]): Batch {
  const taxonomy: Mechanism[] = shape.map((n, i) => ({
    code: CN_NUMERALS[i] ?? String(i + 1),
    index: i + 1,
    title: `机制${i + 1}`,
    measures: Array.from({ length: n }, (_, j) => ({
      code: `（${CN_NUMERALS[j] ?? j + 1}）`,
      index: j + 1,
      title: `举措${i + 1}.${j + 1}`,
    })),
  }));
  return { id, title: `第${id}批`, issuer: '住房城乡建设部', date: '2023-11', file: `batch${id}.txt`, taxonomy };
}

export function createTheme(key: string): Theme {
  return { key, zh: key, en: key };
}

export interface DatasetSpec {
  practices?: Practice[];
  batches?: Batch[];
  themes?: Theme[];
}

/** A dataset; batches default to one taxonomy per batch used by the practices, themes to those they use. */
export function createDataset(spec: DatasetSpec = {}): Dataset {
  const practices = spec.practices ?? [];
  const batchIds = [...new Set(practices.map((p) => p.batch))].sort((a, b) => a - b);
  return {
    generatedBy: 'src/store/test-helpers.ts',
    batches: spec.batches ?? (batchIds.length ? batchIds : [1]).map((id) => createBatch(id)),
    themes: spec.themes ?? [...new Set(practices.flatMap((p) => p.themes))].map(createTheme),
    practices,
  };
}


const PROVINCES: [number, string][] = [
  [110000, '北京市'], [320000, '江苏省'], [370000, '山东省'], [500000, '重庆市'], [640000, '宁夏回族自治区'],
  [430000, '湖南省'], [440000, '广东省'], [330000, '浙江省'],
];
const TERMS = ['老旧小区', '片区', '历史文化', '资金', '联席会议', '体检', '韧性', 'REITs', '街区', '管网'];
const THEMES = ['组织机制', '资金保障', '历史保护', '老旧小区', '基础设施', '公众参与'];

/**
 * A synthetic dataset of `n` practices over `batches` batches (taxonomy 8 mechanisms × 4 measures each), with
 * actors spread over provinces, cities and districts (municipalities' districts have no city), a few with two
 * actors, mentions, themes and search terms. Deterministic for a given seed.
 */
export function createSyntheticDataset(n: number, seed = 1, batches = 3): Dataset {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const randomPlace = (): Place => {
    const [padc, pname] = pick(PROVINCES);
    const municipality = padc === 110000 || padc === 500000;
    const x = r();
    if (x < 0.2) return province(padc, pname);
    if (municipality) {
      const d = padc + 100 + 1 + Math.floor(r() * 20);
      return district(d, `${pname}第${d % 100}区`);
    }
    const c = padc + 100 * (1 + Math.floor(r() * 12));
    if (x < 0.6) return city(c, `${pname.slice(0, 2)}${c % 10000}市`);
    const d = c + 1 + Math.floor(r() * 9);
    return district(d, `${pname.slice(0, 2)}${d % 10000}区`, c);
  };
  const practices: Practice[] = [];
  const items = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const batch = 1 + Math.floor(r() * batches);
    const mech = 1 + Math.floor(r() * 8);
    const meas = 1 + Math.floor(r() * 4);
    const k = `${batch}-${mech}-${meas}`;
    const item = (items.get(k) ?? 0) + 1;
    items.set(k, item);
    const actors = [randomPlace()];
    if (r() < 0.1) actors.push(randomPlace());
    const words = Array.from({ length: 3 }, () => pick(TERMS)).join('，');
    const headline = `${actors.map((a) => a.name).join('、')}推进城市更新。`;
    practices.push(
      createPractice({
        batch,
        mech,
        meas,
        item,
        actors,
        headline,
        text: `${headline}围绕${words}等方面，建立工作机制，统筹推进项目实施，形成可复制可推广的经验做法。`,
        mentions: r() < 0.2 ? [randomPlace()] : [],
        themes: [...new Set([pick(THEMES), ...(r() < 0.3 ? [pick(THEMES)] : [])])],
      }),
    );
  }
  return createDataset({
    practices,
    batches: Array.from({ length: batches }, (_, i) => createBatch(i + 1, [4, 4, 4, 4, 4, 4, 4, 4])),
    themes: THEMES.map(createTheme),
  });
}
