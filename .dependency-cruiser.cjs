// The layers of src/ (README "Architecture"), checked by `npm run lint:deps` (scripts/check-layers.mjs,
// part of `npm test`). Imports of every kind count: static, dynamic and type-only.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'cli-only-public-api',
      comment:
        'The CLI is a client of the library: it imports src/index.ts and the light src/core.ts (whose load* entry points load the rest lazily), nothing else of src/.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: ['^src/cli/', '^src/index\\.ts$', '^src/core\\.ts$'] },
    },
    {
      name: 'no-cycle-between-folders',
      comment:
        'A cycle that leaves its folder ties two folders together. Cycles inside one folder (the PDF blocks recurse into tables and lists) are fine. scripts/check-layers.mjs also checks the folder graph itself.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^src/$1/' },
    },
    {
      name: 'no-cycle-through-root-modules',
      comment: 'The modules directly in src/ (errors, diagnostics, pipeline, build-options…) are each a folder of their own.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'render-is-below-the-build',
      comment:
        'Renderers turn a view into bytes; they know nothing of the CLI, the scheduler, config, the batch runner or the pipeline that calls them.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/(cli|schedule|config|job-spec|batch|preview|templates)/|^src/(pipeline|index|core)\\.ts$' },
    },
    {
      name: 'model-and-data-are-pure',
      comment: 'Loading, the schema, validation and the model come before rendering and writing.',
      severity: 'error',
      from: { path: '^src/(schema|data|model|validate)/' },
      to: { path: '^src/(cli|schedule|config|job-spec|batch|preview|templates|render|write)/|^src/(pipeline|index|core)\\.ts$' },
    },
    {
      name: 'write-is-a-leaf',
      comment: 'src/write is the only module that writes; it depends on nothing but errors.',
      severity: 'error',
      from: { path: '^src/write/' },
      to: { path: '^src/', pathNot: ['^src/write/', '^src/(errors|error-codes|diagnostics|control-chars)\\.ts$'] },
    },
    {
      name: 'library-not-up-to-the-cli',
      comment: 'Nothing below the CLI imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'core-stays-light',
      comment: 'core.ts is loaded by every command: its static imports are leaf modules; the heavy parts only through import().',
      severity: 'error',
      from: { path: '^src/core\\.ts$' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/(errors|error-codes|diagnostics|control-chars|did-you-mean|own-key|package-root|young-generation)\\.ts$',
          '^src/model/dates\\.ts$',
          '^src/config/duration\\.ts$',
        ],
        dependencyTypesNot: ['dynamic-import', 'type-only'],
      },
    },
    {
      name: 'no-dev-dependencies-in-src',
      comment: 'Shipped code imports only dependencies.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'resolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
