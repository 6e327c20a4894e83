// The dataset file's schema (public/data/practices.json), shared by the data build, the tests and the app's loader.
// It mirrors src/types.ts; the assignability check at the bottom fails to compile if the two drift apart.
// First: zod must be jitless before a schema is built (src/jitless.ts). Imported here, where the schemas are
// built, and not only by the entries: a bundler may evaluate the chunk holding these schemas before the entry's own
// code, and the CSP then reports zod's eval probe.
import '../jitless';
import { z } from 'zod';
import type { Batch, Dataset, Figure, Place, Practice, Programme, ProgrammeSource, Theme } from '../types';

const level = z.enum(['province', 'city', 'district']);
const adcode = z.number().int().min(100000).max(999999);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const placeSchema = z.object({
  adcode,
  name: z.string().min(1),
  level,
  province: adcode,
  city: adcode.optional(),
});

export const figureSchema = z.object({
  // A string only for digits a double would not hold exactly (types.ts Figure).
  value: z.union([z.number().finite(), z.string().regex(/^\d+(\.\d+)?$/, 'expected the digits of a number')]),
  unit: z.string(),
  raw: z.string().min(1),
  phrase: z.string().min(1),
});

const ref = z.object({ code: z.string().min(1), index: z.number().int().positive(), title: z.string().min(1) });

// A measure's code is '' for the stand-in measure of a mechanism without a measure level (types.ts Measure).
export const measureSchema = ref.extend({ code: z.string() });
export const mechanismSchema = ref.extend({ measures: z.array(measureSchema).min(1) });

export const batchSchema = z.object({
  id: z.number().int().positive(),
  title: z.string().min(1),
  issuer: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD'),
  docNumber: z.string().min(1).optional(),
  file: z.string().min(1),
  taxonomy: z.array(mechanismSchema).min(1),
});

export const practiceSchema = z.object({
  id: z.string().regex(/^\d+-\d+-\d+-\d+$/, 'expected <batch>-<mechanism>-<measure>-<item>'),
  batch: z.number().int().positive(),
  mechanism: ref,
  measure: measureSchema,
  item: z.number().int().positive(),
  headline: z.string().min(1),
  text: z.string().min(1),
  source: z.object({ file: z.string().min(1), lines: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]) }),
  actors: z.array(placeSchema),
  mentions: z.array(placeSchema),
  sites: z.array(z.string().min(1)),
  documents: z.array(z.string().min(1)),
  figures: z.array(figureSchema),
  themes: z.array(z.string().min(1)),
  themeSource: z.enum(['reviewed', 'suggested']).optional(),
  converted: z.array(z.enum(['traditional', 'pinyin'])).optional(),
  incomplete: z.boolean().optional(),
  related: z.array(z.object({ id: z.string(), score: z.number() })).optional(),
});

export const themeSchema = z.object({ key: z.string().min(1), zh: z.string().min(1), en: z.string().min(1) });

