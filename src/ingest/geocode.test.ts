import { describe, expect, it } from 'vitest';
import { findMentions, resolveActors } from './geocode';
import { documentSpans } from './extract';
import { createBatch1Text, createGeocoderForTest, createList, ingest } from './test-helpers';

function actorsOf(headline: string) {
  const r = resolveActors(createGeocoderForTest(), headline);
  return r.ok ? r.actors : r;
}

function actorCodes(headline: string): number[] {
  const r = resolveActors(createGeocoderForTest(), headline);
  return r.ok ? r.actors.map((a) => a.adcode) : [];
}

/** Mentions in `text` of a practice whose headline opens with `actorText`. */
function mentionsOf(actorText: string, body: string) {
  const g = createGeocoderForTest();
  const text = `${actorText}${body}`;
  const actor = resolveActors(g, text);
  if (!actor.ok) throw new Error('actor not resolved');
  return findMentions(g, text, actor.actors, [[0, actor.end], ...documentSpans(text)]);
}

describe('actors', () => {
  it('a municipality is a province-level unit', () => {
    expect(actorsOf('北京市党委、政府主要负责同志亲自推动。')).toEqual([{ adcode: 110000, name: '北京市', level: 'province', province: 110000 }]);
  });

  it('a district of a municipality is a district in that province, with no city', () => {
    expect(actorsOf('重庆市九龙坡区开展“三师”进社区行动。')).toEqual([{ adcode: 500107, name: '九龙坡区', level: 'district', province: 500000 }]);
  });

  it('a prefecture city under its province', () => {
    expect(actorsOf('山东省潍坊市建立城市更新工作联席会议制度。')).toEqual([{ adcode: 370700, name: '潍坊市', level: 'city', province: 370000 }]);
  });

  it('an autonomous region and its city', () => {
    expect(actorsOf('宁夏回族自治区银川市强化城市更新工作考核。')).toMatchObject([{ adcode: 640100, level: 'city', province: 640000 }]);
  });

  it('a short form from the alias list', () => {
    expect(actorsOf('宁夏银川市强化考核。')).toMatchObject([{ adcode: 640100 }]);
    expect(actorsOf('内蒙古推进城市更新。')).toMatchObject([{ adcode: 150000, level: 'province' }]);
  });

  it('a district under a prefecture city records its city', () => {
    expect(actorsOf('辽宁省沈阳市和平区推进改造。')).toEqual([{ adcode: 210102, name: '和平区', level: 'district', province: 210000, city: 210100 }]);
  });

  it('several places joined by 、 are all actors', () => {
    expect(actorCodes('黑龙江省、河南省、四川省推进老旧小区改造。')).toEqual([230000, 410000, 510000]);
  });

  it('a later ambiguous name is read inside the province of the earlier actors', () => {
    expect(actorCodes('重庆市渝中区、江北区推进改造。')).toEqual([500103, 500105]);
  });

  it('a city under another province is not a second actor', () => {
    expect(actorsOf('山东省银川市强化考核。')).toMatchObject({ ok: false, reason: 'outside', name: '银川市', container: '山东省' });
  });

  it('an ambiguous district name alone is not resolved', () => {
    expect(actorsOf('江北区推进改造。')).toMatchObject({ ok: false, reason: 'ambiguous', candidates: [330205, 500105] });
  });
});

describe('mentions', () => {
  it('江北区 in a 重庆市 practice of batch 1 is Chongqing’s 500105, not Ningbo’s', () => {
    const r = ingest(createBatch1Text());
    const p = r.practices.find((x) => x.id === '1-1-3-2')!;
    expect(p.actors.map((a) => a.adcode)).toEqual([500000]);
    expect(p.mentions).toEqual([{ adcode: 500105, name: '江北区', level: 'district', province: 500000 }]);
  });

  it('江北区 in a 浙江省宁波市 practice is Ningbo’s 330205', () => {
    expect(mentionsOf('浙江省宁波市推进改造。', '在江北区开展试点。').mentions.map((m) => m.adcode)).toEqual([330205]);
  });

  it('和平区 in a synthetic 辽宁省沈阳市 practice is 210102', () => {
    const r = ingest(createList(['辽宁省沈阳市探索跨项目统筹运作模式。如，将和平区太原街地区划定为城市核心发展板块。']));
    expect(r.practices[0]!.mentions).toEqual([{ adcode: 210102, name: '和平区', level: 'district', province: 210000, city: 210100 }]);
  });

  it('和平区 in a synthetic 天津市 practice is 120101', () => {
    const r = ingest(createList(['天津市探索跨项目统筹运作模式。如，将和平区五大道地区划定为城市核心发展板块。']));
    expect(r.practices[0]!.mentions).toEqual([{ adcode: 120101, name: '和平区', level: 'district', province: 120000 }]);
  });

  it('an ambiguous name outside the actor’s province is reported, not guessed', () => {
    const r = mentionsOf('上海市学习外地经验。', '借鉴和平区做法。');
    expect(r.mentions).toEqual([]);
    expect(r.unresolved).toMatchObject([{ name: '和平区', candidates: [120101, 210102] }]);
  });

  it('a place inside an organisation’s name is not a mention', () => {
    expect(mentionsOf('安徽省铜陵市争取金融支持。', '铜陵市政府与国家开发银行安徽省分行签订战略合作协议。').mentions).toEqual([]);
  });

  it('城区, 中心城区, 市委, 市长 and 区级 are not places', () => {
    expect(mentionsOf('重庆市开展体检。', '在中心城区和老旧城区开展，市委、市长、区级部门参与。').mentions).toEqual([]);
  });

  it('项 + 城市 is not 项城市', () => {
    expect(mentionsOf('河南省郑州市开展体检。', '增加10项城市更新专项体检指标。').mentions).toEqual([]);
  });

  it('a chain of names is one mention of its most specific unit', () => {
    expect(mentionsOf('上海市学习经验。', '借鉴江苏省南京市做法。').mentions).toEqual([{ adcode: 320100, name: '南京市', level: 'city', province: 320000 }]);
  });

  it('places inside 《document titles》 are not mentions', () => {
    expect(mentionsOf('辽宁省出台条例。', '参照《江苏省城市更新条例》。').mentions).toEqual([]);
  });

  it('the actor and the units containing it are not mentions', () => {
    expect(mentionsOf('重庆市九龙坡区开展行动。', '重庆市和九龙坡区共同推进，沙坪坝区参与。').mentions.map((m) => m.adcode)).toEqual([500106]);
  });

  it('a mention is listed once', () => {
    expect(mentionsOf('重庆市开展体检。', '在沙坪坝区试点，沙坪坝区推广。').mentions).toHaveLength(1);
  });
});

describe('actor errors', () => {
  it('a headline that does not open with a place keeps the practice without one, with a warning on its line (issue 16)', () => {
    const r = ingest(createList(['北京市建立工作专班。', '某地建立联席会议制度。']));
    expect(r.ok).toBe(true);
    expect(r.practices[1]!.actors).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'actor-none').map((w) => w.line)).toEqual([5]);
    expect(r.warnings.find((w) => w.code === 'actor-none')!.message).toContain('does not open with a known place');
  });

  it('a place outside the place before it is an error naming both', () => {
    const r = ingest(createList(['山东省银川市强化考核。']));
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[4, 'actor-unresolved']]);
    expect(r.errors[0]!.message).toContain('"银川市" is not inside 山东省');
  });

  it('an ambiguous actor asks for its province or city', () => {
    const r = ingest(createList(['江北区推进改造。']));
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[4, 'actor-unresolved']]);
    expect(r.errors[0]!.message).toContain('500105');
  });
});
