// The presenter's choice of how the briefing moves between slides: fly (the default) or jump. A setting of this
// browser (localStorage), not of the shared URL: it is about the machine in the room (a flight costs its frames in
// software WebGL, on PCs without a GPU) and not about what is shown. Reduced motion makes MapLibre jump anyway.
const KEY = 'renewal-atlas.briefing-jump';

/** True when the presenter chose to jump between slides. */
export function briefingJumps(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    // Storage blocked (a locked-down browser): the default, flying.
    return false;
  }
}

export function setBriefingJumps(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Storage blocked: the choice lasts for this page only (the button keeps its own state).
  }
}
