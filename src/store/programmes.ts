// Which practices belong to which programme (issue 27). Pure; computed from the practices' actors every time, never
// stored per practice, so an imported batch follows exactly the rule of the built-in one.
//
// THE RULE: a practice belongs to a programme when one of its actors is a unit of the programme or lies inside one.
// - a 重庆市九龙坡区 practice is in the 2021 pilot (九龙坡区 is a unit);
// - a 重庆市-wide practice is NOT in the 2021 pilot: its pilots there are two districts, and the municipality does
//   not lie inside either;
// - every 重庆市 practice, whole-municipality or district, is in the 2024 list, which names the whole municipality.
// Mentions never count (they are places a text names, not the places that did the practice).
import type { Dataset, Place, Practice, Programme, ProgrammeUnit } from '../types';

/** True when `place` is `unit` or lies inside it (a district of a city unit, anything in a province unit). */
export function liesIn(place: Place, unit: Place): boolean {
  if (place.adcode === unit.adcode) return true;
  if (unit.level === 'province') return place.province === unit.adcode;
  if (unit.level === 'city') return place.city === unit.adcode;
  return false; // a district contains nothing but itself
}

/** The programme ids of one practice, in the programmes' order. */
export function practiceProgrammes(p: Practice, programmes: readonly Programme[] | undefined): string[] {
  if (!programmes || p.actors.length === 0) return [];
  const out: string[] = [];
  for (const prog of programmes) if (p.actors.some((a) => prog.units.some((u) => liesIn(a, u)))) out.push(prog.id);
  return out;
}

/** A programme by id. */
export function programmeById(d: Dataset, id: string): Programme | undefined {
  return d.programmes?.find((p) => p.id === id);
}

/** The programmes a region is a unit of, and those it only lies inside (a district of 成都市, itself a unit). */
export function programmesOfRegion(d: Dataset, region: Place): { unitOf: Programme[]; inside: { programme: Programme; unit: ProgrammeUnit }[] } {
  const unitOf: Programme[] = [];
  const inside: { programme: Programme; unit: ProgrammeUnit }[] = [];
  for (const prog of d.programmes ?? []) {
    if (prog.units.some((u) => u.adcode === region.adcode)) unitOf.push(prog);
    else {
      const unit = prog.units.find((u) => liesIn(region, u));
      if (unit) inside.push({ programme: prog, unit });
    }
  }
  return { unitOf, inside };
}

export interface UnitCoverage {
  unit: ProgrammeUnit;
  /** Practices whose actor is the unit or lies inside it. */
  practices: Practice[];
}

export interface ProgrammeCoverage {
  programme: Programme;
  /** Every unit, in the list's order, with its practices. */
  units: UnitCoverage[];
  /** Units with at least one practice (M of "N 个城市（区）中 M 个有做法入选"). */
  withPractices: UnitCoverage[];
  without: UnitCoverage[];
  /** Practices in the programme by the rule (each once, even with actors in two units). */
  practiceCount: number;
}

/** How far a programme's units appear among `practices` (all of a dataset, or the filtered ones). */
export function programmeCoverage(programme: Programme, practices: readonly Practice[]): ProgrammeCoverage {
  const units = programme.units.map((unit) => ({ unit, practices: practices.filter((p) => p.actors.some((a) => liesIn(a, unit))) }));
  const inProgramme = new Set<Practice>();
  for (const u of units) for (const p of u.practices) inProgramme.add(p);
  return {
    programme,
    units,
    withPractices: units.filter((u) => u.practices.length > 0),
    without: units.filter((u) => u.practices.length === 0),
    practiceCount: inProgramme.size,
  };
}

/** The coverage of every programme of the dataset. */
export function programmesCoverage(d: Dataset, practices: readonly Practice[] = d.practices): ProgrammeCoverage[] {
  return (d.programmes ?? []).map((p) => programmeCoverage(p, practices));
}

/** The programme units lying in a province (for the compare matrix): programme → its units there. */
export function programmeUnitsInProvince(d: Dataset, province: number): { programme: Programme; units: ProgrammeUnit[] }[] {
  const out: { programme: Programme; units: ProgrammeUnit[] }[] = [];
  for (const prog of d.programmes ?? []) {
    const units = prog.units.filter((u) => u.province === province);
    if (units.length > 0) out.push({ programme: prog, units });
  }
  return out;
}

/**
 * The units of the given programmes split by whether any of `practices` lies in them — what the map layer outlines
 * (solid / dashed). One pass over the practices (a unit holds a practice exactly when the unit's adcode is an actor's
 * own, city or province code), so it stays cheap at 100,000 practices.
 */
export function programmeMarks(d: Dataset, practices: readonly Practice[], ids: readonly string[]): { withPractices: number[]; without: number[] } {
  const covered = new Set<number>();
  for (const p of practices)
    for (const a of p.actors) {
      covered.add(a.adcode);
      covered.add(a.province);
      if (a.city !== undefined) covered.add(a.city);
    }
  const withPractices = new Set<number>();
  const without = new Set<number>();
  for (const prog of d.programmes ?? []) {
    if (!ids.includes(prog.id)) continue;
    for (const u of prog.units) (covered.has(u.adcode) ? withPractices : without).add(u.adcode);
  }
  // A unit of two programmes with practices through one is drawn once, solid.
  for (const a of withPractices) without.delete(a);
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { withPractices: sorted(withPractices), without: sorted(without) };
}
