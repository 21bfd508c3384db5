// memokit's own version, for `memo --version`, reports and caches. Read from the package's
// package.json once; this file and every bundle chunk sit two folders below the package root.
import { readFileSync } from 'node:fs';

let version: string | undefined;

/** memokit's version, from the package's own package.json. */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      const data = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
      version = typeof data.version === 'string' ? data.version : '0.0.0';
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}