export const programmeSourceSchema = z.object({ title: z.string().min(1), publisher: z.string().min(1), date: z.string().regex(ISO_DATE), url: z.string().regex(/^https?:\/\//) });
export const programmeUnitSchema = placeSchema.extend({ published: z.string().min(1) });
export const programmeSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  short: z.string().min(1).optional(),
  shortEn: z.string().min(1).optional(),
  issuer: z.string().min(1),
  date: z.string().regex(ISO_DATE),
  status: z.enum(['公示', '正式']),
  document: z.string().min(1).optional(),
  docNumber: z.string().min(1).optional(),
  period: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
  sources: z.array(programmeSourceSchema).min(1),
  file: z.string().min(1),
  units: z.array(programmeUnitSchema).min(1),
});

export const datasetSchema = z
  .object({
    generatedBy: z.string().optional(),
    batches: z.array(batchSchema),
    themes: z.array(themeSchema),
    practices: z.array(practiceSchema),
    programmes: z.array(programmeSchema).optional(),
  })
  .superRefine((d, ctx) => {
    // References between the parts: what the app's joins and counts rely on.
    const themeKeys = new Set(d.themes.map((t) => t.key));
    const batches = new Map(d.batches.map((b) => [b.id, b]));
    const ids = new Set<string>();
    d.practices.forEach((p, i) => {
      const at = (...rest: (string | number)[]) => ['practices', i, ...rest];
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate id ${p.id}` });
      ids.add(p.id);
      const expectedId = `${p.batch}-${p.mechanism.index}-${p.measure.index}-${p.item}`;
      if (p.id !== expectedId) ctx.addIssue({ code: 'custom', path: at('id'), message: `expected ${expectedId}` });
      const batch = batches.get(p.batch);
      if (!batch) {
        ctx.addIssue({ code: 'custom', path: at('batch'), message: `no batch ${p.batch} in batches` });
      } else {
        const mech = batch.taxonomy.find((m) => m.index === p.mechanism.index);
        if (!mech || mech.code !== p.mechanism.code) ctx.addIssue({ code: 'custom', path: at('mechanism'), message: `not in batch ${p.batch}'s taxonomy` });
        else if (!mech.measures.some((m) => m.index === p.measure.index && m.code === p.measure.code)) ctx.addIssue({ code: 'custom', path: at('measure'), message: `not under mechanism ${mech.code} in batch ${p.batch}'s taxonomy` });
      }
      p.themes.forEach((t, k) => {
        if (!themeKeys.has(t)) ctx.addIssue({ code: 'custom', path: at('themes', k), message: `unknown theme "${t}"` });
      });
    });
  });

/** Formats a zod issue path the way people write it: practices[3].actors[0].adcode. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || '(root)';
}

/** public/data/programmes.json (written by npm run data from data/programmes/). */
export const programmesFileSchema = z.object({ generatedBy: z.string().optional(), programmes: z.array(programmeSchema) });

/** Validates public/data/programmes.json; throws naming the path of the first bad fields. */
export function parseProgrammes(json: unknown): Programme[] {
  const r = programmesFileSchema.safeParse(json);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new Error(`invalid programmes file: ${lines.join('; ')}`);
  }
  return r.data.programmes;
}

/** Validates a parsed JSON value as a Dataset; throws naming the path of the first bad fields. */
export function parseDataset(json: unknown): Dataset {
  const r = datasetSchema.safeParse(json);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new Error(`invalid dataset: ${lines.join('; ')}`);
  }
  return r.data;
}

// Compile-time check: what the schema accepts is a Dataset.
type Assignable<T extends U, U> = T;
/** @public Exported so that the compiler keeps it; it is a check, not an API. */
export type _DatasetCheck = Assignable<z.infer<typeof datasetSchema>, Dataset>;

/**
 * And the other way: every field of the types in src/types.ts is in the schema. Without this, a new optional field
 * added to types.ts alone would be silently dropped by parseDataset (zod strips unknown keys). `Exact` fails the
 * typecheck naming the type whose fields differ.
 */
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeys<A, B> : false) : false;
type Check<T extends true> = T;
/** @public Exported so that the compiler keeps it; it is a check, not an API. */
export type _SchemaMatchesTypes = [
  Check<Exact<z.infer<typeof placeSchema>, Place>>,
  Check<Exact<z.infer<typeof figureSchema>, Figure>>,
  Check<Exact<z.infer<typeof batchSchema>, Batch>>,
  Check<Exact<z.infer<typeof practiceSchema>, Practice>>,
  Check<Exact<z.infer<typeof themeSchema>, Theme>>,
  Check<Exact<z.infer<typeof datasetSchema>, Dataset>>,
  Check<Exact<z.infer<typeof programmeSchema>, Programme>>,
  Check<Exact<z.infer<typeof programmeSourceSchema>, ProgrammeSource>>,
];
