// Importing further batches in the app (issue 7): the dialog, the worker, the preview, the browser storage, the
// batch manager and the merged export, in a real browser against the production build.
import { practiceSchema } from '../src/ingest/schema';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { artifactPath, mapIdle, type Session, useBrowser } from './browser';
import type { Dataset, Practice } from '../src/types';
import { comparable, createMultiProvinceList, createRandomBytes, encodeGbk } from '../src/import/test-helpers';
import { colouredProvinces } from './checks';

const builtin = JSON.parse(readFileSync('public/data/practices.json', 'utf8')) as Dataset;
const BATCH1_TEXT = readFileSync('data/sources/urban-renewal-practices-batch1.txt', 'utf8');
const THREE = [230000, 410000, 510000];

function builtinProvinceCounts(): Record<number, number> {
  const out: Record<number, number> = {};
  for (const p of builtin.practices) for (const prov of new Set(p.actors.map((a) => a.province))) out[prov] = (out[prov] ?? 0) + 1;
  return out;
}

/** What "the data as loaded" looks like to a user: batches in the filter, the result count, the coloured map. */
async function snapshot(page: Page) {
  await mapIdle(page);
  const batchFacet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: '批次' }) });
  return {
    batches: await batchFacet.locator('.facet-option').allTextContents(),
    announce: await page.locator('[data-testid="results-announce"]').textContent(),
    provinces: await colouredProvinces(page),
  };
}

async function openDialog(page: Page) {
  const dialog = page.locator('[data-testid="import-dialog"]');
  if (!(await dialog.isVisible())) await page.locator('[data-testid="import-open"]').click();
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

async function pasteAndPreview(page: Page, text: string) {
  const dialog = await openDialog(page);
  await dialog.locator('[data-testid="import-text"]').fill(text);
  await dialog.locator('[data-testid="import-parse"]').click();
  await dialog.locator('[data-testid="import-preview"], [data-testid="import-problems"]').first().waitFor();
  return dialog;
}

async function chooseFile(page: Page, name: string, buffer: Buffer, mimeType = 'text/plain') {
  const dialog = await openDialog(page);
  await dialog.locator('[data-testid="import-file"]').setInputFiles({ name, mimeType, buffer });
  await dialog.locator('[data-testid="import-preview"], [data-testid="import-problems"]').first().waitFor({ timeout: 30_000 });
  return dialog;
}

async function confirmImport(page: Page, meta: { title?: string; date: string }) {
  const dialog = page.locator('[data-testid="import-dialog"]');
  if (meta.title !== undefined) await dialog.locator('[data-testid="import-meta-title"]').fill(meta.title);
  await dialog.locator('[data-testid="import-meta-date"]').fill(meta.date);
  // The issuer is prefilled only when the text names it (issue 23.5: never invented).
  const issuer = dialog.locator('[data-testid="import-meta-issuer"]');
  if ((await issuer.inputValue()) === '') await issuer.fill('住房和城乡建设部办公厅');
  await dialog.locator('[data-testid="import-confirm"]').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="import-status"]')?.textContent ?? '').includes('已导入'));
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached' });
  await mapIdle(page);
}

