import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

// Serves dist/ once for all browser tests; the tests read the address from `inject('baseUrl')`.
export default async function setup(project: TestProject) {
  const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
