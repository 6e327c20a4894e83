// English names: the rules on small inputs and the reviewed exceptions (the committed file: build-names.golden.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GazetteerEntry } from '../src/types';
import { fromRoot } from './lib';
import { buildNamesEn, pinyinWord, placeEnglish, type ReviewedNames } from './names';

const reviewed = JSON.parse(readFileSync(fromRoot('data/names-en-reviewed.json'), 'utf8')) as ReviewedNames;

function entry(adcode: number, name: string, level: GazetteerEntry['level'] = 'district'): GazetteerEntry {
  return { adcode, name, short: name, level, parent: 100000, center: [0, 0] };
}

describe('English place names', () => {
  it('writes pinyin as one word without tones, with the unit word', () => {
    expect(placeEnglish(entry(510100, '成都市', 'city'), reviewed)).toBe('Chengdu');
    expect(placeEnglish(entry(500107, '九龙坡区'), reviewed)).toBe('Jiulongpo District');
    expect(placeEnglish(entry(130133, '赵县'), reviewed)).toBe('Zhao County');
    expect(placeEnglish(entry(140302, '城区'), reviewed)).toBe('Chengqu District');
  });

  it("puts an apostrophe before a syllable that starts with a, o or e (Xi'an)", () => {
    expect(pinyinWord('西安')).toBe("Xi'an");
    expect(pinyinWord('延安')).toBe("Yan'an");
  });

  it('names the ethnic groups of an autonomous unit in English', () => {
    expect(placeEnglish(entry(422800, '恩施土家族苗族自治州', 'city'), reviewed)).toBe('Enshi Tujia and Miao Autonomous Prefecture');
    expect(placeEnglish(entry(152900, '阿拉善盟', 'city'), reviewed)).toBe('Alashan League');
  });

  it('applies the reviewed exceptions (polyphonic characters, official spellings, Hong Kong and Macao)', () => {
    expect(placeEnglish(entry(810002, '湾仔区'), reviewed)).toBe('Wan Chai District');
    const names = buildNamesEn(
      [entry(500000, '重庆市', 'province'), entry(610000, '陕西省', 'province'), entry(540000, '西藏自治区', 'province'), entry(820000, '澳门特别行政区', 'province')],
      reviewed,
      { titles: {} },
      [],
    );
    expect(names.places).toEqual({ '500000': 'Chongqing', '540000': 'Xizang', '610000': 'Shaanxi', '820000': 'Macao SAR' });
  });

  it('reads the polyphonic characters of well-known places right', () => {
    const cases: [string, string][] = [
      ['长沙市', 'Changsha'], ['厦门市', 'Xiamen'], ['蚌埠市', 'Bengbu'], ['六安市', "Lu'an"], ['乐山市', 'Leshan'],
      ['都江堰市', 'Dujiangyan'], ['朝阳区', 'Chaoyang District'], ['番禺区', 'Panyu District'], ['曲阜市', 'Qufu'],
      ['台州市', 'Taizhou'], ['亳州市', 'Bozhou'], ['重庆市', 'Chongqing'], ['长春市', 'Changchun'], ['大理市', 'Dali'],
      ['闵行区', 'Minhang District'], ['六合区', 'Luhe District'], ['乐清市', 'Yueqing'], ['单县', 'Shan County'],
      ['都匀市', 'Duyun'], ['郫都区', 'Pidu District'], ['什邡市', 'Shifang'], ['喀什市', 'Kashi'], ['蔚县', 'Yu County'],
    ];
    for (const [zh, en] of cases) expect(placeEnglish(entry(1, zh, 'city'), reviewed), zh).toBe(en);
  });

  it('fails loudly, naming the entry, for a unit it cannot name', () => {
    expect(() => buildNamesEn([entry(999999, '某某村')], reviewed, { titles: {} }, [])).toThrow(/999999 某某村/);
    expect(() => buildNamesEn([], reviewed, { titles: {} }, ['完善土地政策'])).toThrow(/完善土地政策/);
  });
});
