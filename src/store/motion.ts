// How the map moves to a framed subject (a slide, a clicked province): fly, or jump. The default follows the machine:
// where WebGL is drawn in software (PCs and virtual desktops without a usable GPU, measured: 150–600 ms a frame),
// a flight is a handful of stills that delay the slide by its 800 ms, so the map jumps; with a GPU it flies. The
// presenter can choose either (the briefing's 跳转 toggle), kept in this browser (localStorage), not in the shared
// URL: it is about the machine in the room, not about what is shown. Reduced motion makes MapLibre jump anyway.
const KEY = 'renewal-atlas.briefing-jump';

/** The presenter's explicit choice: true = jump, false = fly, null = none (the machine decides). */
export function motionChoice(): boolean | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === '1' ? true : v === '0' ? false : null;
  } catch {
    // Storage blocked (a locked-down browser): no choice kept.
    return null;
  }
}

/** Whether framed moves jump: the presenter's choice, else whether the map is drawn in software. */
export function mapJumps(softwareMap: boolean): boolean {
  return motionChoice() ?? softwareMap;
}

export function setMotionChoice(jump: boolean): void {
  try {
    localStorage.setItem(KEY, jump ? '1' : '0');
  } catch {
    // Storage blocked: the choice lasts for this page only (the button keeps its own state).
  }
}
