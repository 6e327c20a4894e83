// Where keyboard focus should go when a view opens. Opening a practice from the list with Enter (or a button in a
// panel with the keyboard) unmounts what had focus, and the browser drops it to the page body; the panel that
// opens takes it instead. Only keyboard openings ask: a page load or a mouse click leaves focus alone.
let pending = false;

/** Called just before a keyboard action opens a panel. */
export function requestPanelFocus(): void {
  pending = true;
}

/** The opened panel asks once: true when it should take focus (and focus was indeed lost). */
export function takePanelFocus(): boolean {
  const want = pending;
  pending = false;
  const active = document.activeElement;
  return want && (!active || active === document.body);
}

/** onClick helper: a click with `detail === 0` came from the keyboard (Enter or Space on a button). */
export function fromKeyboard(e: { detail: number }): boolean {
  return e.detail === 0;
}
