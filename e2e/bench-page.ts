// What both browser benchmarks (bench.ts, bench-ab.ts) install in a page and wait for, so that they time the same
// thing: the input times taken before the app's own handlers, the settle rule, and the map ready and idle.
import type { Page } from 'playwright-core';

/** In the page: a function that resolves with the ms from `t0` to the map's last frame once it has settled. */
// Plain JavaScript: tsx names the functions of a page.evaluate callback with a helper the page does not have.
const SETTLE_SCRIPT = `
window.__lastRender = 0;
window.__atlas.map.on('render', () => { window.__lastRender = performance.now(); });
window.__settle = (t0) => new Promise((resolve) => {
  const map = window.__atlas.map;
  const el = document.querySelector('[data-testid="map"]');
  const check = () => {
    const last = Math.max(window.__lastRender, t0);
    if (performance.now() - last > 600 && !map.isMoving() && el.dataset.state === 'idle' && el.dataset.detail !== 'loading') resolve(last - t0);
    else setTimeout(check, 25);
  };
  check();
});
`;
/**
 * The moment the last key went down (a presenter's remote sends keys), and the last button press: recorded before
 * the app's own listeners run (an init script, first on the window in the capture phase), so that the work the app
 * does inside its key handler is timed too (measured: 257 ms of a slide's work ran there, before a listener added
 * after the app's had even been called).
 */
export const INPUT_TIMES_SCRIPT = `
addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { capture: true });
addEventListener('mousedown', () => { window.__downAt = performance.now(); }, { capture: true });
`;

export async function installSettle(page: Page): Promise<void> {
  await page.evaluate(SETTLE_SCRIPT);
}

export async function waitInteractive(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="map"]')?.getAttribute('data-ready') === 'true' &&
      document.querySelector('[data-testid="map"]')?.getAttribute('data-state') === 'idle',
    null,
    { timeout: 120_000, polling: 10 },
  );
}
