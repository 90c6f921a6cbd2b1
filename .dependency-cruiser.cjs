// The rooms of src-renderer and what each may import: the layering of docs/arsitektur.md, kept by
// `npm run lint` (depcruise) instead of by memory. A room imports only the rooms listed for it (and
// itself); every room may import third-party packages unless PACKAGES_BANNED says otherwise.
// Tests and testkits may reach further (a db test builds packages with exchange's testkit), but
// never make a cycle.

/** Room → the rooms it may import. Read bottom-up: domain stands on nothing of ours. */
const LAYERS = {
  domain: [],
  i18n: ['domain'],
  platform: ['domain', 'i18n'],
  io: ['domain', 'i18n'],
  print: ['domain', 'i18n'],
  exchange: ['domain', 'i18n', 'io'],
  tte: ['domain', 'i18n', 'exchange', 'print'],
  db: ['domain', 'exchange'],
  sample: ['domain', 'print'],
  jobs: ['domain', 'i18n', 'platform', 'io', 'exchange', 'db', 'print', 'tte'],
  components: ['domain', 'i18n', 'platform', 'io', 'exchange', 'db', 'print', 'tte', 'jobs'],
  features: ['domain', 'i18n', 'platform', 'io', 'exchange', 'db', 'print', 'tte', 'jobs', 'components'],
  app: ['domain', 'i18n', 'platform', 'db', 'components', 'features'],
  bench: ['domain', 'i18n', 'platform', 'io', 'exchange', 'db', 'print', 'tte', 'jobs', 'components', 'features', 'sample'],
};

/** Packages a room must not use: the domain stays pure (no React, Dexie or spreadsheet library). */
const PACKAGES_BANNED = {
  domain: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'xlsx', 'exceljs', 'pdfmake', 'pouchdb-browser'],
  db: ['react', 'react-dom', 'xlsx', 'exceljs', 'pdfmake'],
  print: ['react', 'react-dom', 'dexie', 'xlsx', 'exceljs'],
};

const ROOT = '^src-renderer/';
const TESTS = '\\.(test|testkit|property\\.test)\\.tsx?$';
const roomPath = (room) => `${ROOT}${room}/`;

const layerRules = Object.entries(LAYERS).map(([room, allowed]) => ({
  name: `layer-${room}`,
  comment: `${room}/ may import only: ${allowed.join(', ') || 'nothing of ours'} (docs/arsitektur.md)`,
  severity: 'error',
  from: { path: roomPath(room), pathNot: TESTS },
  to: {
    path: ROOT,
    pathNot: [roomPath(room), ...allowed.map(roomPath), '^src-renderer/[^/]+\\.d\\.ts$'],
  },
}));

const packageRules = Object.entries(PACKAGES_BANNED).map(([room, packages]) => ({
  name: `packages-${room}`,
  comment: `${room}/ must not use ${packages.join(', ')}`,
  severity: 'error',
  from: { path: roomPath(room), pathNot: TESTS },
  to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: `node_modules/(${packages.join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    ...packageRules,
    {
      name: 'features-apart',
      comment: 'A feature folder never imports another: what two screens share lives in components/ (the router composes screens).',
      severity: 'error',
      from: { path: '^src-renderer/features/([^/]+)/' },
      to: { path: '^src-renderer/features/', pathNot: '^src-renderer/features/$1/' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycle anywhere, bench and tests included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'main-stays-main',
      comment: 'The Electron main process shares only the typed IPC contract with the renderer.',
      severity: 'error',
      from: { path: '^src-main/' },
      to: { path: '^src-renderer/' },
    },
    {
      name: 'renderer-reaches-main-only-by-contract',
      comment: 'The renderer knows the main process only through src-main/ipc-contract.ts.',
      severity: 'error',
      from: { path: ROOT },
      to: { path: '^src-main/', pathNot: '^src-main/(ipc-contract\\.ts|csp\\.json)$' },
    },
    {
      name: 'rooms-are-known',
      comment: 'A new top-level folder in src-renderer gets a row in LAYERS (and in docs/arsitektur.md).',
      severity: 'error',
      from: { path: ROOT, pathNot: [`${ROOT}(${[...Object.keys(LAYERS)].join('|')})/`, '^src-renderer/[^/]+\\.(tsx?|d\\.ts)$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.css$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.renderer.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
