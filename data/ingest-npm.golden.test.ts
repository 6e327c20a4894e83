// `npm run ingest` itself (a child process, hence slow: ~5–15 s here) on a GBK news-site copy of batch 1: the same
// 30 records as the built-in ones, texts modulo punctuation width (issue 16, issue 18 point 6).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Dataset, Practice } from '../src/types';
import { encodeGbk } from '../src/import/test-helpers';
import { listModel, punctuationWidthless, webPage } from '../src/ingest/test-forms';
import { fromRoot, ROOT } from './lib';

function comparable(p: Practice): string {
  const { source: _s, converted: _c, incomplete: _i, ...rest } = p;
  return punctuationWidthless(JSON.stringify(rest));
}

it('npm run ingest on a GBK news-site copy of batch 1 gives the 30 built-in records', () => {
  const builtin = JSON.parse(readFileSync(fromRoot('public/data/practices.json'), 'utf8')) as Dataset;
  const batch = builtin.batches.find((b) => b.id === 1)!;
  const practices = builtin.practices.filter((p) => p.batch === 1);
  const dir = mkdtempSync(join(tmpdir(), 'ingest-npm-'));
  const file = join(dir, 'batch1-web-gbk.txt');
  writeFileSync(file, encodeGbk(webPage(listModel(batch.title, batch.taxonomy, practices))));
  const out = join(dir, 'out.json');
  const run = spawnSync('npm', ['run', '--silent', 'ingest', '--', file, '--batch', '1', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toContain('read as GBK');
  expect(run.stderr).not.toMatch(/^error/m);
  expect(run.status).toBe(0);
  const d = JSON.parse(readFileSync(out, 'utf8')) as Dataset;
  expect(d.practices.map(comparable)).toEqual(practices.map(comparable));
}, 60_000);
