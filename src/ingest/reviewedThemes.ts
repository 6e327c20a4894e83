// Themes that can be trusted (issue 15 point 4): built-in practices take their themes from the reviewed file
// (data/themes-reviewed.json, one reason per tag); the keyword rules (extract.ts assignThemes) only suggest, for
// imported batches. Pure.
import type { Practice } from '../types';
import { issue, type IngestIssue } from './issues';
import { normaliseSpace } from './text';

export interface ReviewedTag {
  key: string;
  /** One line, quoting or summarising the text that supports (or, under `rejected`, rules out) the tag. */
  reason: string;
}

/** One entry of data/themes-reviewed.json. */
export interface ReviewedThemes {
  id: string;
  /** The practice's headline when it was reviewed: a changed text must be reviewed again. */
  headline: string;
  themes: ReviewedTag[];
  /** Themes the keyword rules suggest that do not hold, with why. */
  rejected?: ReviewedTag[];
}

/** Headlines compared modulo whitespace and punctuation width, so a repost with ASCII punctuation still matches. */
function sameHeadline(a: string, b: string): boolean {
  const n = (s: string) => normaliseSpace(s).replace(/[（）]/g, (c) => (c === '（' ? '(' : ')')).replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':');
  return n(a) === n(b);
}

/**
 * Replaces the suggested themes of `practices` by their reviewed ones (in dictionary order), marking them
 * 'reviewed'. `strict` (the data build): a practice without an entry, a changed headline, an unknown key or a tag
 * without a reason is an error. Not strict (the CLI on an unlisted file): such practices keep their suggestions and
 * a changed headline is a warning.
 */
export function applyReviewedThemes(
  practices: Practice[],
  reviewed: readonly ReviewedThemes[],
  themeKeys: readonly string[],
  strict: boolean,
): { errors: IngestIssue[]; warnings: IngestIssue[] } {
  const errors: IngestIssue[] = [];
  const warnings: IngestIssue[] = [];
  const byId = new Map(reviewed.map((r) => [r.id, r]));
  const known = new Set(themeKeys);
  for (const p of practices) {
    const line = p.source.lines[0];
    const r = byId.get(p.id);
    if (!r) {
      if (strict) errors.push(issue(line, 'themes-unreviewed', `${p.id} has no reviewed themes; add it to data/themes-reviewed.json (themes with a reason each)`, `${p.id} 没有经审核的主题，请在 data/themes-reviewed.json 中补充（每个主题附理由）`));
      continue;
    }
    if (!sameHeadline(r.headline, p.headline)) {
      const msg = issue(line, 'themes-reviewed-stale', `${p.id}: the reviewed themes were made for "${r.headline.slice(0, 30)}" but the headline is now "${p.headline.slice(0, 30)}"; review again`, `${p.id}：审核主题时的首句为“${r.headline.slice(0, 30)}”，现为“${p.headline.slice(0, 30)}”，请重新审核`);
      (strict ? errors : warnings).push(msg);
      continue;
    }
    const bad = [...r.themes, ...(r.rejected ?? [])].find((t) => !known.has(t.key) || typeof t.reason !== 'string' || t.reason.trim() === '');
    const clash = r.themes.find((t) => r.rejected?.some((x) => x.key === t.key));
    if (bad || clash) {
      const what = clash ? `"${clash.key}" is both a theme and rejected` : !known.has(bad!.key) ? `unknown theme "${bad!.key}"` : `"${bad!.key}" has no reason`;
      (strict ? errors : warnings).push(issue(line, 'themes-reviewed-stale', `${p.id} in data/themes-reviewed.json: ${what}`, `data/themes-reviewed.json 中 ${p.id}：${what}`));
      continue;
    }
    const keys = new Set(r.themes.map((t) => t.key));
    p.themes = themeKeys.filter((k) => keys.has(k));
    p.themeSource = 'reviewed';
  }
  return { errors, warnings };
}

/** Reviewed entries that match no practice: the build reports them so none goes stale. */
export function unusedReviewedThemes(practices: readonly Practice[], reviewed: readonly ReviewedThemes[]): ReviewedThemes[] {
  const ids = new Set(practices.map((p) => p.id));
  return reviewed.filter((r) => !ids.has(r.id));
}

export interface RuleQuality {
  practices: number;
  /** Tags the keyword rules suggest, tags reviewed, tags in both. */
  suggested: number;
  reviewed: number;
  agreed: number;
  /** agreed / suggested and agreed / reviewed, over all tags (micro average). */
  precision: number;
  recall: number;
}

/** How well the keyword rules match the reviewed set: per pair of suggested and reviewed keys of one practice. */
export function ruleQuality(pairs: readonly { suggested: readonly string[]; reviewed: readonly string[] }[]): RuleQuality {
  let suggested = 0;
  let reviewed = 0;
  let agreed = 0;
  for (const p of pairs) {
    suggested += p.suggested.length;
    reviewed += p.reviewed.length;
    agreed += p.suggested.filter((k) => p.reviewed.includes(k)).length;
  }
  return { practices: pairs.length, suggested, reviewed, agreed, precision: suggested ? agreed / suggested : 1, recall: reviewed ? agreed / reviewed : 1 };
}
