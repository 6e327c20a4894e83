import { describe, expect, it } from 'vitest';
import type { Place, Practice } from '../types';
import { bigramCounts, bigramText, compareIds, pairScores, relatedPractices, similarityParts, withRelated } from './similarity';
import { createBatch1Text, ingest } from './test-helpers';
import { createPractice as createPracticeWith, type PracticeSpec } from '../store/test-helpers';

function createBatch1(): Practice[] {
  return ingest(createBatch1Text()).practices;
}

const place = (adcode: number, name: string, level: Place['level'], province: number, city?: number): Place => ({
  adcode,
  name,
  level,
  province,
  ...(city ? { city } : {}),
});

/** A practice of 北京市 with the given text; its headline is the text's first sentence unless given. */
const createPractice = (over: PracticeSpec & { text: string }) =>
  createPracticeWith({
    headline: over.text.slice(0, over.text.indexOf('。') + 1),
    actors: [place(110000, '北京市', 'province', 110000)],
    ...over,
  });

function scoreOf(pairs: [string, string, number][], a: string, b: string): number | undefined {
  const [x, y] = compareIds(a, b) <= 0 ? [a, b] : [b, a];
  return pairs.find((p) => p[0] === x && p[1] === y)?.[2];
}

describe('text', () => {
  it('cuts the headline’s place chain and every other occurrence of the practice’s own places', () => {
    const p = createPractice({
      text: '重庆市开展城市更新专项体检。在中心城区江北区开展专项体检试点，重庆经验。',
      actors: [place(500000, '重庆市', 'province', 500000)],
      mentions: [place(500105, '江北区', 'district', 500000)],
    });
    const { headline, body } = similarityParts(p);
    expect(headline).toBe('开展城市更新专项体检。');
    expect(body).not.toMatch(/重庆|江北/);
  });

  it('cuts a province + city chain (the province is not an actor)', () => {
    const p = createPractice({ text: '山东省潍坊市建立联席会议制度。全文。', actors: [place(370700, '潍坊市', 'city', 370000)] });
    expect(similarityParts(p).headline).toBe('建立联席会议制度。');
  });

  it('reads bigrams of Chinese runs only: punctuation, digits and Latin letters break them', () => {
    const keys = [...bigramCounts('城市体检，5个TOD项目').keys()].map(bigramText);
    expect(keys).toEqual(['城市', '市体', '体检', '项目']);
  });
});

