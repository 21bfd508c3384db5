// Config mistakes are caught (issue #15, point 9), through the built CLI on real files.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, memo, tempDir } from '../helpers/cli.js';

/** A commented-out YAML line: `  # lede: [warn, …]`, `#   statement:`, `# - x` (not prose like `# Lint rules: …`). */
const EXAMPLE_LINE = /^( *)# ?( *(?:[a-z][\w-]*:(?: .*)?|- .*))$/;

/**
 * The examples of a commented config: runs of commented YAML lines, each split into its
 * top-level entries (a line at the run's least indentation starts one; deeper lines belong to
 * it). Each example is the list of its line numbers (0-based).
 */
function commentedExamples(lines: string[]): number[][] {
  const examples: number[][] = [];
  let run: { indent: number; index: number }[] = [];
  const flush = () => {
    const least = Math.min(...run.map((line) => line.indent));
    let current: number[] | undefined;
    for (const line of run) {
      if (!current || line.indent === least) examples.push((current = []));
      current.push(line.index);
    }
    run = [];
  };
  lines.forEach((line, index) => {
    const match = EXAMPLE_LINE.exec(line);
    if (match) run.push({ indent: (match[1] as string).length + (match[2] as string).search(/\S/), index });
    else if (run.length > 0) flush();
  });
  if (run.length > 0) flush();
  return examples;
}

function uncomment(lines: string[], which: number[]): string {
  return lines.map((line, index) => (which.includes(index) ? line.replace(EXAMPLE_LINE, '$1$2') : line)).join('\n');
}

describe('memo init: the config it writes', () => {
  it('loads with every commented example uncommented, one at a time and all at once', () => {
    const cwd = tempDir();
    expect(memo(['init'], { cwd }).status).toBe(0);
    cpSync(EXAMPLE, join(cwd, 'memo.md'));
    const lines = readFileSync(join(cwd, '.memorc.yaml'), 'utf8').split('\n');
    const examples = commentedExamples(lines);
    // The examples this test knows of, so it cannot pass by finding none.
    expect(examples.map((example) => lines[example[0] as number]?.trim())).toEqual([
      '# dated-events: warn',
      '# lede: [warn, { maxWords: 120 }]',
      '# types:',
      '# new:',
      '# dateOrder: dmy',
    ]);
    expect(examples[2]).toHaveLength(7);
    for (const example of [...examples, examples.flat()]) {
      writeFileSync(join(cwd, '.memorc.yaml'), uncomment(lines, example));
      const result = memo(['lint', 'memo.md'], { cwd });
      expect({ example: example.map((index) => lines[index]), ...result }).toEqual({
        example: example.map((index) => lines[index]),
        status: 0,
        stdout: '',
        stderr: '',
      });
    }
    // All at once, the examples are really read: the per-type override now applies.
    writeFileSync(join(cwd, '.memorc.yaml'), uncomment(lines, examples.flat()));
    writeFileSync(
      join(cwd, 'long.md'),
      readFileSync(EXAMPLE, 'utf8').replace('\n## Key Takeaways\n', `\n${'Word '.repeat(130)}\n\n## Key Takeaways\n`),
    );
    const long = memo(['lint', 'long.md', '--format', 'json'], { cwd });
    const [result] = JSON.parse(long.stdout) as { messages: { ruleId: string; severity: number; line: number }[] }[];
    expect(result?.messages.map((m) => [m.ruleId, m.severity])).toEqual([['lede', 1]]);
    expect(long.status).toBe(0);
  });

  it('reports the example it used to write (`dated-events: [error, { future: warn }]`) as one line naming file and line, exit 2', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.memorc.yaml'), 'root: true\nrules:\n  placeholders: error\n  dated-events: [error, { future: warn }]\n');
    cpSync(EXAMPLE, join(cwd, 'memo.md'));
    const result = memo(['lint', 'memo.md'], { cwd });
    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr: `memo: ${join(cwd, '.memorc.yaml')}:4: invalid options for rule "dated-events": it takes no options (got "future"); give a severity alone, like \`dated-events: warn\`\n`,
    });
  });
});

describe('config: a misspelled type under types:', () => {
  const config =
    'root: true\r\ntypes:\r\n  statement:\r\n    rules:\r\n      lede: warn\r\n  rapid-reponse:\r\n    rules:\r\n      takeaways: off\r\n';
  const message =
    'types: "rapid-reponse" is not a memo type; did you mean "rapid-response"? Known types: backgrounder, memo, rapid-response, statement, talking-points';

  it('is exit 2 for lint and export --strict, naming the config file, its line and the nearest type', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.memorc.yaml'), `\uFEFF${config}`);
    cpSync(EXAMPLE, join(cwd, 'memo.md'));
    const expected = { status: 2, stdout: '', stderr: `memo: ${join(cwd, '.memorc.yaml')}:6: ${message}\n` };
    expect(memo(['lint', 'memo.md'], { cwd })).toEqual(expected);
    expect(memo(['export', 'memo.md', '--to', 'json', '--strict'], { cwd })).toEqual(expected);
    // Like a rule setting, it only concerns the commands that run rules: a plain export goes on.
    const plain = memo(['export', 'memo.md', '--to', 'text'], { cwd });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/^December 31, 2019\n/);
  });

  it("names the parent config that holds it when a memo's own folder has another", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.memorc.yaml'), config);
    cpSync(join(FIXTURES, 'projects', 'custom'), join(cwd, 'memos'), { recursive: true });
    writeFileSync(join(cwd, 'memos', '.memorc.yaml'), 'types:\n  op-ed:\n    rules:\n      lede: off\n');
    cpSync(EXAMPLE, join(cwd, 'memos', 'memo.md'));
    const result = memo(['lint', 'memo.md'], { cwd: join(cwd, 'memos') });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`memo: ${join(cwd, '.memorc.yaml')}:6: ${message.replace('memo, ', 'memo, op-ed, ')}\n`);
  });
});

describe('front matter: unknown keys', () => {
  it("warns about each, naming the near known key; keys the memo type's template declares are known", () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, 'projects', 'briefing'), cwd, { recursive: true });
    const result = memo(['lint', 'memos', '--format', 'json'], { cwd });
    expect(result.status).toBe(0);
    const files = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { ruleId: string; severity: number; line: number; message: string }[];
    }[];
    expect(
      files.map((file) => [file.filePath.slice(cwd.length + 1), file.messages.map((m) => [m.ruleId, m.severity, m.line, m.message])]),
    ).toEqual([
      ['memos/declared.md', [['front-matter', 1, 7, 'Front matter has an unknown key `summry`; did you mean `summary`?']]],
      [
        'memos/rapid.md',
        [
          [
            'front-matter',
            1,
            5,
            "Front matter has an unknown key `audience`; known keys: type, title, date, author, to, cc, tags, summary, id (a memo type's template may declare more under `frontMatter:`).",
          ],
        ],
      ],
    ]);
    // Warnings: a CI that allows none fails on them.
    expect(memo(['lint', 'memos', '--max-warnings', '0'], { cwd }).status).toBe(1);
  });
});
