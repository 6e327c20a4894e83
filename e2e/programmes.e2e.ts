// Programmes (issue 27) in a real browser, one page load: ?prog= selects the 2021 pilot and reports an unknown
// programme like any bad parameter; the facet, the list, the map's programme layer and the overview's sentence
// "N 个城市（区）中 M 个有做法入选" agree with the rule computed here, independently of the app's code: a practice
// belongs to a programme when one of its actors is a unit or lies inside one (own, city or province code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { artifactPath, gotoApp, openSession, settled, type Session, useBrowser } from './browser';
import type { Dataset, Practice, Programme } from '../src/types';

const dataset = JSON.parse(readFileSync('public/data/practices.json', 'utf8')) as Dataset;
const programmes = (JSON.parse(readFileSync('public/data/programmes.json', 'utf8')) as { programmes: Programme[] }).programmes;
const pilot = programmes.find((p) => p.id === 'pilot-2021')!;

const inUnit = (p: Practice, unit: number) => p.actors.some((a) => a.adcode === unit || a.city === unit || a.province === unit);
const inProgramme = (p: Practice, prog: Programme) => prog.units.some((u) => inUnit(p, u.adcode));

describe('programmes', () => {
  const b = useBrowser();
  let s: Session;

  beforeAll(async () => {
    s = await openSession(b.browser);
    await gotoApp(s, 'prog=pilot-2021,fund-2099');
    await settled(s.page);
  });
  afterAll(async () => {
    await s?.context.close();
  });

  it('reads ?prog=, reports the unknown programme, and filters the list by the rule', async () => {
    const { page } = s;
    await expect(page.getByTestId('url-notice').textContent()).resolves.toContain('prog=fund-2099');
    const expected = dataset.practices.filter((p) => inProgramme(p, pilot));
    // The rule keeps a 九龙坡区 practice and leaves out the 重庆市-wide ones.
    expect(expected.some((p) => p.actors.some((a) => a.adcode === 500107))).toBe(true);
    expect(expected.some((p) => p.actors.every((a) => a.adcode === 500000))).toBe(false);
    await expect(page.locator('#list-heading .count').textContent()).resolves.toContain(String(expected.length));
    const option = page.getByTestId('programme-pilot-2021');
    await expect(option.locator('input').isChecked()).resolves.toBe(true);
    await expect(option.locator('.facet-count').textContent()).resolves.toContain(String(expected.length));
    expect(new URL(page.url()).searchParams.get('prog')).toBe('pilot-2021');
  });

  it('outlines the pilot units on the map: solid with practices, dashed without', async () => {
    const state = await s.page.evaluate(() => {
      const map = window.__atlas!.map as {
        getLayoutProperty: (l: string, p: string) => unknown;
        getFilter: (l: string) => unknown;
      };
      return {
        city: map.getLayoutProperty('programme-city', 'visibility'),
        cityNone: map.getLayoutProperty('programme-city-none', 'visibility'),
        solid: JSON.stringify([map.getFilter('programme-province'), map.getFilter('programme-city')]),
        dashed: JSON.stringify([map.getFilter('programme-province-none'), map.getFilter('programme-city-none')]),
      };
    });
    expect(state.city).toBe('visible');
    expect(state.cityNone).toBe('visible');
    const filtered = dataset.practices.filter((p) => inProgramme(p, pilot));
    for (const u of pilot.units) {
      const has = filtered.some((p) => inUnit(p, u.adcode));
      expect(has ? state.solid : state.dashed, u.published).toContain(String(u.adcode));
    }
    await expect(s.page.getByTestId('programme-layer-toggle').isChecked()).resolves.toBe(true);
    await s.page.screenshot({ path: artifactPath('programmes-map.png') });
  });

  it('says in the overview how many units of each programme have practices, by name', async () => {
    const { page } = s;
    await page.locator('[data-testid="tab-overview"]').click();
    const section = page.getByTestId('overview-programmes');
    await section.waitFor();
    const filtered = dataset.practices.filter((p) => inProgramme(p, pilot));
    for (const prog of programmes) {
      const withUnits = prog.units.filter((u) => filtered.some((p) => inUnit(p, u.adcode)));
      const box = page.getByTestId(`programme-coverage-${prog.id}`);
      await expect(box.getByTestId('programme-sentence').textContent()).resolves.toBe(`${prog.units.length} 个城市（区）中 ${withUnits.length} 个有做法入选`);
      const withText = (await box.getByTestId('programme-with').textContent()) ?? '';
      const withoutText = (await box.getByTestId('programme-without').textContent()) ?? '';
      for (const u of prog.units) expect(withUnits.includes(u) ? withText : withoutText, `${prog.id} ${u.published}`).toContain(u.published);
    }
    await expect(section.textContent()).resolves.toContain('公示名单（拟）');
    await section.screenshot({ path: artifactPath('programmes-overview.png') });
    expect(s.foreign()).toEqual([]);
  });

  it('marks in the compare matrix which compared provinces hold programme units', async () => {
    const { page } = s;
    await page.evaluate(() => {
      const st = (window.__atlas!.store as { getState: () => { setCompare: (a: number[]) => void; setMode: (m: string) => void } }).getState();
      st.setCompare([500000, 650000, 530000]);
      st.setMode('compare');
    });
    await page.getByTestId('compare-matrix').waitFor();
    const held = (adcode: number) => programmes.filter((p) => p.units.some((u) => u.province === adcode)).map((p) => p.id).join(',');
    for (const a of [500000, 650000, 530000]) {
      const th = page.locator(`[data-testid="compare-matrix"] th[data-province="${a}"] .cmp-colprog`);
      if (held(a)) await expect(th.getAttribute('data-programmes')).resolves.toBe(held(a));
      else await expect(th.count()).resolves.toBe(0);
    }
    // 重庆: the two pilot districts and the whole municipality (2024) by name.
    const note = (await page.getByTestId('compare-programmes').textContent()) ?? '';
    expect(note).toContain('渝中区');
    expect(note).toContain('九龙坡区');
    expect(note).toContain('重庆市');
  });
});
