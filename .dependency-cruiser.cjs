/**
 * The house rules of the code base, checked by `npm run lint` (dependency-cruiser):
 * capabilities meet only through their faces, the shared layers know no capability, domain
 * code is pure, and modules do not import each other in a circle.
 */
const face = '^modules/[^/]+/(index\\.ts|events/index\\.ts)$';

module.exports = {
  forbidden: [
    {
      name: 'module-internals-from-another-module',
      comment:
        'A module reaches another only through its face (modules/<name>/index.ts) or its event ' +
        'schemas (modules/<name>/events/index.ts).',
      severity: 'error',
      from: { path: '^modules/([^/]+)/' },
      to: { path: '^modules/[^/]+/', pathNot: ['^modules/$1/', face] },
    },
    {
      name: 'module-internals-from-outside',
      comment: 'Functions, the platform, the local cloud and scripts use a module through its face.',
      severity: 'error',
      from: { path: '^(functions|platform|storage|events|local|scripts)/' },
      to: { path: '^modules/[^/]+/', pathNot: face },
    },
    {
      name: 'storage-knows-no-capability',
      comment: 'storage/ is the database port, its adapters and the catalog: nothing above it.',
      severity: 'error',
      from: { path: '^storage/' },
      to: { path: '^(modules|functions|platform|events|local)/' },
    },
    {
      name: 'platform-knows-no-capability',
      comment: 'The runtime kit serves every module and knows none.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: '^(modules|functions|local)/' },
    },
    {
      name: 'domain-is-pure',
      comment: "A module's domain/ has rules only: no database, no runtime kit, no cloud SDK, no I/O.",
      severity: 'error',
      from: { path: '^modules/[^/]+/domain/' },
      to: {
        // platform/rule-broken.ts is the one pure file of the kit: the refusal every module throws.
        pathNot: '^platform/rule-broken\\.ts$',
        path: [
          '^(storage|platform|functions|local)/',
          '^modules/[^/]+/(repositories|store\\.ts|tables\\.ts)',
          'node_modules/(@aws-sdk|@smithy|@ydbjs|grammy|pino|@middy)/',
        ],
      },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      from: { path: '^modules/[^/]+/domain/' },
      to: { dependencyTypes: ['core'], path: '^(fs|http|https|net|sqlite|child_process|worker_threads)$' },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules depend on each other in one direction; a circle makes load order matter.',
      severity: 'error',
      from: { path: '^modules/' },
      to: { path: '^modules/', circular: true },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { pathNot: '^(test|bench)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|contracts/generated)' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports vanish at run time: they neither load code nor make load-order cycles.
    tsPreCompilationDeps: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
