import { describe, expect, it } from 'vitest';
import { geocoderFor } from '../ingest/ingest';
import { createAliases, createGazetteer, createThemes } from '../ingest/test-helpers';
import { prepareImport } from './pipeline';
import { applyChoices, chainName, openActorQuestions, searchGazetteer } from './resolve';

function createCase() {
  const gazetteer = createGazetteer();
  const aliases = createAliases();
  const list = ['一、机制', '（一）举措', '1．江北区开展专项体检。在观音桥片区试点。', '2．某地建立工作专班，在和平区试点。', ''].join('\n');
  const r = prepareImport({ input: { kind: 'text', text: list }, firstBatchId: 1000 }, { gazetteer, aliases, themes: createThemes() });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { g: geocoderFor(gazetteer, aliases), gazetteer, candidate: r.candidates[0]! };
}

describe('choices for unresolved places', () => {
  it('blocks on an ambiguous actor until it is answered; a practice naming no place may stay without one', () => {
    const { candidate } = createCase();
    const choices = new Map<string, number>();
    expect(candidate.unresolved.filter((u) => u.kind === 'actor').map((u) => u.practiceId)).toEqual(['1000-1-1-1', '1000-1-1-2']);
    expect(openActorQuestions(candidate.unresolved, choices).map((u) => u.practiceId)).toEqual(['1000-1-1-1']);
    choices.set('1000-1-1-1:actor', 500105);
    expect(openActorQuestions(candidate.unresolved, choices)).toEqual([]);
  });

  it('records a chosen actor exactly as the geocoder would, and leaves unanswered practices alone', () => {
    const { g, candidate } = createCase();
    const out = applyChoices(g, candidate.practices, candidate.unresolved, new Map([['1000-1-1-1:actor', 500105]]));
    expect(out[0]!.actors).toEqual([{ adcode: 500105, name: '江北区', level: 'district', province: 500000 }]);
    expect(out[1]).toBe(candidate.practices[1]);
    expect(candidate.practices[0]!.actors).toEqual([]);
  });

  it('adds a chosen mention once', () => {
    const { g, candidate } = createCase();
    const m = candidate.unresolved.find((u) => u.kind === 'mention' && u.name === '和平区');
    expect(m).toBeDefined();
    const choices = new Map([
      ['1000-1-1-2:actor', 210100],
      [m!.key, 210102],
    ]);
    const out = applyChoices(g, candidate.practices, candidate.unresolved, choices);
    expect(out[1]!.actors.map((a) => a.adcode)).toEqual([210100]);
    expect(out[1]!.mentions.filter((x) => x.adcode === 210102)).toHaveLength(1);
  });
});

describe('gazetteer search for the picker', () => {
  it('ranks exact and short names first, provinces before cities and districts', () => {
    const gaz = createGazetteer();
    expect(searchGazetteer(gaz, '江北区').map((e) => e.adcode)).toEqual(expect.arrayContaining([500105, 330205]));
    expect(searchGazetteer(gaz, '四川')[0]!.adcode).toBe(510000);
    expect(searchGazetteer(gaz, '  ')).toEqual([]);
    expect(searchGazetteer(gaz, '区', 5)).toHaveLength(5);
  });

  it('names a place with its parents', () => {
    const map = new Map(createGazetteer().map((e) => [e.adcode, e]));
    expect(chainName(330205, map)).toBe('浙江省宁波市江北区');
    expect(chainName(500105, map)).toBe('重庆市江北区');
    expect(chainName(510000, map)).toBe('四川省');
  });
});
