// The programme build (issue 27): a name that is not one gazetteer unit stops it, naming the file and the line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../src/ingest/geocode';
import { parseProgrammes } from '../src/ingest/schema';
import { fromRoot, loadAliases, loadGazetteer } from './lib';
import { buildProgrammes, readProgramme, serialiseProgrammes } from './programmes';

const gazetteer = loadGazetteer();
const g = createGeocoder(gazetteer, loadAliases());

const file = (units: string[], extra: Record<string, unknown> = {}) =>
  `${JSON.stringify(
    {
      id: 'test-2026',
      title: '测试名单',
      titleEn: 'Test list',
      issuer: '测试',
      date: '2026-01-01',
      status: '公示',
      sources: [{ title: 't', publisher: 'p', date: '2026-01-01', url: 'https://example.org/x' }],
      units,
      ...extra,
    },
    null,
    2,
  )}\n`;

describe('readProgramme', () => {
  it('resolves full chains and short forms to one unit each', () => {
    const r = readProgramme('data/programmes/test-2026.json', file(['重庆市九龙坡区', '石家庄', '上海', '宁夏回族自治区银川市']), g, gazetteer);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.programme.units.map((u) => [u.published, u.adcode, u.level])).toEqual([
      ['重庆市九龙坡区', 500107, 'district'],
      ['石家庄', 130100, 'city'],
      ['上海', 310000, 'province'],
      ['宁夏回族自治区银川市', 640100, 'city'],
    ]);
  });

  it('refuses an unknown name, naming the file and its line', () => {
    const text = file(['北京市', '不存在市', '西安']);
    const r = readProgramme('data/programmes/test-2026.json', text, g, gazetteer);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('不存在市')) + 1;
    expect(r.errors).toEqual([{ file: 'data/programmes/test-2026.json', line, message: expect.stringContaining('不存在市') }]);
  });

  it('refuses an ambiguous name (江北区: Chongqing and Ningbo) and a duplicate unit', () => {
    const r = readProgramme('data/programmes/test-2026.json', file(['江北区', '南京', '江苏省南京市']), g, gazetteer);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringContaining('ambiguous'), expect.stringContaining('same unit')]);
  });

  it('refuses a bad status, a missing source address and an unknown field', () => {
    const r = readProgramme('data/programmes/test-2026.json', file(['北京'], { status: '拟', sources: [{ title: 't', publisher: 'p', date: '2026-01-01', url: '' }], extra: 1 }), g, gazetteer);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map((e) => e.message);
    expect(messages).toHaveLength(3);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('status "拟"'), expect.stringContaining('url (its address)'), 'unknown field "extra"']));
  });
});

describe('buildProgrammes', () => {
  it('fails the whole build on one bad file, and a new programme is one new file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prog-'));
    writeFileSync(join(dir, 'test-2026.json'), file(['北京', '天津']));
    const good = buildProgrammes(dir, gazetteer, loadAliases());
    expect(good.ok && good.programmes.map((p) => [p.id, p.units.length])).toEqual([['test-2026', 2]]);
    writeFileSync(join(dir, 'bad-2027.json'), file(['北京', '火星市'], { id: 'bad-2027' }));
    const bad = buildProgrammes(dir, gazetteer, loadAliases());
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual([expect.stringMatching(/bad-2027\.json:\d+: "火星市"/)]);
  });

  it('the committed public/data/programmes.json is a fresh build of data/programmes/', () => {
    const r = buildProgrammes();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const committed = readFileSync(fromRoot('public/data/programmes.json'), 'utf8');
    expect(committed).toBe(serialiseProgrammes(r.programmes));
    expect(parseProgrammes(JSON.parse(committed)).map((p) => [p.id, p.status, p.units.length])).toEqual([
      ['pilot-2021', '正式', 21],
      ['fund-2024', '公示', 15],
      ['fund-2025', '公示', 20],
    ]);
  });
});
