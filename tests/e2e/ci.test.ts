// The CI integrations of docs/ci.md, run the way each CI runs them: `--format gitlab` for
// GitLab's Code Quality widget, the pre-commit hook of .pre-commit-hooks.yaml, and the GitHub
// Action in action.yml.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, EXAMPLE, FIXTURES, ROOT, memo, tempDir } from '../helpers/cli.js';

interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

function project(): string {
  const cwd = tempDir();
  cpSync(join(FIXTURES, 'lint-e2e', 'project'), cwd, { recursive: true });
  return cwd;
}

function gitlab(cwd: string, args: string[] = []): { status: number | null; issues: GitlabIssue[] } {
  const result = memo(['lint', 'memos', '--format', 'gitlab', ...args], { cwd });
  return { status: result.status, issues: JSON.parse(result.stdout) as GitlabIssue[] };
}

describe('memo lint --format gitlab', () => {
  it('reports each finding as a Code Quality issue, exit 1', () => {
    const { status, issues } = gitlab(project());
    expect(status).toBe(1);
    expect(issues).toEqual([
      {
        description: expect.stringMatching(/^Sequence of Events item 2 has no date/) as unknown,
        check_name: 'dated-events',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
        severity: 'major',
        location: { path: 'memos/undated.md', lines: { begin: 29 } },
      },
    ]);
  });

  it('keeps the fingerprint when lines are added above the finding, and with --cache', () => {
    const cwd = project();
    const before = gitlab(cwd).issues;
    const file = join(cwd, 'memos', 'undated.md');
    const text = readFileSync(file, 'utf8');
    const title = text.indexOf('\n# ');
    const lineEnd = text.indexOf('\n', title + 1);
    writeFileSync(file, `${text.slice(0, lineEnd + 1)}\nA new first paragraph.\n${text.slice(lineEnd + 1)}`);
    const after = gitlab(cwd).issues;
    expect(after.map((issue) => issue.location.lines.begin)).toEqual([31]);
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    // A second --cache run answers from the cache (the source read back as bytes): the same report.
    const cached = [gitlab(cwd, ['--cache']), gitlab(cwd, ['--cache'])];
    expect(cached[1]!.issues).toEqual(after);
    expect(cached[0]!.issues).toEqual(after);
  });

  it('is [] for a clean run, exit 0', () => {
    const cwd = project();
    const result = memo(['lint', 'memos/clean.md', '--format', 'gitlab'], { cwd });
    expect([result.status, result.stdout]).toEqual([0, '[]\n']);
  });

  it('lists a file it could not read as a critical issue, exit 2', () => {
    const cwd = project();
    writeFileSync(join(cwd, 'memos', 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const { status, issues } = gitlab(cwd);
    expect(status).toBe(2);
    const fatal = issues.find((issue) => issue.location.path === 'memos/binary.md');
    expect(fatal).toMatchObject({ check_name: 'memokit', severity: 'critical', description: expect.stringContaining('binary') as unknown });
  });
});

interface Hook {
  id: string;
  name: string;
  description: string;
  language: string;
  entry: string;
  files: string;
  exclude?: string;
}

/** A pre-commit pattern (Python `re.search`) in JavaScript: its leading `(?i)` as the `i` flag. */
function pattern(source: string): RegExp {
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((item) => item.id === 'memo-lint')!;

  it("declares the memo-lint hook: a node hook whose entry is the package's `memo` bin", () => {
    expect(hook).toMatchObject({ language: 'node', entry: 'memo lint', files: '\\.(md|markdown)$' });
    expect(hook.name).toBeTruthy();
    expect(hook.description).toBeTruthy();
    const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
    expect(Object.keys(bin)).toContain(hook.entry.split(' ')[0]);
  });

  it('takes memo files, and leaves repository docs and other files out', () => {
    const taken = (name: string) => pattern(hook.files).test(name) && !(hook.exclude && pattern(hook.exclude).test(name));
    expect(['memos/a b.md', 'memos/2020-01-03.markdown', 'memos/readme-notes.md'].filter(taken)).toHaveLength(3);
    expect(['README.md', 'docs/changelog.md', 'LICENSE.md', 'memos/x.txt'].filter(taken)).toEqual([]);
  });

  /** Run the hook as pre-commit does: the entry, then the staged file names as arguments. */
  function runHook(cwd: string, files: string[]): { status: number | null; stdout: string } {
    const [, ...args] = hook.entry.split(' ');
    const result = spawnSync(process.execPath, [BIN, ...args, ...files], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: result.status, stdout: result.stdout };
  }

  it('passes clean memos (exit 0) and fails a flawed one (exit 1), names with spaces included', () => {
    const cwd = project();
    cpSync(EXAMPLE, join(cwd, 'memos', 'clean memo.md'));
    cpSync(join(cwd, 'memos', 'undated.md'), join(cwd, 'memos', 'flawed memo.md'));
    expect(runHook(cwd, ['memos/clean memo.md', 'memos/clean.md']).status).toBe(0);
    const flawed = runHook(cwd, ['memos/clean memo.md', 'memos/flawed memo.md']);
    expect(flawed.status).toBe(1);
    expect(flawed.stdout).toContain('memos/flawed memo.md');
    expect(flawed.stdout).toContain('dated-events');
  });
});

interface ActionStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
  const steps = action.runs.steps;
  const lintStep = steps.find((step) => step.id === 'lint')!;

  it('is a composite action that sets up Node first, with a shell on every run step', () => {
    expect(action.runs.using).toBe('composite');
    expect(steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    for (const step of steps.filter((item) => item.run !== undefined)) expect(step.shell, step.name).toBe('bash');
  });

  it('uses every input in a step and declares every input a step uses', () => {
    const text = JSON.stringify(steps);
    const used = new Set([...text.matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g)].map((match) => match[1]));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    expect(action.inputs['format']?.default).toBe('github');
    expect(action.inputs['fix']?.default).toBe('false');
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
  });

  it('exposes sarif-file from a step that writes it to $GITHUB_OUTPUT', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      const match = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(output.value);
      expect(match, name).not.toBeNull();
      const step = steps.find((item) => item.id === match![1]);
      expect(step?.run, name).toContain(`${match![2]}=`);
      expect(step?.run, name).toContain('$GITHUB_OUTPUT');
    }
    expect(Object.keys(action.outputs)).toEqual(['sarif-file']);
  });

  /** Run the lint step's script as the runner would, with these inputs (the rest at their defaults). */
  function runLintStep(cwd: string, inputs: Record<string, string>) {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: join(cwd, 'github-output') };
    writeFileSync(env['GITHUB_OUTPUT']!, '');
    for (const [name, value] of Object.entries(lintStep.env ?? {})) {
      const input = /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/.exec(value)?.[1];
      expect(input, name).toBeDefined();
      env[name] = inputs[input!] ?? action.inputs[input!]?.default ?? '';
    }
    expect(lintStep.run).not.toContain('${{');
    const result = spawnSync('bash', ['-c', lintStep.run!], { cwd, env, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, output: readFileSync(env['GITHUB_OUTPUT']!, 'utf8') };
  }

  it('lints with annotations by default, one path per line (spaces kept), and fails on errors', () => {
    const cwd = project();
    cpSync(join(cwd, 'memos', 'undated.md'), join(cwd, 'memos', 'flawed memo.md'));
    const clean = runLintStep(cwd, { paths: 'memos/clean.md' });
    expect([clean.status, clean.stdout]).toEqual([0, '']);
    const flawed = runLintStep(cwd, { paths: 'memos/clean.md\nmemos/flawed memo.md\n' });
    expect(flawed.status).toBe(1);
    expect(flawed.stdout).toMatch(/^::error file=memos\/flawed memo\.md,line=29,.*title=dated-events::/m);
  });

  it('with format sarif writes memo.sarif and names it in the sarif-file output, keeping the exit code', () => {
    const cwd = project();
    const result = runLintStep(cwd, { paths: 'memos', format: 'sarif' });
    expect(result.status).toBe(1);
    expect(result.output).toBe('sarif-file=memo.sarif\n');
    const log = JSON.parse(readFileSync(join(cwd, 'memo.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results).toHaveLength(1);
  });

  it('passes max-warnings and fix on', () => {
    const cwd = project();
    const file = join(cwd, 'memos', 'clean.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\n\[Back to top\]\(#top\)\n/g, '\n'));
    expect(text).not.toBe(readFileSync(file, 'utf8'));
    writeFileSync(join(cwd, '.memorc.yaml'), `${readFileSync(join(cwd, '.memorc.yaml'), 'utf8')}  back-to-top: warn\n`);
    expect(runLintStep(cwd, { paths: 'memos/clean.md' }).status).toBe(0);
    expect(runLintStep(cwd, { paths: 'memos/clean.md', 'max-warnings': '0' }).status).toBe(1);
    const fixed = runLintStep(cwd, { paths: 'memos/clean.md', 'max-warnings': '0', fix: 'true' });
    expect(fixed.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('[Back to top](#top)');
  });

  it('with cache on keeps .memocache in the working folder', () => {
    const cwd = project();
    expect(runLintStep(cwd, { paths: 'memos/clean.md', cache: 'true' }).status).toBe(0);
    expect(existsSync(join(cwd, '.memocache'))).toBe(true);
  });
});
