// Issue 23 in the browser: the ministry's PDF attachment dropped onto the app window is read in the import worker
// (pdfjs as a lazy chunk from the app's own origin, under the page's CSP), previews the 30 practices with the batch
// details the notice carries, imports, and is still there after a reload. One page load and one reload.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapIdle, useBrowser } from './browser';

// Batch 1's table as the ministry lays it out, under a made-up batch name (the same texts under batch 1's own title
// would be "already imported"): data/fixtures/make-ingest-fixtures.ts.
const PDF = readFileSync('data/fixtures/ingest/batch1-e2e-renamed.pdf');
const TITLE = '实施城市更新行动可复制经验做法清单（第九十九批）';

describe('dropping the PDF attachment onto the window (issue 23)', () => {
  const b = useBrowser();

  it('previews the 30 practices with the notice details, imports, and keeps the batch after a reload', async () => {
    const s = await b.open();
    const { page } = s;
    const chunksBefore = s.requests.filter((u) => /pdf|docx/.test(u.replace(/^.*\//, '')));
    // Nothing of the readers loads with the first view.
    expect(chunksBefore).toEqual([]);

    // A drag from the desktop: dragover over the map, then drop, with the file in the DataTransfer.
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], '附件.pdf', { type: 'application/pdf' }));
      const target = document.querySelector('[data-testid="map"]') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, PDF.toString('base64'));

    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.locator('[data-testid="import-preview"], [data-testid="import-problems"]').first().waitFor({ timeout: 60_000 });
    await expect(dialog.locator('[data-testid="import-summary"]').textContent()).resolves.toContain('30 项做法 · 3 个政策机制 · 10 项主要举措');
    await expect(dialog.locator('#import-preview-heading').textContent()).resolves.toContain('PDF');
    await expect(dialog.locator('[data-testid="import-meta-title"]').inputValue()).resolves.toBe(TITLE);
    await expect(dialog.locator('[data-testid="import-meta-issuer"]').inputValue()).resolves.toBe('住房和城乡建设部办公厅');
    await expect(dialog.locator('[data-testid="import-meta-date"]').inputValue()).resolves.toBe('2022-11-25');
    await expect(dialog.locator('[data-testid="import-meta-doc"]').inputValue()).resolves.toBe('建办科函〔2099〕1号');
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
  });
});
