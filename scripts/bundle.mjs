// Bundle the CLI with esbuild after tsc has type-checked and compiled src/.
// Why: Node 20 loads an ESM graph of several hundred small files (micromark alone is ~100)
// slowly; one entry with split chunks starts several times faster, and code splitting keeps
// the dynamic imports lazy, so `memo lint` still never loads rehype, juice or the exporters.
// Output sits two folders deep (dist/bundle/) like every compiled module, so the
// `new URL('../../templates/', import.meta.url)` look-ups resolve the same way.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * fdir requires picomatch when it loads, for its `.glob()` API, which memokit does not use
 * (tinyglobby brings its own matcher, and only for glob inputs): that require cost every run
 * ~4 ms. The optional require is dropped from fdir's module; fdir then behaves as it does when
 * picomatch is not installed, for the one feature not used.
 */
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]node_modules[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const optional = /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
      if (!optional.test(source)) throw new Error('fdir no longer requires picomatch as expected: update scripts/bundle.mjs');
      return { contents: source.replace(optional, ''), loader: 'js' };
    });
  },
};

/** What both bundles share: ESM with split chunks for Node 20, the lazily loaded packages left out. */
const shared = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ajv is required lazily through createRequire and stays a normal dependency. playwright-core
  // (PDF export only) reads its own package files at run time, so it is loaded from node_modules.
  external: ['ajv', 'ajv/*', 'playwright-core'],
  chunkNames: '[name]-[hash]',
  // Some CommonJS dependencies (cli-progress, juice) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __memoCreateRequire } from 'node:module'; const require = __memoCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [fdirWithoutPicomatch],
  legalComments: 'none',
  // No keepNames: it wraps every function in a __name() call, a few percent of a large lint run.
  // (dates.ts picks chrono parsers by class name and tolerates esbuild's rename suffixes.)
};

/** The worker thread entries, kept under their source names so new URL('./lint-worker.js', import.meta.url) finds them. */
const workers = {
  'lint-worker': 'src/lint/lint-worker.ts',
  'export-worker': 'src/export/export-worker.ts',
  'bundle-worker': 'src/export/bundle-worker.ts',
};

await build({ ...shared, entryPoints: { main: 'src/cli/main.ts', ...workers }, outdir: 'dist/bundle' });

// The library (`import { lintText } from 'memokit'`, package.json "exports"): bundled on its own
// into dist/lib/, so its entry does not change how the CLI's chunks are split (and start up).
// Its workers sit beside it, where lint/run.ts and the exporters look for them.
await build({ ...shared, entryPoints: { index: 'src/api/index.ts', ...workers }, outdir: 'dist/lib' });
