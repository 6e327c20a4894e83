// Faults and hostile input (issue 18), in chromium against the production build: history restores of generated
// URLs (valid, invalid and unknown parameters), WebGL context loss with edits in between, two tabs importing at
// once, site data cleared mid-import, and a load under the CSP. No uncaught page error anywhere.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapIdle, openSession, type Session, useBrowser } from './browser';
import { rng } from '../src/data/synthetic';
import { createMultiProvinceList } from '../src/import/test-helpers';

/** Uncaught errors of every page a test opened; each test ends by asserting there were none. */
const pageErrors: string[] = [];
function watch(page: Page): Page {
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}
afterEach(() => {
  pageErrors.length = 0;
});

/** The app is still there (a React render error unmounts it and leaves an empty #root). */
async function alive(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('#root .atlas') !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// Generated URLs

const VALID: [string, string][] = [
  ['b', '1'],
  ['m', '1-3'],
  ['ms', '1-1-1'],
  ['lv', 'city'],
  ['q', '老旧小区'],
  ['sel', 'r:370700'],
  ['sel', 'r:320000'],
  ['mode', 'compare'],
  ['cmp', '320000,370000'],
  ['lang', 'en'],
  ['theme', 'dark'],
  ['cam', '118.7969,32.0603,6'],
  ['mode', 'briefing'],
  ['slide', '2'],
];
const INVALID: [string, string][] = [
  ['b', '99'],
  ['b', '1,1000,abc'],
  ['m', '9-9'],
  ['ms', 'x'],
  ['lv', 'planet'],
  ['sel', 'r:999999'],
  ['sel', 'p:1-1-1-999'],
  ['sel', '<script>alert(1)</script>'],
  ['mode', 'admin'],
  ['cmp', '110000,110000,999999'],
  ['cam', 'NaN,1,1'],
  ['cam', '1,1,99'],
  ['slide', '-1'],
  ['theme', '"><img src=x onerror=alert(1)>'],
  ['dataset', 'synthetic-99999999k'],
];
const UNKNOWN: [string, string][] = [
  ['utm_source', 'mail'],
  ['foo', 'bar'],
  ['__proto__', '1'],
  ['B', '1'],
  ['constructor', 'x'],
];

/** 200 query strings from a seeded PRNG: each mixes 1–4 valid, invalid and unknown parameters. */
function generatedQueries(n: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  return Array.from({ length: n }, () => {
    const p = new URLSearchParams();
    const k = 1 + Math.floor(r() * 4);
    for (let i = 0; i < k; i++) {
      const x = r();
      const [key, value] = pick(x < 0.5 ? VALID : x < 0.8 ? INVALID : UNKNOWN);
      p.append(key, value);
    }
    return `?${p.toString()}`;
  });
}

/**
 * pushState + popstate, as a link handled in the page or a history restore would; dismisses every third notice (never the last URL's).
 * Between URLs the page only flushes microtasks (React renders a store change in one), with a real frame every
 * 25 URLs: rendering MapLibre for each of 200 URLs would take minutes in software GL.
 */
async function restoreAll(page: Page, queries: string[]): Promise<void> {
  await page.evaluate(async (qs) => {
    const microtasks = async () => {
      for (let k = 0; k < 3; k++) await new Promise((r) => queueMicrotask(() => r(null)));
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    for (let i = 0; i < qs.length; i++) {
      history.pushState(null, '', `${location.pathname}${qs[i]}`);
      dispatchEvent(new PopStateEvent('popstate'));
      await microtasks();
      if (i % 3 === 2) {
        document.querySelector<HTMLButtonElement>('[data-testid="url-notice"] button')?.click();
        await microtasks();
      }
      if (i % 25 === 24) await frame();
      if (!document.querySelector('#root .atlas')) throw new Error(`the app went blank after ${qs[i]}`);
    }
    await frame();
  }, queries);
}

/** history.back() / forward() in the page, waiting for its popstate and a frame. */
async function travel(page: Page, dir: 'back' | 'forward', steps: number): Promise<void> {
  await page.evaluate(
    async ({ dir, steps }) => {
      for (let i = 0; i < steps; i++) {
        const popped = new Promise((r) => addEventListener('popstate', () => r(null), { once: true }));
        if (dir === 'back') history.back();
        else history.forward();
        await popped;
        for (let k = 0; k < 3; k++) await new Promise((r) => queueMicrotask(() => r(null)));
        if (!document.querySelector('#root .atlas')) throw new Error(`the app went blank going ${dir} to ${location.search}`);
      }
    },
    { dir, steps },
  );
}

/** Page loads take seconds in software GL, many more on a busy machine: the tests wait on state, generously. */
const LOAD = 120_000;
const SLOW = 300_000;

async function load(s: Session, page: Page, query = ''): Promise<void> {
  await page.goto(new URL(query ? `./?${query}` : './', s.base).toString());
  await mapIdle(page, LOAD);
}

describe('faults', () => {
  const b = useBrowser();
  // One page for the URL and context-loss tests (each load is the slow part); the import test opens its own tabs.
  let s: Session;

  it('loads without a CSP report, and a huge synthetic size loads the real data with a notice', async () => {
    s = await openSession(b.browser);
    watch(s.page);
    await s.context.addInitScript(() => {
      (window as any).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await load(s, s.page, 'dataset=synthetic-99999999k');
    await expect(s.page.locator('[data-testid="url-notice"]').textContent()).resolves.toContain('dataset=synthetic-99999999k');
    expect(await s.page.evaluate(() => (window as any).__atlas.store.getState().filters)).toBeTruthy();
    // The import worker builds zod schemas too.
    await s.page.locator('[data-testid="import-open"]').click();
    await s.page.locator('[data-testid="import-text"]').fill('{"batches": [}');
    await s.page.locator('[data-testid="import-parse"]').click();
    await s.page.locator('[data-testid="import-problems"]').waitFor({ timeout: LOAD });
    await s.page.keyboard.press('Escape');
    expect(await s.page.evaluate(() => (window as any).__csp)).toEqual([]);
    expect(s.consoleErrors.filter((m) => /Content Security Policy|unsafe-eval/i.test(m))).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, SLOW);

  it('survives 200 generated URLs restored through popstate and Back/Forward; the notice is capped and goes away', async () => {
    await restoreAll(s.page, generatedQueries(200, 18));
    await travel(s.page, 'back', 40);
    await travel(s.page, 'forward', 25);
    expect(await alive(s.page)).toBe(true);

    // 知道了 on /?b=99 used to blank the page.
    await restoreAll(s.page, ['?b=99']);
    const notice = s.page.locator('[data-testid="url-notice"]');
    await expect(notice.textContent()).resolves.toContain('b=99');
    await notice.locator('button').click();
    await notice.waitFor({ state: 'detached' });
    expect(await alive(s.page)).toBe(true);

    // A huge list: de-duplicated, capped, and the map keeps its size.
    const many = Array.from({ length: 5000 }, (_, i) => String(i + 100)).join(',');
    await restoreAll(s.page, [`?b=${many},100,101`]);
    await expect(notice.textContent()).resolves.toContain('……等另 4,990 项');
    expect((await notice.boundingBox())!.height).toBeLessThan(120);
    expect((await s.page.locator('[data-testid="map"]').boundingBox())!.height).toBeGreaterThan(400);
    // Back to a valid URL takes the notice away (it used to stay). Only Back is checked: the app rewrites an entry
    // to its cleaned state on the next camera change, so returning to an invalid entry may find it valid.
    await restoreAll(s.page, ['?b=1', '?b=99']);
    await notice.waitFor();
    await travel(s.page, 'back', 1);
    expect(new URL(s.page.url()).searchParams.get('b')).toBe('1');
    await notice.waitFor({ state: 'detached' });
    await mapIdle(s.page, LOAD);
    expect(pageErrors).toEqual([]);
  }, SLOW);

  it('keeps edits made while the WebGL context is lost and shows the same feature states after it is restored', async () => {
    // Back to the plain app on the same page.
    await restoreAll(s.page, ['']);
    await mapIdle(s.page, LOAD);
    const states = () =>
      s.page.evaluate(() => {
        const map = (window as any).__atlas.map;
        const out: Record<string, unknown> = {};
        for (const source of ['provinces', 'markers']) {
          const data = map.getSource(source)._data;
          // After updateData (the levels of detail) MapLibre keeps the features by id ("updateable").
          const feats = data?.geojson?.features ?? data?.features ?? (data?.updateable ? [...data.updateable.values()] : []);
          for (const f of feats) {
            const id = Number(f.properties.adcode);
            const st = map.getFeatureState({ source, id });
            // hover follows the pointer, not the data.
            const { hover: _hover, ...rest } = st;
            // Cleared flags (false / 0) read the same as never set.
            out[`${source}:${id}`] = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== false && v !== 0 && v !== undefined));
          }
        }
        return out;
      });
    const edit = () =>
      s.page.evaluate(() => {
        const store = (window as any).__atlas.store.getState();
        store.setFilters({ mechanisms: ['1-3'] });
        store.select({ kind: 'region', adcode: 320000 });
      });
    const undo = () =>
      s.page.evaluate(() => {
        const store = (window as any).__atlas.store.getState();
        store.clearFilters();
        store.clearSelection();
      });
    const lose = () =>
      s.page.evaluate(() => {
        const canvas = (window as any).__atlas.map.getCanvas() as HTMLCanvasElement;
        const ext = (canvas.getContext('webgl2') as WebGL2RenderingContext).getExtension('WEBGL_lose_context')!;
        (window as any).__loseExt = ext;
        ext.loseContext();
      });
    const restore = async () => {
      await s.page.evaluate(() => (window as any).__loseExt.restoreContext());
      await s.page.waitForSelector('[data-testid="svg-map"]', { state: 'detached', timeout: LOAD });
      await mapIdle(s.page, LOAD);
    };

    await edit();
    await mapIdle(s.page, LOAD);
    const edited = await states();
    await undo();
    await mapIdle(s.page, LOAD);
    const plain = await states();
    expect(Object.values(plain).filter((st: any) => (st.count ?? 0) > 0).length).toBeGreaterThan(10);
    expect(edited).not.toEqual(plain);

    // Edits while lost: no error, and they show once the context is back.
    await lose();
    await s.page.waitForSelector('[data-testid="svg-map"] path[data-adcode]', { timeout: LOAD });
    const text = await s.page.locator('.svg-map-notice').textContent();
    expect(text).toContain('正在恢复');
    expect(text).not.toContain('不支持');
    await edit();
    await restore();
    expect(await states()).toEqual(edited);

    // Loss and restore with nothing in between, and edits undone while lost.
    await lose();
    await undo();
    await restore();
    expect(await states()).toEqual(plain);
    await lose();
    await restore();
    expect(await states()).toEqual(plain);
    expect(pageErrors).toEqual([]);
    await s.context.close();
  }, SLOW);

  it('keeps both batches imported in two tabs at once, and an import confirmed after site data was cleared', async () => {
    const a = await openSession(b.browser);
    const pageA = watch(a.page);
    const pageB = watch(await a.context.newPage());
    await Promise.all([load(a, pageA), load(a, pageB)]);

    const listA = createMultiProvinceList();
    const listB = listA.replace('推进老旧小区改造经验互鉴', '推进完整社区建设经验互鉴').replace('建立城市更新项目库', '建立城市体检工作机制');
    const preview = async (page: Page, text: string, title: string) => {
      const dialog = page.locator('[data-testid="import-dialog"]');
      if (!(await dialog.isVisible())) await page.locator('[data-testid="import-open"]').click();
      await dialog.locator('[data-testid="import-text"]').fill(text);
      await dialog.locator('[data-testid="import-parse"]').click();
      await dialog.locator('[data-testid="import-preview"]').waitFor({ timeout: LOAD });
      await dialog.locator('[data-testid="import-meta-title"]').fill(title);
      await dialog.locator('[data-testid="import-meta-date"]').fill('2025-06');
      await dialog.locator('[data-testid="import-meta-issuer"]').fill('住房和城乡建设部办公厅');
      return dialog;
    };
    const imported = (page: Page) =>
      page.waitForFunction(() => (document.querySelector('[data-testid="import-status"]')?.textContent ?? '').includes('已导入'), null, { timeout: LOAD });
    const batchTitles = (page: Page) =>
      page.locator('fieldset.facet', { has: page.locator('legend', { hasText: '批次' }) }).locator('.facet-option').allTextContents();

    // Both tabs saw no import and both propose batch 1000; both confirm at once.
    const [dialogA, dialogB] = [await preview(pageA, listA, '甲批次'), await preview(pageB, listB, '乙批次')];
    await Promise.all([dialogA.locator('[data-testid="import-confirm"]').click(), dialogB.locator('[data-testid="import-confirm"]').click()]);
    await Promise.all([imported(pageA), imported(pageB)]);
    // Each tab learns of the other's batch without a reload.
    for (const page of [pageA, pageB])
      await page.waitForFunction(
        () => {
          const t = document.querySelector('.filter-panel')?.textContent ?? '';
          return t.includes('甲批次') && t.includes('乙批次');
        },
        null,
        { timeout: LOAD },
      );
    await pageA.reload();
    await mapIdle(pageA, LOAD);
    const titles = (await batchTitles(pageA)).join(' ');
    expect(titles).toContain('甲批次');
    expect(titles).toContain('乙批次');

    // The everyday path that blanked the app: tick an imported batch, remove it, press Back.
    await pageA.locator('.facet-option', { hasText: '甲批次' }).locator('input').check();
    await pageA.waitForFunction(() => new URL(location.href).searchParams.get('b') !== null);
    await pageA.locator('[data-testid="import-open"]').click();
    const row = pageA.locator('[data-testid^="batch-row-"]', { hasText: '甲批次' });
    const remove = row.locator('[data-testid^="remove-batch-"]');
    await remove.click();
    await remove.click();
    await pageA.waitForFunction(() => (document.querySelector('[data-testid="import-status"]')?.textContent ?? '').includes('甲批次'));
    await pageA.keyboard.press('Escape');
    await travel(pageA, 'back', 1);
    expect(await alive(pageA)).toBe(true);

    // Site data cleared between preview and confirm: the import still lands in storage, no reload needed.
    const dialogC = await preview(pageB, listA.replace('推进老旧小区改造经验互鉴', '推进历史街区保护经验互鉴'), '丙批次');
    const cdp = await a.context.newCDPSession(pageB);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(a.base).origin, storageTypes: 'indexeddb' });
    await dialogC.locator('[data-testid="import-confirm"]').click();
    await imported(pageB);
    await expect(pageB.locator('[data-testid="import-dialog"]').textContent()).resolves.not.toMatch(/存储|storage/i);
    await pageB.reload();
    await mapIdle(pageB, LOAD);
    expect((await batchTitles(pageB)).join(' ')).toContain('丙批次');

    expect(pageErrors).toEqual([]);
    await a.context.close();
  }, SLOW);
});

// ---------------------------------------------------------------------------------------------------------------
// Issue 24: nothing imported is lost or corrupted, and every fault path ends in a message. Two tabs of one session,
// four page loads in all (the loads are the slow part); the steps follow each other as a user's would.

/** Sets a textarea's value as a paste would, in the page (so control characters and lone surrogates arrive as they are). */
async function paste(page: Page, selector: string, text: string, repeat = 1): Promise<void> {
  await page.evaluate(
    ({ selector, text, repeat }) => {
      const el = document.querySelector<HTMLTextAreaElement>(selector)!;
      // {BEL} etc. are made here: a lone surrogate would not survive the trip through the protocol's JSON.
      const v = text
        .replaceAll('{BEL}', '\u0007')
        .replaceAll('{FFFE}', String.fromCharCode(0xfffe))
        .replaceAll('{RLO}', '\u202e')
        .replaceAll('{LONE}', String.fromCharCode(0xd800))
        .repeat(repeat);
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { selector, text, repeat },
  );
}

describe('faults of issue 24', () => {
  const b = useBrowser();
  let s: Session;
  let pageA: Page;
  let pageB: Page;
  const HOSTILE_TITLE = '敌意文本批次';

  it('corrects an out-of-range slide in the URL with a notice, and names the compare limit', async () => {
    s = await openSession(b.browser);
    pageA = watch(s.page);
    pageB = watch(await s.context.newPage());
    await Promise.all([load(s, pageA, 'mode=briefing&slide=500'), load(s, pageB)]);
    const notice = pageA.locator('[data-testid="slide-notice"]');
    await notice.waitFor({ timeout: LOAD });
    expect(await notice.textContent()).toMatch(/没有第 501 页/);
    const n = Number((await pageA.locator('[data-testid="briefing-progress"]').textContent())!.split('/')[1]);
    await pageA.waitForFunction((last) => new URL(location.href).searchParams.get('slide') === String(last), n - 1);
    expect(await pageA.locator('[data-testid="briefing"]').getAttribute('data-slide')).toBe(String(n - 1));

    const ten = [110000, 120000, 130000, 140000, 150000, 210000, 220000, 230000, 310000, 320000];
    await restoreAll(pageA, [`?mode=compare&cmp=${ten.join(',')}`]);
    const urlNotice = await pageA.locator('[data-testid="url-notice"]').textContent();
    expect(urlNotice).toContain('最多比较 4 个省份');
    expect(urlNotice).not.toContain('无法识别');
    expect(pageErrors).toEqual([]);
  }, SLOW);

  it('says what is wrong with a 33 MB paste, cleans hostile text with a warning, and keeps a 400-digit figure after a reload', async () => {
    await restoreAll(pageA, ['?']);
    await pageA.locator('[data-testid="import-open"]').click();
    const dialog = pageA.locator('[data-testid="import-dialog"]');
    await dialog.locator('[data-testid="import-text"]').waitFor({ timeout: LOAD });
    await paste(pageA, '[data-testid="import-text"]', 'a'.repeat(1024 * 1024), 33);
    await dialog.locator('[data-testid="import-parse"]').click();
    await expect(dialog.locator('[data-testid="import-problems"]').textContent()).resolves.toContain('超过 32 MB 的上限');

    const list = createMultiProvinceList()
      .replace('推进老旧小区改造经验互鉴', '推进{BEL}老旧小区{FFFE}改造经验{RLO}互鉴{LONE}')
      .replace('按年度滚动更新项目清单。', `投资${'9'.repeat(400)}亿元，按年度滚动更新项目清单。`);
    await paste(pageA, '[data-testid="import-text"]', list);
    await dialog.locator('[data-testid="import-parse"]').click();
    await dialog.locator('[data-testid="import-preview"]').waitFor({ timeout: LOAD });
    const warnings = (await dialog.locator('.candidate-warnings').textContent()) ?? '';
    expect(warnings).toMatch(/第 4 行：已删除 4 个/);
    await dialog.locator('[data-testid="import-meta-title"]').fill(HOSTILE_TITLE);
    await dialog.locator('[data-testid="import-meta-date"]').fill('2025-06');
    // The issuer is prefilled only when the text names it (issue 23.5).
    await dialog.locator('[data-testid="import-meta-issuer"]').fill('住房和城乡建设部办公厅');
    await dialog.locator('[data-testid="import-confirm"]').click();
    await pageA.waitForFunction(() => (document.querySelector('[data-testid="import-status"]')?.textContent ?? '').includes('已导入'), null, { timeout: LOAD });
    await pageA.keyboard.press('Escape');

    await pageA.reload();
    await mapIdle(pageA, LOAD);
    expect(await pageA.locator('.filter-panel').textContent()).toContain(HOSTILE_TITLE);
    expect(await pageA.locator('[data-testid="failed-batches"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, SLOW);

  it('moves a briefing off a batch another tab removed, with a notice; lists a stored batch that fails to load', async () => {
    // Present the imported batch in tab A: its practice slides.
    await restoreAll(pageA, ['?mode=briefing&b=1000&slide=2']);
    await pageA.locator('[data-testid="briefing"][data-kind="practice"]').waitFor({ timeout: LOAD });
    // Tab B: a record an older build stored (an Infinity figure), then the batch removed.
    await pageB.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('renewal-atlas', 1);
          open.onsuccess = () => {
            const tx = open.result.transaction('imported-batches', 'readwrite');
            tx.objectStore('imported-batches').put({
              id: 1500,
              batch: { id: 1500, title: '坏批次', issuer: '某部门', date: '2025-01', file: 'x.txt', taxonomy: [] },
              practices: [{ id: '1500-1-1-1', figures: [{ value: Infinity }] }],
              themes: [],
              importedAt: '2025-01-01T00:00:00.000Z',
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await pageB.waitForFunction((t) => (document.querySelector('.filter-panel')?.textContent ?? '').includes(t), HOSTILE_TITLE, { timeout: LOAD });
    await pageB.locator('[data-testid="import-open"]').click();
    const remove = pageB.locator('[data-testid^="batch-row-"]', { hasText: HOSTILE_TITLE }).locator('[data-testid^="remove-batch-"]');
    await remove.click();
    await remove.click();
    const notice = pageA.locator('[data-testid="slide-notice"]');
    await notice.waitFor({ timeout: LOAD });
    expect(await notice.textContent()).toContain('已在其他窗口中删除');
    // On a slide that exists, in the URL too, and not another place's practice at the old index.
    const shown = await pageA.locator('[data-testid="briefing"]').getAttribute('data-slide');
    await pageA.waitForFunction((i) => (new URL(location.href).searchParams.get('slide') ?? '0') === i, shown);
    expect(await pageA.locator('[data-testid="briefing-card"]').textContent()).not.toContain('经验互鉴');

    await pageB.reload();
    await mapIdle(pageB, LOAD);
    const failed = pageB.locator('[data-testid="failed-batches"]').first();
    await failed.waitFor({ timeout: LOAD });
    expect(await failed.textContent()).toContain('坏批次');
    expect(await failed.locator('[data-testid="failed-reason"]').textContent()).toMatch(/batch\.taxonomy|practices\[0\]/);
    const [download] = await Promise.all([pageB.waitForEvent('download'), failed.locator('[data-testid="failed-download-1500"]').click()]);
    expect(download.suggestedFilename()).toBe('stored-batch-1500.json');
    await failed.locator('[data-testid="failed-remove-1500"]').click();
    await failed.locator('[data-testid="failed-remove-1500"]').click();
    await pageB.locator('[data-testid="failed-batches"]').first().waitFor({ state: 'detached', timeout: LOAD });
    expect(pageErrors).toEqual([]);
  }, SLOW);

  it('ends a save over the storage quota in a message, not a page error', async () => {
    await pageB.evaluate(() => {
      IDBObjectStore.prototype.add = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await pageB.locator('[data-testid="import-open"]').click();
    const dialog = pageB.locator('[data-testid="import-dialog"]');
    await dialog.locator('[data-testid="import-text"]').fill(createMultiProvinceList());
    await dialog.locator('[data-testid="import-parse"]').click();
    await dialog.locator('[data-testid="import-preview"]').waitFor({ timeout: LOAD });
    await dialog.locator('[data-testid="import-meta-title"]').fill('配额批次');
    await dialog.locator('[data-testid="import-meta-date"]').fill('2025-06');
    // The issuer is prefilled only when the text names it (issue 23.5).
    await dialog.locator('[data-testid="import-meta-issuer"]').fill('住房和城乡建设部办公厅');
    await dialog.locator('[data-testid="import-confirm"]').click();
    await expect(dialog.locator('[data-testid="storage-problem"]').textContent({ timeout: LOAD })).resolves.toContain('存储空间已满');
    expect(pageErrors).toEqual([]);
    await s.context.close();
  }, SLOW);
});
