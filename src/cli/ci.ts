// Whether memokit runs in CI: the `CI` environment variable that GitHub Actions, GitLab CI,
// CircleCI and most services set. `CI=0`, `CI=false` and an empty value count as unset.
// In CI there is no progress bar (export) and --cache answers from content hashes alone (lint).
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** A progress bar for a batch of `jobs`: unless --no-progress, only on a terminal, not in CI, for more than one memo. */
export function wantsProgress(option: boolean | undefined, jobs: number): boolean {
  return option !== false && Boolean(process.stderr.isTTY) && !isCI() && jobs > 1;
}

/** Whether a person can answer questions (memo new): stdin and stdout are a terminal, and this is not CI. */
export function canAsk(): boolean {
  return Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY) && !isCI();
}
