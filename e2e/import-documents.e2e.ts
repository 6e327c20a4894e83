// Issue 23 in the browser: the ministry's PDF attachment dropped onto the app window is read in the import worker
// (pdfjs as a lazy chunk from the app's own origin, under the page's CSP), previews the 30 practices with the batch
// details the notice carries, imports, and is still there after a reload. One page load and one reload.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, mapIdle, useBrowser } from './browser';

// Batch 1's table as the ministry lays it out, under a made-up batch name (the same texts under batch 1's own title
// would be "already imported"): data/fixtures/make-ingest-fixtures.ts.
const PDF = readFileSync('data/fixtures/ingest/batch1-e2e-renamed.pdf');
const TITLE = '实施城市更新行动可复制经验做法清单（第九十九批）';
// A WeChat repost of batch 1 (its furniture: 点击蓝字关注我们, 图片, — END —, 阅读原文, 在看…).
const WECHAT = readFileSync('data/fixtures/ingest/repost-wechat.txt');

/** A drag from the desktop: dragover over the map, then drop, with the file in the DataTransfer. */
async function dropFile(page: Page, bytes: Buffer, name: string, type: string): Promise<void> {
  await page.evaluate(
    async ([b64, n, t]) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], n, { type: t }));
      const target = document.querySelector('[data-testid="map"]') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [bytes.toString('base64'), name, type] as const,
  );
}

describe('dropping the PDF attachment onto the window (issue 23)', () => {
  const b = useBrowser();

  it('previews the 30 practices with the notice details, imports, and keeps the batch after a reload', async () => {
    const s = await b.open();
    const { page } = s;
    const chunksBefore = s.requests.filter((u) => /pdf|docx/.test(u.replace(/^.*\//, '')));
    // Nothing of the readers loads with the first view.
    expect(chunksBefore).toEqual([]);

    await dropFile(page, PDF, '附件.pdf', 'application/pdf');

    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.locator('[data-testid="import-preview"], [data-testid="import-problems"]').first().waitFor({ timeout: 60_000 });
    await expect(dialog.locator('[data-testid="import-summary"]').textContent()).resolves.toContain('30 项做法 · 3 个政策机制 · 10 项主要举措');
    await expect(dialog.locator('#import-preview-heading').textContent()).resolves.toContain('PDF');
    await expect(dialog.locator('[data-testid="import-meta-title"]').inputValue()).resolves.toBe(TITLE);
    await expect(dialog.locator('[data-testid="import-meta-issuer"]').inputValue()).resolves.toBe('住房和城乡建设部办公厅');
    await expect(dialog.locator('[data-testid="import-meta-date"]').inputValue()).resolves.toBe('2022-11-25');
    await expect(dialog.locator('[data-testid="import-meta-doc"]').inputValue()).resolves.toBe('建办科函〔2099〕1号');
    // What the layout dropped by its place on the page is listed with its page (— 1 — … — 6 —, the repeated header).
    const pageFurniture = dialog.locator('[data-testid="import-page-furniture"] li');
    await expect(pageFurniture.evaluateAll((els) => els.filter((e) => e.getAttribute('data-kind') === 'page-number').map((e) => Number(e.getAttribute('data-page'))))).resolves.toEqual([1, 2, 3, 4, 5, 6]);
    // For a person to look at: the preview of a dropped PDF.
    await dialog.screenshot({ path: `${ARTIFACTS}/import-pdf-preview.png` });
    // The readers came from the app's own origin, as lazy chunks; nothing from anywhere else.
    expect(s.requests.some((u) => /\/assets\/pdf[-.]/.test(u))).toBe(true);
    expect(s.foreign()).toEqual([]);

    // Same texts as the built-in batch under another title: allowed, with a warning.
    await expect(dialog.locator('[data-testid="import-duplicate-builtin"]').isVisible()).resolves.toBe(true);
    await dialog.locator('[data-testid="import-confirm"]').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="import-status"]')?.textContent ?? '').includes('已导入'));

    await page.reload();
    await mapIdle(page);
    const batchFacet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: '批次' }) });
    await expect(batchFacet.locator('.facet-option').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining(TITLE)]));
    expect(s.consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);

    // A repost dropped on the same page: every furniture line is listed in the preview with its line number.
    await dropFile(page, WECHAT, '转载.txt', 'text/plain');
    const list = dialog.locator('[data-testid="import-furniture"]');
    await list.waitFor({ timeout: 60_000 });
    const lines = WECHAT.toString('utf8').split('\n');
    const listed = await list.locator('li[data-line]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))));
    for (const t of ['点击蓝字 关注我们', '图片', '— END —', '阅读原文', '在看', '预览时标签不可点']) expect(listed, t).toContain(lines.indexOf(t) + 1);
    await expect(list.locator(`li[data-line="${lines.indexOf('— END —') + 1}"]`).textContent()).resolves.toContain(`第 ${lines.indexOf('— END —') + 1} 行`);
    await dialog.screenshot({ path: `${ARTIFACTS}/import-repost-furniture.png` });
  });
});
