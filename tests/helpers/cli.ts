// Run the built CLI (bin/memo.js → dist/) as a child process, the way a user does.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'memo.js');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const EXAMPLE = join(ROOT, 'examples', '2019-12-31-backlash-to-us-strikes.md');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function memo(args: string[], options: SpawnSyncOptions & { input?: string | Buffer } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  if (!options.env?.['FORCE_COLOR']) delete env['FORCE_COLOR'];
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...options, env });
  return { status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

/** A fresh temporary folder for a test. */
export function tempDir(prefix = 'memokit-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * stderr without the warning that feed ids use the placeholder authority (a JSON Feed bundled
 * where no `feed.authority` is set); tests/e2e/feeds.test.ts checks that warning itself.
 */
export function withoutAuthorityWarning(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('memo: warning: feed ids use the placeholder authority'))
    .join('\n');
}
