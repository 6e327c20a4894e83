// npx tsx data/bench-similarity.ts [n] — time of relatedPractices (the related-practices build, issue 10) for n
// synthetic practices (default 10,000) made from the real ones. Budget: 10 s. Not a test: timings depend on the machine.
//
// Each synthetic practice takes a real practice's headline, measure and themes, a body recombined from clauses
// of three real practices (so texts are not just 333 copies of 30), and an actor drawn from the whole gazetteer,
// written into the headline as 省+市 the way the lists do, so that the place stripping runs on every text.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { relatedPractices } from '../src/ingest/similarity';
import type { Dataset, GazetteerEntry, Place, Practice } from '../src/types';
import { fromRoot, loadGazetteer } from './lib';
import { rng } from '../src/data/synthetic';

const N = Number(process.argv[2] ?? 10_000);
const BUDGET_S = 10;


function synthetic(real: readonly Practice[], gazetteer: readonly GazetteerEntry[], n: number): Practice[] {
  const random = rng(10);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const byCode = new Map(gazetteer.map((g) => [g.adcode, g]));
  const places = gazetteer.filter((g) => g.level !== 'province' || random() < 0.5);
  const clauses = real.map((p) => p.text.slice(p.headline.length).split(/(?<=[，。；])/).filter((c) => c.length > 1));
  const out: Practice[] = [];
  for (let i = 0; i < n; i++) {
    const tpl = pick(real);
    const g = pick(places);
    const province = Math.floor(g.adcode / 10000) * 10000;
    const parent = byCode.get(g.parent);
    const actor: Place = { adcode: g.adcode, name: g.name, level: g.level, province, ...(g.level === 'district' && parent?.level === 'city' ? { city: parent.adcode } : {}) };
    const prefix = g.level === 'province' ? g.name : `${byCode.get(province)?.name ?? ''}${g.name}`;
    const verb = tpl.headline.slice(tpl.headline.indexOf(tpl.actors[0]!.name) + tpl.actors[0]!.name.length);
    const headline = `${prefix}${verb}`;
    const body = [pick(clauses), pick(clauses), pick(clauses)].flatMap((cs) => cs.filter(() => random() < 0.6)).join('');
    out.push({ ...tpl, id: `9-1-1-${i + 1}`, headline, text: `${headline}${body}`, actors: [actor], mentions: [] });
  }
  return out;
}

const real = (JSON.parse(readFileSync(fromRoot('public/data/practices.json'), 'utf8')) as Dataset).practices;
const practices = synthetic(real, loadGazetteer(), N);

// The first run also pays for JIT compilation; the second is the steady state. CPU time is printed too: on a
// shared machine the wall clock also counts the time other processes had the cores.
function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const u = process.cpuUsage(c);
  return { value, wall: (performance.now() - t) / 1000, cpu: (u.user + u.system) / 1e6 };
}
const first = timed(() => relatedPractices(practices));
const steady = timed(() => relatedPractices(practices));

let links = 0;
for (const r of first.value.values()) links += r.length;
const s = (x: number) => `${x.toFixed(2)} s`;
process.stdout.write(
  `${N.toLocaleString('en')} synthetic practices: related practices in ${s(first.wall)} (first run; CPU ${s(first.cpu)}), ` +
    `${s(steady.wall)} (steady; CPU ${s(steady.cpu)}); ${(links / N).toFixed(2)} related per practice; budget ${BUDGET_S} s — ` +
    `${first.wall < BUDGET_S ? 'ok' : 'OVER BUDGET'}\n`,
);
if (first.wall >= BUDGET_S) process.exitCode = 1;
