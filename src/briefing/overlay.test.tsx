// BriefingOverlay rendered statically: what each kind of slide shows, in both languages, and that practice text
// stays text.
import { createTestData } from '../test-utils/render';
import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { AtlasDataContext, type AtlasData } from '../data/context';
import type { GeoBundle } from '../data/load';
import { AtlasStoreContext, createAtlasStore, type AtlasState } from '../store/store';
import { EMPTY_FILTERS } from '../store/filters';
import { city, createBatch, createDataset, createPractice, province } from '../store/test-helpers';
import { BriefingOverlay } from './BriefingOverlay';
import { buildSlides, practiceBody } from '../store/slides';
import type { Practice } from '../types';
import { motionChoice, setMotionChoice } from '../store/motion';

function createData(extra: Practice[] = []): AtlasData {
  const dataset = createDataset({
    batches: [createBatch(1, [2, 2])],
    practices: [
      ...extra,
      createPractice({
        id: '1-1-1-1',
        item: 1,
        actors: [city(320100, '南京市')],
        headline: '南京市<img src=x onerror=alert(1)>做法。',
        text: '南京市<img src=x onerror=alert(1)>做法。<b>不是标签</b>',
        figures: [
          { value: 2.94, unit: '', raw: '2.94', phrase: '容积率由2.94降为2.82' },
          { value: 2.82, unit: '', raw: '2.82', phrase: '容积率由2.94降为2.82' },
        ],
        documents: ['南京市城市更新办法'],
      }),
      createPractice({ id: '1-2-1-1', mech: 2, item: 1, actors: [province(500000, '重庆市')] }),
      createPractice({ id: '1-2-2-1', mech: 2, meas: 2, item: 1, actors: [province(500000, '重庆市')] }),
    ],
  });
  return createTestData(dataset, { meta: { attribution: { zh: '边界数据：测试', en: 'Boundaries: test' }, nationalBounds: [73, 18, 135, 54] } } as Partial<GeoBundle>);
}

/** Renders the overlay with a store of its own (never the app's), in the given state. */
function render(patch: Partial<AtlasState>, data = createData()): string {
  const store = createAtlasStore({ filters: EMPTY_FILTERS, mode: 'briefing', ...patch });
  return renderToStaticMarkup(
    <AtlasStoreContext.Provider value={store}>
      <AtlasDataContext.Provider value={data}>
        <BriefingOverlay />
      </AtlasDataContext.Provider>
    </AtlasStoreContext.Provider>,
  );
}

describe('BriefingOverlay (static render)', () => {
  it('shows jumping between slides as a toggle: on by default where the map is drawn in software, the presenter\'s choice kept in this browser', () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) });
    try {
      expect(render({ slide: 0 })).toMatch(/data-testid="briefing-jump" aria-pressed="false"/);
      expect(render({ slide: 0, softwareMap: true })).toMatch(/data-testid="briefing-jump" aria-pressed="true"/);
      setMotionChoice(false);
      expect(motionChoice()).toBe(false);
      expect(render({ slide: 0, softwareMap: true })).toMatch(/data-testid="briefing-jump" aria-pressed="false"/);
      setMotionChoice(true);
      expect(render({ slide: 0 })).toMatch(/data-testid="briefing-jump" aria-pressed="true"/);
    } finally {
      vi.unstubAllGlobals();
    }
    // Without storage (a locked-down browser): no choice, the machine decides, and no error.
    expect(motionChoice()).toBe(null);
  });

  it('opens on the national slide with totals, the province order and the progress', () => {
    const html = render({ slide: 0 });
    expect(html).toContain('data-kind="national"');
    expect(html).toContain('全国城市更新可复制经验做法');
    expect(html).toMatch(/<strong>3<\/strong><span>项做法<\/span>/);
    // 重庆 (2 practices) before 江苏 (1).
    expect(html.indexOf('重庆市')).toBeLessThan(html.indexOf('江苏省'));
    expect(html).toContain('1 / 6');
    expect(html).toContain('aria-valuenow="1"');
    expect(html).toContain('边界数据：测试');
  });

  it('lists a province slide\'s practices with their item numbers', () => {
    const html = render({ slide: 1 });
    expect(html).toContain('data-kind="province"');
    expect(html).toContain('<h2 class="briefing-title" lang="zh-CN">重庆市</h2>');
    expect(html).toContain('二（一）1');
    expect(html).toContain('二（二）1');
  });

  it('shows a practice with grouped figures, documents and the citation, as text only', () => {
    const html = render({ slide: 5 });
    expect(html).toContain('data-kind="practice"');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('南京市&lt;img src=x onerror=alert(1)&gt;做法。');
    expect(html).toContain('<strong>2.94、2.82</strong><span>容积率由2.94降为2.82</span>');
    expect(html).toContain('《南京市城市更新办法》');
    expect(html.replace(/<[^>]+>/g, '')).toContain('出处：住房城乡建设部《第1批》（2023年11月），序号 一（一）1');
  });

  it('clamps a stale slide number to the last slide', () => {
    expect(render({ slide: 99 })).toContain('6 / 6');
  });

  it('speaks English when asked, with no Chinese in the interface', () => {
    const html = render({ slide: 0, lang: 'en' });
    expect(html).toContain('Leave briefing');
    expect(html).toContain('Slide 1 of 6');
  });

  it('marks Chinese data as zh-CN inside an English interface', () => {
    const html = render({ slide: 5, lang: 'en' });
    expect(html).toContain('lang="en"');
    expect(html).toMatch(/<h2 class="briefing-title briefing-headline" lang="zh-CN">/);
    expect(html).toContain('Source: <span lang="zh-CN">住房城乡建设部, 第1批</span> (November 2023), item <span lang="zh-CN">一（一）1</span>');
  });
});

describe('BriefingOverlay: a practice too long for one slide', () => {
  const sentence = (i: number) => `第${i}项措施明确责任分工和工作流程，由相关部门按职责推进实施并定期评估。`;
  const long = createPractice({
    id: '1-1-2-1',
    meas: 2,
    item: 1,
    actors: [city(320100, '南京市')],
    headline: '南京市建立更新机制。',
    text: `南京市建立更新机制。${Array.from({ length: 24 }, (_, i) => sentence(i + 1)).join('')}`,
  });
  const data = createData([long]);
  const parts = buildSlides(data.dataset, EMPTY_FILTERS).flatMap((s, i) => (s.kind === 'practice' && s.id === long.id ? [i] : []));
  const textOf = (html: string) =>
    (/<p class="briefing-text"[^>]*>(.*?)<\/p>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '');

  it('shows the whole text over its slides, the later ones marked （续）, each with the citation', () => {
    expect(parts.length).toBeGreaterThan(1);
    const htmls = parts.map((i) => render({ slide: i }, data));
    expect(htmls.map(textOf).join('')).toBe(practiceBody(long));
    expect(htmls[0]).not.toContain('（续）');
    expect(htmls[0]).toContain('（下页续）');
    for (const html of htmls.slice(1)) expect(html).toContain('（续）');
    expect(htmls.at(-1)).not.toContain('（下页续）');
    for (const html of htmls) expect(html).toContain('序号 <span lang="zh-CN">一（二）1</span>');
  });
});
