import { describe, expect, it } from 'vitest';
import { parseArgs } from './ingest-cli';

describe('ingest CLI arguments', () => {
  it('a file alone', () => {
    expect(parseArgs(['list.txt'])).toEqual({ file: 'list.txt' });
  });

  it('a file with --out and --batch', () => {
    expect(parseArgs(['list.txt', '--out', 'x.json', '--batch', '1001'])).toEqual({ file: 'list.txt', out: 'x.json', batch: 1001 });
  });

  it('no file is an error', () => {
    expect(parseArgs(['--out', 'x.json'])).toBe('missing <file>');
  });

  it('an option without its value is an error', () => {
    expect(parseArgs(['list.txt', '--out'])).toBe('--out needs a value');
  });

  it('an unknown option is an error', () => {
    expect(parseArgs(['list.txt', '--verbose'])).toBe('unknown option --verbose');
  });

  it('a batch id that is not a positive integer is an error', () => {
    expect(parseArgs(['list.txt', '--batch', 'x'])).toBe('--batch must be a positive integer');
  });
});
