// Node-side I/O for the data CLIs: reads the project's inputs. The ingest itself (src/ingest) does no I/O.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GazetteerEntry } from '../src/types';
import type { BatchMeta, Correction } from '../src/ingest/dataset';
import type { ThemeDef } from '../src/ingest/extract';
import type { AliasFile } from '../src/ingest/geocode';
import { buildGazetteer, type DataVLocation } from '../src/ingest/gazetteer';
import { formatIssue, type IngestIssue } from '../src/ingest/issues';
import type { ReviewedThemes } from '../src/ingest/reviewedThemes';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function fromRoot(path: string): string {
  return resolve(ROOT, path);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(fromRoot(path), 'utf8')) as T;
}

export function loadGazetteer(): GazetteerEntry[] {
  return buildGazetteer(readJson<Record<string, DataVLocation>>('geo/sources/datav/location.json'));
}

export function loadAliases(): AliasFile {
  return readJson<AliasFile>('data/aliases.json');
}

export function loadThemes(): ThemeDef[] {
  return readJson<{ themes: ThemeDef[] }>('data/themes.json').themes;
}

export function loadCorrections(): Correction[] {
  return readJson<{ corrections: Correction[] }>('data/corrections.json').corrections;
}

export function loadReviewedThemes(): ReviewedThemes[] {
  return readJson<{ reviewed: ReviewedThemes[] }>('data/themes-reviewed.json').reviewed;
}

export function loadBatches(): BatchMeta[] {
  return readJson<BatchMeta[]>('data/batches.json');
}

// C0 and C1 controls (except the line feed that ends our own lines) and the bidirectional overrides that can make a
// terminal show other text than the file holds: written as \u001b, \t, … so a hostile file cannot move the cursor,
// recolour, retitle or reorder the terminal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file, made safe to print: control characters become visible escapes. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => (c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function printIssues(kind: 'error' | 'warning', issues: readonly IngestIssue[], file: string): void {
  for (const i of issues) process.stderr.write(`${kind}: ${escapeControls(formatIssue(i, file))}\n`);
}
