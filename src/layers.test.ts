// The lint rule that holds the layers (eslint.config.js) must fail on a violation, or a typo in its patterns would
// switch it off unnoticed. Each case lints a one-line file at a path inside the project.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const x = y;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule', () => {
  it('refuses a feature importing the app shell', async () => {
    expect(await layerErrors('src/panels/Demo.tsx', "import { y } from '../app/Atlas';")).toHaveLength(1);
  });

  it('refuses a feature importing src/map or maplibre-gl, and allows the geometry kernel', async () => {
    expect(await layerErrors('src/export/demo.ts', "import { y } from '../map/MapController';")).toHaveLength(1);
    expect(await layerErrors('src/export/demo.ts', "import { y } from '../map';")).toHaveLength(1);
    expect(await layerErrors('src/export/demo.ts', "import { y } from 'maplibre-gl';")).toHaveLength(1);
    expect(await layerErrors('src/export/demo.ts', "import { y } from '../geometry/mercator';")).toHaveLength(0);
  });

  it('refuses a feature importing another feature, and allows its own folder and the layers below', async () => {
    expect(await layerErrors('src/panels/Demo.tsx', "import { y } from '../related/RelatedPractices';")).toHaveLength(1);
    expect(await layerErrors('src/briefing/demo.ts', "import { y } from '../export/png';")).toHaveLength(1);
    expect(await layerErrors('src/import/demo.ts', "import { y } from '../export/csv';")).toHaveLength(1);
    expect(await layerErrors('src/export/demo.ts', "import { y } from './png';")).toHaveLength(0);
    expect(await layerErrors('src/compare/demo.ts', "import { y } from '../ui/english';")).toHaveLength(0);
  });

  it('refuses the store importing a feature, and ingest importing the store', async () => {
    expect(await layerErrors('src/store/demo.ts', "import { y } from '../panels/Legend';")).toHaveLength(1);
    expect(await layerErrors('src/ingest/demo.ts', "import { y } from '../store/store';")).toHaveLength(1);
  });

  it('lets the app shell import anything', async () => {
    expect(await layerErrors('src/app/Demo.tsx', "import { y } from '../map/MapController';")).toHaveLength(0);
  });
});
