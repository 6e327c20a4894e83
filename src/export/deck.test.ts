import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDataset, parseProgrammes } from '../ingest/schema';
import { EMPTY_FILTERS } from '../store/filters';
import { filterPractices } from '../store/selectors';
import { city, createDataset, createPractice, province } from '../store/test-helpers';
import { slidesOf } from '../store/slides';
import { BODY_W, DECK_SLIDE_LAYOUT, FONT, MAX_BODY_LINES, planDeck, type DeckInput } from './deck';
import { emsPerLine, wrapEms } from './textFit';

const input = (over: Partial<DeckInput> & Pick<DeckInput, 'dataset' | 'practices'>): DeckInput => ({
  gazetteer: new Map(),
  lang: 'zh',
  subject: '全国',
  filterWords: '全部做法',
  date: '2026年11月29日',
  placeName: (a) => `地${a}`,
  ...over,
});

const longText = `${'苏州市建立城市更新项目库，统筹推进老旧小区改造与历史街区保护。'.repeat(14)}最后一句。`;

describe('planDeck', () => {
  const ds = createDataset({
    practices: [
      createPractice({ id: '1-1-1-1', item: 1, actors: [city(320500, '苏州市')], headline: '苏州市建立项目库。', text: longText }),
      createPractice({ id: '1-1-1-2', item: 2, actors: [province(110000, '北京市')] }),
      createPractice({ id: '1-1-2-1', meas: 2, item: 1, actors: [city(320200, '无锡市'), city(370700, '潍坊市')] }),
    ],
  });

  it('has a cover, then the briefing slides in order, each with at least one page', () => {
    const { slides, pages } = planDeck(input({ dataset: ds, practices: ds.practices }));
    expect(slides).toEqual(slidesOf(ds, ds.practices, DECK_SLIDE_LAYOUT));
    expect(pages[0]!.kind).toBe('cover');
    const covered = [...new Set(pages.slice(1).map((p) => p.slide))];
    expect(covered).toEqual(slides.map((_, i) => i));
    for (const [i, s] of slides.entries()) expect(pages.find((p) => p.slide === i)!.kind).toBe(s.kind);
  });

  it("puts a practice's whole text on its pages, continued on pages marked 续, never more than eight lines a page", () => {
    const { pages } = planDeck(input({ dataset: ds, practices: ds.practices }));
    const own = pages.filter((p) => p.practiceId === '1-1-1-1');
    expect(own.length).toBeGreaterThan(1);
    expect(own.map((p) => p.body.join('')).join('')).toBe(longText);
    expect(own[0]!.continued).toBe(false);
    for (const p of own.slice(1)) {
      expect(p.continued).toBe(true);
      expect(p.title).toMatch(/（续）$/);
      expect(p.map).toBeUndefined();
    }
    // Lines counted at the box width the page really has (beside the map on the first page, full width after).
    for (const p of pages.filter((x) => x.kind !== 'cover')) {
      const width = p.map === undefined ? BODY_W.full : p.kind === 'practice' ? BODY_W.besideMap : p.kind === 'province' ? BODY_W.province : BODY_W.national;
      const ems = emsPerLine(width, FONT.body);
      expect(p.body.reduce((n, b) => n + wrapEms(b, ems).length, 0)).toBeLessThanOrEqual(MAX_BODY_LINES);
    }
    // The speaker notes hold the full text on every page of the practice.
    for (const p of own) expect(p.notes).toContain(longText);
  });

  it('cites every page; a practice page with its item number as the ministry writes it', () => {
    const { pages } = planDeck(input({ dataset: ds, practices: ds.practices }));
    for (const p of pages) expect(p.citation).not.toBe('');
    const p = pages.find((x) => x.practiceId === '1-1-1-2')!;
    expect(p.citation).toMatch(/序号 一（一）2/);
    expect(p.title).toBe('地110000 · 一（一）2');
  });

  it('never leaves a 续 page holding less than a third of its practice’s text (issue 26.4)', () => {
    const real = parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));
    for (const [d, practices] of [[ds, ds.practices], [real, filterPractices(real, EMPTY_FILTERS)]] as const) {
      const { pages } = planDeck(input({ dataset: d, practices }));
      for (const p of practices) {
        const own = pages.filter((x) => x.practiceId === p.id);
        for (const c of own.filter((x) => x.continued)) {
          expect(c.body.join('').length * 3, `${p.id}: ${c.body.join('')}`).toBeGreaterThanOrEqual(p.text.length);
        }
      }
    }
  });

  it('a province’s or a programme’s 续 page is no remnant: a third of the text at least, never opening on 、 or ，(issue 26.4)', () => {
    // 江苏's 续 page held one item of five, the 2024 list's "、西安市" alone.
    const real = parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));
    const withProgrammes = { ...real, programmes: parseProgrammes(JSON.parse(readFileSync('public/data/programmes.json', 'utf8'))) };
    const bad: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      const { pages } = planDeck(input({ dataset: withProgrammes, practices: filterPractices(withProgrammes, EMPTY_FILTERS), lang }));
      pages.forEach((p, i) => {
        if (!p.continued || (p.kind !== 'province' && p.kind !== 'programme')) return;
        const own = pages.filter((x) => x.slide === p.slide).map((x) => x.body.join('').length);
        const here = p.body.join('');
        if (here.length * 3 < own.reduce((a, b) => a + b, 0) || /^[、，,；;]/.test(here)) bad.push(`${lang} page ${i + 1}: ${here.slice(0, 20)}`);
      });
      for (const p of pages) for (const line of p.body) expect(wrapEms(line, emsPerLine(BODY_W.full, FONT.body)).length).toBeLessThanOrEqual(MAX_BODY_LINES);
    }
    expect(bad).toEqual([]);
  });

  it('for the real dataset: every filtered practice has its page and its whole text', () => {
    const real = parseDataset(JSON.parse(readFileSync('public/data/practices.json', 'utf8')));
    const practices = filterPractices(real, EMPTY_FILTERS);
    const { slides, pages } = planDeck(input({ dataset: real, practices }));
    expect(pages.length).toBeGreaterThanOrEqual(slides.length + 1);
    for (const pr of practices) {
      expect(pages.filter((p) => p.practiceId === pr.id).flatMap((p) => p.body).join('')).toBe(pr.text);
    }
  });
});
