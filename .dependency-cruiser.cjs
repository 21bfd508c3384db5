// The layers of src/, enforced (npm run lint:deps, in CI): each may import only from the layers
// below it, never from above or from a peer, and no module may import itself around a cycle.
// The order is written down in docs/architecture.md; change it there and here together.
//
//   cli → serve | lsp | api → report | export | import → lint → memo → config | templates → io → util
//
// `serve` holds what the resident commands (memo preview, memo lint --watch) share: watching,
// the preview's web server and pages; `lsp` serves findings to editors (memo lsp); both use
// export, lint and report, and nothing uses them but cli. `export` may use `lint` (export
// --strict lints), `report` formats lint results; `memo` reads the memo types (templates) and
// nothing else above io; `util` holds pure helpers that import nothing from src/.
const LAYERS = [
  ['cli'],
  ['serve', 'lsp', 'api'],
  ['report', 'export', 'import'],
  ['lint'],
  ['memo'],
  ['config', 'templates'],
  ['io'],
  ['util'],
];

const folder = (names) => `^src/(?:${names.join('|')})/`;

const layerRules = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(0, index).flat();
  return layer.flatMap((name) => {
    const peers = layer.filter((other) => other !== name);
    const rules = [];
    if (above.length > 0) {
      rules.push({
        name: `${name}-imports-upward`,
        comment: `src/${name}/ may not import from a layer above it (${above.join(', ')}).`,
        severity: 'error',
        from: { path: folder([name]) },
        to: { path: folder(above) },
      });
    }
    if (peers.length > 0) {
      rules.push({
        name: `${name}-imports-peer`,
        comment: `src/${name}/ may not import from its peer ${peers.join(', ')}: move the shared piece down a layer.`,
        severity: 'error',
        from: { path: folder([name]) },
        to: { path: folder(peers) },
      });
    }
    return rules;
  });
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle ties two modules together: neither can be loaded (or understood) without the other.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-unknown-layer',
      comment: 'Every folder of src/ belongs to a layer; add a new one to LAYERS (and docs/architecture.md).',
      severity: 'error',
      from: { path: '^src/', pathNot: folder(LAYERS.flat()) },
      to: {},
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    // Type-only imports count: a type from a higher layer is still an upward dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
