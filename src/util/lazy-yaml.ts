// The `yaml` package, loaded on first use, synchronously (its CommonJS build, through
// createRequire, which esbuild leaves alone). A lint run whose front matter the fast path reads
// (memo/quick-yaml.ts), with only the built-in templates (read from their snapshot) and no
// config, never needs it: loading it was ~6 ms of a ~100 ms one-memo run.
import { createRequire } from 'node:module';

const requireCommonJs = createRequire(import.meta.url);
let loaded: typeof import('yaml') | undefined;

export function yaml(): typeof import('yaml') {
  return (loaded ??= requireCommonJs('yaml') as typeof import('yaml'));
}
