// Lint: TypeScript and React hooks rules, and the layers of the README ("Layers, and how to add things") held by a rule instead of by memory.
//
//   app shell (src/app)                                   may import anything below
//   features (panels, compare, related, briefing, export, import, fallback) — side by side: none imports another
//   store · map (driven by the app shell only) · theme · i18n · format · data · ui · geometry (the map kernel) · scene
//   ingest (pure) · types.ts
//
// Arrows point down only; features are siblings (the app shell composes them). Only src/map imports maplibre-gl.
// src/layers.test.ts shows each rule failing on a deliberate violation, so that a typo here cannot switch the rule
// off unnoticed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const FEATURES = ['panels', 'compare', 'related', 'briefing', 'export', 'import', 'fallback'];
const BELOW = ['store', 'map', 'theme', 'i18n', 'format', 'data', 'ui', 'geometry', 'scene'];

const APP = { regex: '(^|/)app(/|$)', message: 'Only the app shell imports src/app: move what you need to store/, format/ or theme/.' };
const MAP = {
  regex: '(^|/)map(/|$)',
  message: 'Features never reach into src/map: the app shell (MapView) drives the map; shared geometry is in src/geometry.',
};
const MAPLIBRE = { regex: '^maplibre-gl', message: 'Only src/map imports maplibre-gl.' };
const featureFolders = (except) => ({
  regex: `(^|/)(${FEATURES.filter((f) => f !== except).join('|')})(/|$)`,
  message: except
    ? 'A feature never imports another feature: move the shared piece below the features (ui/, format/, store/, theme/, data/), or let the app shell compose the two.'
    : 'Layers below the features never import a feature folder.',
});

/** One no-restricted-imports block per folder: a later block for the same file would replace the earlier one. */
function layer(folder, patterns) {
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-helpers.ts', '**/bench-*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/', 'e2e/artifacts/', 'geo/sources/', 'data/sources/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // The two classic hook rules; the React Compiler rules judge code written for the compiler, which we don't use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: { ...globals.node } } },
  // Browser tests reach into the page (window.__atlas, MapLibre internals) where types stop.
  { files: ['e2e/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  ...FEATURES.map((f) => layer(f, [APP, MAP, MAPLIBRE, featureFolders(f)])),
  ...BELOW.filter((f) => f !== 'map').map((f) => layer(f, [APP, featureFolders(), MAPLIBRE])),
  layer('map', [APP, featureFolders()]),
  layer('ingest', [
    APP,
    featureFolders(),
    MAPLIBRE,
    { regex: '(^|/)(store|map|theme|i18n|format|data|ui|geometry|scene)(/|$)', message: 'src/ingest is pure: it imports only itself and types.ts.' },
    { regex: '^react', message: 'src/ingest is pure: no React.' },
  ]),
);
