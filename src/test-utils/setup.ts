// Runs before every unit test file. The unit project shares modules between the files of a worker (isolate:
// false, see vite.config.ts), so a module-level afterEach in a shared helper would register once only; here it
// registers for every file. Component tests leave nothing in the DOM for the next file.
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  cleanup();
});
