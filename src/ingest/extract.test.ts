import { describe, expect, it } from 'vitest';
import { assignThemes, documentSpans, extractDocuments, extractFigures, extractSites, headlineOf, type ThemeDef } from './extract';
import { createGeocoderForTest, createThemes } from './test-helpers';

function figure(text: string, raw: string) {
  return extractFigures(text).find((f) => f.raw === raw);
}

function sitesOf(text: string) {
  return extractSites(createGeocoderForTest(), text, documentSpans(text));
}

describe('headline', () => {
  it('is the first sentence with its full stop', () => {
    expect(headlineOf('山东省潍坊市建立联席会议制度。市长为召集人。')).toBe('山东省潍坊市建立联席会议制度。');
  });

  it('is the whole text when there is no full stop', () => {
    expect(headlineOf('北京市推进改造')).toBe('北京市推进改造');
  });
});

describe('documents', () => {
  it('are 《…》 titles without brackets, deduplicated in order', () => {
    expect(extractDocuments('印发《B办法》和《A条例（试行）》，落实《B办法》。')).toEqual(['B办法', 'A条例（试行）']);
  });
});

describe('figures', () => {
  it('an amount with its unit and clause', () => {
    expect(figure('多家房企和保险资金成立800亿元基金，定向投资。', '800亿元')).toEqual({ value: 800, unit: '亿元', raw: '800亿元', phrase: '多家房企和保险资金成立800亿元基金' });
  });

  it('an area', () => {
    expect(figure('将板块内125公顷历史文化街区保护。', '125公顷')).toMatchObject({ value: 125, unit: '公顷' });
  });

  it('a compound unit wins over its tail', () => {
    expect(figure('101万平方米老旧小区改造', '101万平方米')).toMatchObject({ value: 101, unit: '万平方米' });
  });

  it('a percentage with a decimal', () => {
    expect(figure('拆除建筑规模仅占5.6%，容积率', '5.6%')).toMatchObject({ value: 5.6, unit: '%', phrase: '拆除建筑规模仅占5.6%' });
  });

  it('a ratio keeps both sides in raw and has no unit', () => {
    expect(figure('两级财政按照7:3的比例给予补助', '7:3')).toMatchObject({ value: 7, unit: '', phrase: '两级财政按照7:3的比例给予补助' });
  });

  it('a range keeps its lower bound as value', () => {
    expect(figure('区域运营收入约6—7年可收回成本。', '6—7年')).toMatchObject({ value: 6, unit: '年' });
    expect(figure('给予70%—80%的投资补助', '70%—80%')).toMatchObject({ value: 70, unit: '%' });
  });

  it('a number without a unit is kept with an empty unit', () => {
    expect(figure('容积率由2.94降为2.82', '2.94')).toMatchObject({ value: 2.94, unit: '' });
  });

  it('a number with thousands separators', () => {
    expect(figure('扩建约1,300平方米，', '1,300平方米')).toMatchObject({ value: 1300, unit: '平方米' });
  });

  it('a year span is not a figure', () => {
    expect(extractFigures('2019—2021年完成改造。')).toEqual([]);
  });

  it('years, list numbers, ordinals and codes glued to letters are not figures', () => {
    expect(extractFigures('自2019年起，1．第3批，5G网络和TOD2项目。')).toEqual([]);
  });
});

describe('sites', () => {
  it('named areas, streets and parks are kept as names', () => {
    expect(sitesOf('猛追湾片区按照原则实施。戴家巷老街区更新。如，在天府文化公园等片区更新中。小西湖历史风貌区更新项目。')).toEqual([
      '猛追湾片区', '戴家巷老街区', '天府文化公园', '小西湖历史风貌区',
    ]);
  });

  it('the district in front of a site is not part of its name', () => {
    expect(sitesOf('如，将和平区太原街地区划定为核心板块。')).toEqual(['太原街地区']);
  });

  it('a name that contains a generic word is still a site', () => {
    expect(sitesOf('推进平江历史街区保护。')).toEqual(['平江历史街区']);
  });

  it('policy concepts are not sites', () => {
    expect(sitesOf('开展“完整社区”建设和智慧社区试点，各片区推进。')).toEqual([]);
  });

  it('generic areas are not sites', () => {
    expect(sitesOf('增加了更新片区人口密度，划定特色更新片区，31个口袋公园，125公顷历史文化街区保护，开展规划师进社区行动。')).toEqual([]);
  });
});

describe('themes', () => {
  function createDict(): ThemeDef[] {
    return [
      { key: 'finance', zh: '资金', en: 'Finance', keywords: ['基金', '贷款'] },
      { key: 'checkup', zh: '体检', en: 'Check-up', keywords: ['城市体检'] },
    ];
  }

  it('a theme applies when one of its keywords occurs, in dictionary order', () => {
    expect(assignThemes('开展城市体检，设立基金。', createDict())).toEqual(['finance', 'checkup']);
  });

  it('no keyword, no theme', () => {
    expect(assignThemes('推进改造。', createDict())).toEqual([]);
  });

  it('the project dictionary has 10–15 themes with unique keys and keywords', () => {
    const themes = createThemes();
    expect(themes.length).toBeGreaterThanOrEqual(10);
    expect(themes.length).toBeLessThanOrEqual(15);
    expect(new Set(themes.map((t) => t.key)).size).toBe(themes.length);
    for (const t of themes) expect(t.keywords.length).toBeGreaterThan(0);
  });
});