describe('import further batches', () => {
  const b = useBrowser();
  let s: Session;

  async function fresh(query = ''): Promise<Session> {
    s = await b.open(query);
    return s;
  }

  it('imports the batch-1 text through the dialog as records identical to the built-in ones', async () => {
    const { page } = await fresh();
    const dialog = await pasteAndPreview(page, BATCH1_TEXT);
    await expect(dialog.locator('[data-testid="import-summary"]').textContent()).resolves.toContain('30 项做法 · 3 个政策机制 · 10 项主要举措 · 13 个省级单位');
    // Same texts as the built-in batch under another title: allowed, with a warning.
    await expect(dialog.locator('[data-testid="import-duplicate-builtin"]').isVisible()).resolves.toBe(true);
    await expect(dialog.locator('[data-testid="import-unresolved"] .unresolved-item.actor').count()).resolves.toBe(0);
    await dialog.locator('[data-testid="import-meta-title"]').fill('第一批（导入核对）');
    await dialog.locator('[data-testid="import-meta-date"]').fill('2022-11');
    await page.screenshot({ path: artifactPath('import-preview.png'), fullPage: false });
    await confirmImport(page, { date: '2022-11' });

    // Related practices (issue 10) are recomputed over the merged list in the worker: export until they are in.
    let merged: Dataset | null = null;
    for (let i = 0; i < 40; i++) {
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-testid="export-all-json"]').click()]);
      merged = JSON.parse(readFileSync(await download.path(), 'utf8')) as Dataset;
      if (merged.practices.every((p) => Array.isArray(p.related))) break;
      await page.waitForTimeout(250);
    }
    if (!merged) throw new Error('no export');
    // A practice and its copy share a place, so they never relate; the copies relate among themselves as the originals do.
    const rel = new Map(merged.practices.map((p) => [p.id, p.related ?? []]));
    expect(merged.practices.filter((p) => p.batch === 1000).every((p) => (rel.get(p.id) ?? []).length > 0)).toBe(true);
    expect([...rel.values()].flat().some((r) => r.id.startsWith('1000-'))).toBe(true);
    expect(merged.batches.map((b) => b.id)).toEqual([1, 1000]);
    const imported = merged.practices.filter((p) => p.batch === 1000);
    // Identical apart from the batch id, the id prefix and the source file (pasted text).
    expect(imported.every((p) => p.id.startsWith('1000-') && p.source.file === 'pasted text')).toBe(true);
    // The export adds reader fields to each actor (provinceName, cityName, levelLabel…): the schema strips them.
    expect(comparable({ practices: imported.map((p) => practiceSchema.parse(p) as Practice) })).toEqual(comparable(builtin));
    expect(merged.batches[1]!.taxonomy).toEqual(builtin.batches[0]!.taxonomy);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-testid="export-all-csv"]').click()]);
    const rows = Papa.parse<Record<string, string>>(readFileSync(await csvDownload.path(), 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r['批次']))).toEqual(new Set([builtin.batches[0]!.title, '第一批（导入核对）']));

    await closeDialog(page);
    const after = await colouredProvinces(page);
    const base = builtinProvinceCounts();
    expect(after).toEqual(Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v * 2])));
    expect(s.foreign()).toEqual([]);
    await s.context.close();
  });

  it('shows an item with three provinces on all three', async () => {
    const { page } = await fresh();
    const before = await colouredProvinces(page);
    const dialog = await pasteAndPreview(page, createMultiProvinceList());
    const chips = await dialog.locator('[data-testid="import-places"] li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-adcode'))));
    expect(chips).toEqual(expect.arrayContaining([...THREE, 370700]));
    await confirmImport(page, { date: '2025-06' });
    await closeDialog(page);
    const after = await colouredProvinces(page);
    for (const adcode of THREE) expect(after[adcode]).toBe((before[adcode] ?? 0) + 1);
    expect(after[370000]).toBe((before[370000] ?? 0) + 1);
    await expect(page.locator('[data-testid="results-announce"]').textContent()).resolves.toContain(`${builtin.practices.length + 2} 项做法`);

    // The imported batch's own taxonomy: in the filters under its batch id, and as rows of the compare matrix.
    const mech = page.locator('[data-testid="mechanism-1000-1"]');
    await expect(mech.textContent()).resolves.toMatch(/^\[1000\] 一、建立城市更新多方协同机制\s*2$/);
    await expect(page.locator('[data-testid="measure-1000-1-1"]').textContent()).resolves.toContain('（一）推进跨省协作');
    await page.goto(new URL('./?mode=compare&cmp=230000,410000', s.base).toString());
    await page.locator('[data-testid="compare-matrix"]').waitFor();
    const row = page.locator('[data-testid="compare-matrix"] tr[data-row="1000-1"]');
    await expect(row.locator('th').textContent()).resolves.toContain('建立城市更新多方协同机制');
    await expect(row.locator('[data-province="230000"]').getAttribute('data-count')).resolves.toBe('1');
    await expect(row.locator('[data-province="410000"]').getAttribute('data-count')).resolves.toBe('1');
    await s.context.close();
  });

  it('shows a message for each bad input and leaves the loaded data as it was', async () => {
    const { page } = await fresh();
    const initial = await snapshot(page);
    expect(initial.batches).toHaveLength(1);

    const expectUnchanged = async (base: Awaited<ReturnType<typeof snapshot>>) => {
      await closeDialog(page);
      expect(await snapshot(page)).toEqual(base);
    };
    const problems = (dialog: ReturnType<Page['locator']>) => dialog.locator('[data-testid="import-problems"]').textContent();

    // Empty paste.
    let dialog = await pasteAndPreview(page, '   \n  ');
    await expect(problems(dialog)).resolves.toContain('没有可导入的内容');
    await expectUnchanged(initial);

    // 10 MB of random bytes: refused in the worker, the byte named.
    const random = Buffer.from(createRandomBytes(10 * 1024 * 1024));
    dialog = await chooseFile(page, 'random.txt', random, 'application/octet-stream');
    await expect(problems(dialog)).resolves.toMatch(new RegExp(`不是文本文件（第 ${random.indexOf(0) + 1} 字节为空字节`));
    await expectUnchanged(initial);

    // A CSV without the required columns.
    dialog = await chooseFile(page, 'missing.csv', Buffer.from('id,批次,序号,标题\n1-1-1-1,第一批,一（一）1,北京市建立工作专班。\n'), 'text/csv');
    await expect(problems(dialog)).resolves.toContain('缺少列：政策机制、主要举措、全文');
    await expect(dialog.locator('[data-testid="import-problems"] li').first().getAttribute('data-line')).resolves.toBe('1');
    await page.screenshot({ path: artifactPath('import-problems.png') });
    await expectUnchanged(initial);

    // JSON that fails the schema: the field path is named.
    // (A practice with no actors is valid since issue 16 — listed, not on the map — so an empty text is used.)
    const bad = structuredClone(builtin) as unknown as { practices: { text: string }[] };
    bad.practices[3]!.text = '';
    dialog = await chooseFile(page, 'bad.json', Buffer.from(JSON.stringify(bad)), 'application/json');
    await expect(problems(dialog)).resolves.toContain('字段 practices[3].text');
    await expectUnchanged(initial);

    // A GBK file: detected, decoded, and said so; closing without confirming changes nothing.
    dialog = await chooseFile(page, 'batch1-gbk.txt', Buffer.from(encodeGbk(BATCH1_TEXT)));
    await expect(dialog.locator('[data-testid="import-encoding"]').textContent()).resolves.toContain('GBK');
    await expect(dialog.locator('[data-testid="import-summary"]').textContent()).resolves.toContain('30 项做法');
    await expectUnchanged(initial);

    // A batch that was already imported: the second attempt is refused and the data stays as after the first.
    await pasteAndPreview(page, createMultiProvinceList());
    await confirmImport(page, { date: '2025-06' });
    await closeDialog(page);
    const once = await snapshot(page);
    expect(once.batches).toHaveLength(2);
    dialog = await pasteAndPreview(page, createMultiProvinceList());
    await expect(dialog.locator('[data-testid="import-duplicate"]').textContent()).resolves.toContain('已导入');
    await expect(dialog.locator('[data-testid="import-confirm"]').isDisabled()).resolves.toBe(true);
    await expectUnchanged(once);
    expect(s.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await s.context.close();
  });

  it('keeps an imported batch across a reload, lists it in the batch filter, and removes it', async () => {
    const { page } = await fresh();
    const initial = await snapshot(page);
    await pasteAndPreview(page, createMultiProvinceList());
    await confirmImport(page, { title: '测试批（多省）', date: '2025-06' });
    await closeDialog(page);
    await page.reload();
    await mapIdle(page);
    const reloaded = await snapshot(page);
    expect(reloaded.batches).toHaveLength(2);
    expect(reloaded.batches[1]).toContain('测试批（多省）');
    for (const adcode of THREE) expect(reloaded.provinces[adcode]).toBe((initial.provinces[adcode] ?? 0) + 1);

    // A link to a filter on the imported batch restores after a reload (imports load before the URL is read).
    const batchFacet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: '批次' }) });
    await batchFacet.locator('.facet-option').nth(1).locator('input').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('b') === '1000');
    await page.reload();
    await mapIdle(page);
    await expect(page.locator('[data-testid="url-notice"]').count()).resolves.toBe(0);
    await expect(batchFacet.locator('.facet-option').nth(1).locator('input').isChecked()).resolves.toBe(true);

    const dialog = await openDialog(page);
    await expect(dialog.locator('[data-testid="remove-batch-1"]').count()).resolves.toBe(0);
    await dialog.locator('[data-testid="remove-batch-1000"]').click();
    await expect(dialog.locator('[data-testid="remove-batch-1000"]').textContent()).resolves.toBe('确认删除');
    await dialog.locator('[data-testid="remove-batch-1000"]').click();
    await dialog.locator('[data-testid="batch-row-1000"]').waitFor({ state: 'detached' });
    await closeDialog(page);
    expect(await snapshot(page)).toEqual(initial);
    expect(new URL(page.url()).searchParams.get('b')).toBeNull();
    await page.reload();
    await mapIdle(page);
    expect(await snapshot(page)).toEqual(initial);
    await s.context.close();
  });

  it('asks for a place it cannot pin down and imports the one chosen by hand', async () => {
    const { page } = await fresh();
    const before = await colouredProvinces(page);
    const list = ['一、建立城市更新统筹谋划机制', '（一）加强工作统筹', '1．江北区开展城市更新专项体检。建立体检指标。', '2．某新区建立城市更新工作专班。', ''].join('\n');
    const dialog = await pasteAndPreview(page, list);
    const items = dialog.locator('[data-testid="import-unresolved"] .unresolved-item.actor');
    await expect(items.count()).resolves.toBe(2);
    await expect(dialog.locator('[data-testid="import-confirm"]').isDisabled()).resolves.toBe(true);
    // Only the ambiguous name blocks the import; a practice naming no place could stay without one (issue 16).
    await expect(dialog.locator('[data-testid="import-form-problems"]').textContent()).resolves.toContain('还有 1 项做法未确定所属地方');
    // 江北区 is ambiguous: its candidates are offered; 重庆市江北区 is chosen.
    await items.nth(0).locator('.picker-candidates button[data-adcode="500105"]').click();
    // The second opens with no place: search the gazetteer.
    await items.nth(1).locator('input[type="search"]').fill('两江');
    await items.nth(1).locator('input[type="search"]').fill('四川');
    await items.nth(1).locator('.picker-results button[data-adcode="510000"]').click();
    await expect(items.nth(1).locator('.place-picker').getAttribute('data-chosen')).resolves.toBe('510000');
    await dialog.locator('[data-testid="import-meta-title"]').fill('手工确认地点');
    await dialog.locator('[data-testid="import-meta-date"]').fill('2025-06');
    await dialog.locator('[data-testid="import-meta-issuer"]').fill('住房和城乡建设部办公厅');
    await page.screenshot({ path: artifactPath('import-unresolved.png') });
    await dialog.locator('[data-testid="import-confirm"]').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="import-status"]')?.textContent ?? '').includes('已导入'));
    await closeDialog(page);
    const after = await colouredProvinces(page);
    expect(after[500000]).toBe((before[500000] ?? 0) + 1);
    expect(after[510000]).toBe((before[510000] ?? 0) + 1);
    await s.context.close();
  });

  it('is an accessible modal dialog: labelled, focus kept inside, Esc closes and returns focus', async () => {
    const { page } = await fresh('sel=r:370700');
    await page.locator('[data-testid="detail-panel"][data-region="370700"]').waitFor();
    await page.locator('[data-testid="import-open"]').click();
    const dialog = page.locator('[data-testid="import-dialog"]');
    await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
    await expect(dialog.getAttribute('role')).resolves.toBe('dialog');
    const labelledBy = await dialog.getAttribute('aria-labelledby');
    await expect(page.locator(`#${labelledBy}`).textContent()).resolves.toBe('导入批次');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('import-text');
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="import-dialog"]')));
      expect(inside).toBe(true);
    }
    // No axe violations in the dialog (WCAG 2 A/AA), on the input step and, below, on the preview.
    const axe = async () => {
      await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
      return page.evaluate(async () => {
        const r = await (window as any).axe.run('[data-testid="import-dialog"]', { runOnly: ['wcag2a', 'wcag2aa'] });
        if (r.passes.length < 10) throw new Error(`axe checked too little (${r.passes.length} rules passed)`);
        return r.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      });
    };
    expect(await axe()).toEqual([]);
    // Focus follows the step: problems after a refused input, the preview's heading after a good one.
    await page.locator('[data-testid="import-parse"]').click();
    await page.locator('[data-testid="import-problems"]').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('import-problems');
    await page.locator('[data-testid="import-text"]').fill(createMultiProvinceList());
    await page.locator('[data-testid="import-parse"]').click();
    await page.locator('[data-testid="import-preview"]').waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('import-preview-heading');
    expect(await axe()).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('import-open');
    // The detail panel's own Esc did not fire underneath; the English interface has its own strings.
    await expect(page.locator('[data-testid="detail-panel"][data-region="370700"]').count()).resolves.toBe(1);
    await page.evaluate(() => (window as any).__atlas.store.getState().setLang('en'));
    await page.locator('[data-testid="import-open"]').click();
    await expect(page.locator('#import-dialog-title').textContent()).resolves.toBe('Import a batch');
    await s.context.close();
  });
});