describe('similarity on batch 1', () => {
  it('is symmetric: with room for everyone, each pair has the same score from both sides', () => {
    const practices = createBatch1();
    const related = relatedPractices(practices, { topK: practices.length, minScore: 0 });
    let checked = 0;
    for (const [id, list] of related) {
      for (const r of list) {
        expect(related.get(r.id)!.find((x) => x.id === id)?.score).toBe(r.score);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('is deterministic and does not depend on the order of the practices', () => {
    const practices = createBatch1();
    const a = relatedPractices(practices);
    const b = relatedPractices(createBatch1());
    const c = relatedPractices([...createBatch1()].reverse());
    expect([...b]).toEqual([...a]);
    expect(Object.fromEntries(c)).toEqual(Object.fromEntries(a));
  });

  it('ranks the 城市体检 practices of 上海 and 重庆 above unrelated pairs', () => {
    const pairs = pairScores(createBatch1());
    const checkup = scoreOf(pairs, '1-1-3-1', '1-1-3-2')!;
    expect(checkup).toBeGreaterThan(0.15);
    // 上海's 城市体检 against 唐山's approvals and 黄石's land use: nothing in common.
    for (const other of ['1-3-2-2', '1-3-1-3', '1-2-2-3', '1-1-1-2']) expect(scoreOf(pairs, '1-1-3-1', other) ?? 0).toBeLessThan(checkup / 2);
    // And it is above 90% of all pairs.
    const below = pairs.filter((p) => p[2] < checkup).length;
    expect(below / pairs.length).toBeGreaterThan(0.9);
  });

  it('ranks the fund-raising practices (成都 专项资金, 铜陵 开发性金融, 上海 基金) first for each other', () => {
    const related = relatedPractices(createBatch1());
    const funds = ['1-2-3-1', '1-2-3-2', '1-2-3-3'];
    for (const id of funds) {
      const top2 = related.get(id)!.slice(0, 2).map((r) => r.id);
      expect(top2.sort()).toEqual(funds.filter((f) => f !== id));
    }
  });

  it('lists the 城市体检 practices as each other’s best', () => {
    const related = relatedPractices(createBatch1());
    expect(related.get('1-1-3-1')!.slice(0, 2).map((r) => r.id)).toEqual(['1-1-3-2', '1-1-3-3']);
    expect(related.get('1-1-3-2')![0]!.id).toBe('1-1-3-1');
  });

  it('keeps at most 5, best first, scores with 3 decimals in (0, 1]', () => {
    for (const list of relatedPractices(createBatch1()).values()) {
      expect(list.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
      for (const r of list) {
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(Math.round(r.score * 1000) / 1000).toBe(r.score);
      }
    }
  });

  it('never relates a practice to one of the same place or a place containing it (重庆市 and 九龙坡区)', () => {
    const practices = createBatch1();
    const byId = new Map(practices.map((p) => [p.id, p]));
    const within = (p: Practice) => new Set(p.actors.flatMap((a) => [a.adcode, a.province, a.city ?? 0]));
    for (const [id, list] of relatedPractices(practices, { topK: 30, minScore: 0 })) {
      const p = byId.get(id)!;
      for (const r of list) {
        const q = byId.get(r.id)!;
        expect(p.actors.some((a) => within(q).has(a.adcode)) || q.actors.some((a) => within(p).has(a.adcode))).toBe(false);
      }
    }
    const jiulongpo = practices.find((p) => p.actors[0]!.name === '九龙坡区')!;
    expect(pairScores(practices).some((x) => x.includes(jiulongpo.id) && practices.find((p) => p.id === (x[0] === jiulongpo.id ? x[1] : x[0]))!.actors[0]!.name === '重庆市')).toBe(false);
  });
});

describe('scoring', () => {
  it('weighs text 0.8, themes 0.1 and measure 0.1', () => {
    const a = createPractice({ text: '北京市开展城市体检评估工作。', themes: ['checkup'] });
    const b = createPractice({ text: '上海市开展城市体检评估工作。', themes: ['checkup'], actors: [place(310000, '上海市', 'province', 310000)] });
    // Same text once the places are cut, same themes, same measure: 0.8 + 0.1 + 0.1.
    expect(pairScores([a, b])).toEqual([[a.id, b.id, 1]]);
    const c = { ...b, themes: ['finance'], measure: { code: '（二）', index: 2, title: '另一举措' } };
    expect(pairScores([a, c])).toEqual([[a.id, c.id, 0.8]]);
  });

  it('breaks ties by id, naturally ordered', () => {
    const texts = (id: string, adcode: number, name: string) =>
      createPractice({ id, text: `${name}设立城市更新基金。`, actors: [place(adcode, name, 'province', adcode)] });
    const ps = [texts('1-1-1-10', 310000, '上海市'), texts('1-1-1-9', 500000, '重庆市'), texts('1-1-1-1', 110000, '北京市')];
    expect(relatedPractices(ps).get('1-1-1-1')!.map((r) => r.id)).toEqual(['1-1-1-9', '1-1-1-10']);
  });

  it('relates nothing when texts share no bigram', () => {
    const a = createPractice({ text: '北京市设立基金。' });
    const b = createPractice({ text: '上海市简化审批。', actors: [place(310000, '上海市', 'province', 310000)] });
    expect(relatedPractices([a, b]).get(a.id)).toEqual([]);
  });

  it('fills `related` on copies and leaves the input alone', () => {
    const input = createBatch1();
    const out = withRelated(input);
    expect(input.every((p) => p.related === undefined)).toBe(true);
    expect(out.every((p) => Array.isArray(p.related))).toBe(true);
    expect(out.find((p) => p.id === '1-2-3-3')!.related!.length).toBeGreaterThan(0);
  });

  it('copes with an empty list and a single practice', () => {
    expect(relatedPractices([]).size).toBe(0);
    const one = createPractice({ text: '北京市设立基金。' });
    expect(relatedPractices([one]).get(one.id)).toEqual([]);
  });
});

describe('compareIds', () => {
  it('orders the numeric parts as numbers', () => {
    expect(['1-2-3-10', '1-2-3-9', '1-10-1-1', '1-2-3-1'].sort(compareIds)).toEqual(['1-2-3-1', '1-2-3-9', '1-2-3-10', '1-10-1-1']);
  });
});
