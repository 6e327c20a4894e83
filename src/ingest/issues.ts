// Problems found while ingesting a list. Errors stop a build (and an in-app import); warnings are reported
// but the records are still produced. Every issue names the source line so a user can find it.

export type IssueCode =
  | 'item-without-measure'
  | 'measure-without-mechanism'
  | 'mechanism-numbering'
  | 'mechanism-title-mismatch'
  | 'mechanism-without-title'
  | 'mechanism-without-measures'
  | 'measure-numbering'
  | 'measure-without-title'
  | 'measure-without-items'
  | 'item-numbering'
  | 'item-without-text'
  | 'actor-unresolved'
  | 'no-practices'
  | 'text-before-first-mechanism'
  | 'mention-ambiguous'
  | 'correction-invalid'
  // Inferences and conversions (warnings, issue 16): the records are produced, the user is told.
  | 'mechanism-inferred'
  | 'heading-repeated'
  | 'no-measure-level'
  | 'item-renumbered'
  | 'item-numbering-continuous'
  | 'item-number-from-sequence'
  | 'item-incomplete'
  | 'text-ignored'
  | 'furniture'
  | 'lead-confirms'
  | 'lead-differs'
  | 'converted-traditional'
  | 'pinyin-removed'
  | 'actor-none'
  | 'themes-reviewed-stale'
  | 'themes-unreviewed';

export interface IngestIssue {
  /** 1-based line in the ingested text (0 when the issue concerns the whole text). */
  line: number;
  code: IssueCode;
  /** English message, naming what was found and what was expected. */
  message: string;
  /** The same in Chinese, for the in-app import. */
  messageZh: string;
}

export function issue(line: number, code: IssueCode, message: string, messageZh: string): IngestIssue {
  return { line, code, message, messageZh };
}

/** "line 12: …" — the form the CLIs print. */
export function formatIssue(i: IngestIssue, file?: string): string {
  const where = file ? `${file}:${i.line}` : `line ${i.line}`;
  return `${where}: ${i.message} / ${i.messageZh}`;
}

/** Thrown by callers that prefer exceptions (the CLIs use the typed result instead). */
export class IngestError extends Error {
  readonly issues: IngestIssue[];
  constructor(issues: IngestIssue[], file?: string) {
    super(issues.map((i) => formatIssue(i, file)).join('\n'));
    this.name = 'IngestError';
    this.issues = issues;
  }
}
