// Shapes shared by the import pipeline (Web Worker), the dialog and the browser storage. No logic here.
import type { Batch, Mechanism, Practice, Theme } from '../types';
import type { RoleOverrides, StructureLine } from '../ingest/parse';

export type ImportFormat = 'txt' | 'csv' | 'json' | 'docx' | 'pdf';

export type ProblemCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  /** A document format the import does not read (.doc, .wps, .ofd, .xlsx…), or a document it could not read. */
  | 'format'
  /** A PDF without a text layer or an image: no OCR is done. */
  | 'scan'
  | 'encoding'
  | 'ingest'
  | 'csv-columns'
  | 'csv-row'
  | 'json-syntax'
  | 'json-schema'
  | 'json-place'
  | 'duplicate'
  | 'title-taken'
  | 'meta'
  | 'worker'
  // The record would not pass the storage schema (issue 24.1).
  | 'schema'
  // Warning: characters removed at the ingest boundary (issue 24.3).
  | 'hygiene'
  // Warning: a JSON theme key the app's dictionary does not have.
  | 'theme-unknown';

/** Something wrong with the input, with where it is: a line (text, CSV), a column (CSV) or a field path (JSON). */
export interface ImportProblem {
  code: ProblemCode;
  /** 1-based line in the decoded text (0 or absent: the whole input). */
  line?: number;
  /** CSV column name. */
  column?: string;
  /** JSON path, e.g. practices[3].actors[0].adcode. */
  field?: string;
  /** Byte offset, for inputs that are not text at all. */
  offset?: number;
  message: string;
  messageZh: string;
}

/** A place the ingest could not pin down: the user picks it from the gazetteer in the preview. */
export interface Unresolved {
  /** Unique within a candidate: `${practiceId}:actor` or `${practiceId}:mention:${name}`. */
  key: string;
  kind: 'actor' | 'mention';
  practiceId: string;
  line: number;
  /** The name as written (empty when the headline opens with no place name at all). */
  name: string;
  /** Gazetteer units the name could mean (ambiguous names), best guesses first. */
  candidates: number[];
  message: string;
  messageZh: string;
}

/** One batch ready for the preview (ids already use the proposed batch id). */
export interface Candidate {
  meta: { title: string; issuer: string; date: string; docNumber?: string };
  file: string;
  format: ImportFormat;
  taxonomy: Mechanism[];
  practices: Practice[];
  /** Themes the input brings that the app does not know (JSON imports only). */
  themes: Theme[];
  unresolved: Unresolved[];
  /** Non-blocking remarks from the ingest (ambiguous mentions are in `unresolved` instead). */
  warnings: ImportProblem[];
  /** Text lists: every line with the role the parser gave it (the preview's tree, issue 16). */
  structure?: StructureLine[];
  /** Lines the prefilled title, issuer and date were read from (text lists that name them). */
  metaLines?: { title?: number; issuer?: number; date?: number; docNumber?: number };
  /** A PDF's page numbers, running headers/footers and repeated header rows, dropped by their place on the page
   * (issue 23.4: listed in the preview with their page). */
  pageFurniture?: { page: number; text: string; kind: 'page-number' | 'running' | 'header' }[];
}

export type DecodedEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

export interface PrepareRequest {
  /** Pasted text, or the file's bytes. */
  input:
    | { kind: 'text'; text: string }
    | { kind: 'bytes'; bytes: ArrayBuffer; name: string }
    /** A .docx or PDF already turned into the list's text by src/import/documents.ts (in the worker). */
    | { kind: 'document'; text: string; name: string; format: 'docx' | 'pdf' };
  /** The id the first new batch would get (≥ 1000); the dialog renumbers on confirm anyway. */
  firstBatchId: number;
  /** Roles the user set for some lines in the preview (text lists), by cell key. */
  roles?: RoleOverrides;
}

export type PrepareResult =
  | { ok: true; format: ImportFormat; encoding: DecodedEncoding | null; candidates: Candidate[] }
  | {
      ok: false;
      format: ImportFormat | null;
      encoding: DecodedEncoding | null;
      problems: ImportProblem[];
      /** Text lists whose structure has errors: the lines as parsed, so the user can correct their roles. */
      structure?: StructureLine[];
    };

export type ProgressStage = 'read' | 'decode' | 'parse' | 'geocode' | 'check' | 'done';

export interface Progress {
  stage: ProgressStage;
  /** 0…1 over the whole job. */
  fraction: number;
}

/** What the browser keeps for each imported batch (one IndexedDB record). */
export interface ImportedBatch {
  batch: Batch;
  practices: Practice[];
  /** Themes used by these practices that the built-in dictionary lacks. */
  themes: Theme[];
  /** ISO timestamp. */
  importedAt: string;
}
