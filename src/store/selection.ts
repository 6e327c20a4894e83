// What the user has picked on the map or in a panel. A discriminated union (Placemark style) so that every
// consumer has to handle each kind, and "nothing" is a value rather than null.

export type Selection =
  | { kind: 'none' }
  | { kind: 'region'; adcode: number }
  | { kind: 'practice'; id: string };


/** The empty selection. Frozen: it is shared by every store and every default. */
export const NONE: Selection = Object.freeze({ kind: 'none' as const });

export function regionSelection(adcode: number): Selection {
  return { kind: 'region', adcode };
}

export function practiceSelection(id: string): Selection {
  return { kind: 'practice', id };
}

export function isNone(sel: Selection): sel is { kind: 'none' } {
  return sel.kind === 'none';
}

/** Structural equality: two region selections of the same adcode are equal even if they are different objects. */
export function selectionEquals(a: Selection, b: Selection): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'none':
      return b.kind === 'none';
    case 'region':
      return b.kind === 'region' && b.adcode === a.adcode;
    case 'practice':
      return b.kind === 'practice' && b.id === a.id;
  }
}

/** The selected region's adcode, or null. */
export function selectedRegion(sel: Selection): number | null {
  return sel.kind === 'region' ? sel.adcode : null;
}

/** The selected practice's id, or null. */
export function selectedPracticeId(sel: Selection): string | null {
  return sel.kind === 'practice' ? sel.id : null;
}
