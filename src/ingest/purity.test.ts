// src/ingest runs in the browser too (the in-app import uses a Web Worker): no Node built-ins in its modules.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob(['./*.ts', '!./*.test.ts', '!./test-helpers.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('src/ingest', () => {
  it('has modules to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
  });

  it('imports no node: modules and no fs/path outside tests', () => {
    const offenders = Object.entries(sources)
      .filter(([, code]) => /from\s+['"](?:node:|fs['"]|path['"])/.test(code))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});
