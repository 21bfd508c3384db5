// memo lsp through a real LSP client (vscode-jsonrpc over the child's standard input and output):
// what an editor sees while a memo is typed. Every server is killed when its test ends.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE, memo, tempDir } from '../helpers/cli.js';
import { LspClient, applyEdits, fileUri, killServers, type Diagnostic, type TextEdit } from '../helpers/lsp-client.js';

afterEach(killServers);

const EXAMPLE_TEXT = readFileSync(EXAMPLE, 'utf8');
const BACK_TO_TOP = '\n[Back to top](#top)\n';

/** The example memo with a TK marker after non-BMP characters in its lede and no "Back to top". */
function flawedMemo(eol = '\n', bom = false): string {
  const text = EXAMPLE_TEXT.replace('This morning,', '😀 𝄞 TK: date line. This morning,').replace(BACK_TO_TOP, '');
  return (bom ? '\uFEFF' : '') + text.replaceAll('\n', eol);
}

/** The LSP position of the first `needle` in `text` (0-based line, UTF-16 character). */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle)).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: (before.at(-1) as string).length };
}

function byRule(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`).sort();
}

interface Action {
  title: string;
  kind: string;
  diagnostics?: Diagnostic[];
  edit: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { version: number }; edits: TextEdit[] }[] };
}

function editsOf(action: Action, uri: string): TextEdit[] {
  return action.edit.documentChanges?.[0]?.edits ?? action.edit.changes?.[uri] ?? [];
}

async function started(capabilities: Record<string, unknown> = {}): Promise<LspClient> {
  const client = new LspClient();
  await client.initialize(capabilities);
  return client;
}

describe('memo lsp', () => {
  it('initializes, lints a memo on open with the right ranges (non-BMP text, CRLF, BOM), and exits cleanly after shutdown', async () => {
    const dir = tempDir();
    const client = new LspClient();
    const init = await client.initialize();
    expect(init.capabilities).toMatchObject({
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.memokit'] },
    });
    for (const [name, eol, bom] of [
      ['lf.md', '\n', false],
      ['crlf.md', '\r\n', false],
      ['bom-crlf.md', '\r\n', true],
    ] as const) {
      const text = flawedMemo(eol, bom);
      const uri = fileUri(join(dir, name));
      await client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri, 1);
      const tk = positionOf(text, 'TK');
      const end = positionOf(text, 'date line.');
      expect(diagnostics.map((d) => d.code).sort(), name).toEqual(['back-to-top', 'placeholders']);
      // "Back to top" is missing after the last event: the finding sits at the end of its line.
      const lastEvent = positionOf(text, '- **Dec. 31, 2019** — The Iraqi');
      const backToTop = diagnostics.find((d) => d.code === 'back-to-top') as Diagnostic;
      expect(backToTop.range.start.line, name).toBe(lastEvent.line);
      expect(backToTop.range.start.character, name).toBe(text.split(/\r\n|\r|\n/)[lastEvent.line]?.length);
      const placeholder = diagnostics.find((d) => d.code === 'placeholders') as Diagnostic;
      // The marker `TK:` runs to the end of its phrase; it starts after "😀 𝄞 " (6 UTF-16 units, 4 characters).
      expect(placeholder.range.start.character, name).toBe(tk.character);
      expect(tk.character).toBe(6);
      expect(placeholder.range.end.line).toBe(tk.line);
      expect(placeholder.range.end.character).toBeGreaterThan(tk.character);
      expect(placeholder.range.end.character).toBeLessThanOrEqual(end.character);
      expect(placeholder).toMatchObject({
        source: 'memokit',
        severity: 1,
        codeDescription: { href: 'https://github.com/memokit/memokit/blob/main/docs/rules/placeholders.md' },
      });
    }
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  });

  it('a quick fix, applied and sent back as a change, clears its finding; "fix all" fixes everything fixable', async () => {
    const dir = tempDir();
    const client = await started({ workspace: { workspaceEdit: { documentChanges: true } } });
    const uri = fileUri(join(dir, 'memo.md'));
    // Two fixable problems: no "Back to top", and a title heading that does not match the front matter.
    let text = flawedMemo('\r\n', true).replace('# Memo: Backlash', '# Memo: Backlesh');
    await client.open(uri, text);
    let { diagnostics } = await client.diagnostics(uri, 1);
    expect(byRule(diagnostics).map((d) => d.split(' ')[0])).toEqual(['back-to-top', 'placeholders', 'title']);

    const title = diagnostics.find((d) => d.code === 'title') as Diagnostic;
    const actions = await client.connection.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: title.range,
      context: { diagnostics: [title] },
    });
    const quickFix = actions.find((a) => a.kind === 'quickfix') as Action;
    expect(quickFix.title).toMatch(/^Fix \(title\): /);
    expect(quickFix.diagnostics?.[0]?.code).toBe('title');
    expect(quickFix.edit.documentChanges?.[0]?.textDocument.version).toBe(1);
    expect(actions.map((a) => a.kind)).toEqual(['quickfix', 'source.fixAll.memokit']);
    const edits = editsOf(quickFix, uri);
    text = applyEdits(text, edits);
    await client.change(
      uri,
      2,
      edits.map((edit) => ({ range: edit.range, text: edit.newText })),
    );
    ({ diagnostics } = await client.diagnostics(uri, 2));
    expect(byRule(diagnostics).map((d) => d.split(' ')[0])).toEqual(['back-to-top', 'placeholders']);
    expect(text).toContain('\r\n# Memo: Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure\r\n');

    const fixAll = await client.connection.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(fixAll.map((a) => [a.kind, a.title])).toEqual([['source.fixAll.memokit', 'Fix all memokit problems']]);
    const all = editsOf(fixAll[0] as Action, uri);
    text = applyEdits(text, all);
    await client.change(
      uri,
      3,
      all.map((edit) => ({ range: edit.range, text: edit.newText })),
    );
    ({ diagnostics } = await client.diagnostics(uri, 3));
    expect(byRule(diagnostics).map((d) => d.split(' ')[0])).toEqual(['placeholders']);
    // The text the editor now holds is what `memo lint --fix` writes: BOM and CRLF kept.
    writeFileSync(join(dir, 'cli.md'), flawedMemo('\r\n', true).replace('# Memo: Backlash', '# Memo: Backlesh'));
    memo(['lint', '--fix', join(dir, 'cli.md')]);
    expect(text).toBe(readFileSync(join(dir, 'cli.md'), 'utf8'));
    expect(await client.stop()).toBe(0);
  });

  it('without documentChanges the edits come as changes; a range without fixable findings offers only "fix all"', async () => {
    const client = await started();
    const uri = fileUri(join(tempDir(), 'memo.md'));
    await client.open(uri, flawedMemo());
    const { diagnostics } = await client.diagnostics(uri, 1);
    const placeholder = diagnostics.find((d) => d.code === 'placeholders') as Diagnostic;
    const actions = await client.connection.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: placeholder.range,
      context: { diagnostics: [placeholder] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.memokit']);
    expect(Object.keys((actions[0] as Action).edit.changes ?? {})).toEqual([uri]);
    const quickOnly = await client.connection.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: placeholder.range,
      context: { diagnostics: [], only: ['quickfix'] },
    });
    expect(quickOnly).toEqual([]);
  });

  it("a hover on a finding shows its rule's description, doc summary and page; elsewhere nothing", async () => {
    const client = await started();
    const uri = fileUri(join(tempDir(), 'memo.md'));
    const text = flawedMemo();
    await client.open(uri, text);
    await client.diagnostics(uri, 1);
    const hover = await client.connection.sendRequest<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { ...positionOf(text, 'TK'), character: positionOf(text, 'TK').character + 1 },
    });
    expect(hover?.contents.kind).toBe('markdown');
    expect(hover?.contents.value).toContain('**memokit `placeholders`**');
    expect(hover?.contents.value).toContain('(https://github.com/memokit/memokit/blob/main/docs/rules/placeholders.md)');
    const nothing = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 2 },
    });
    expect(nothing).toBeNull();
  });

  it('many quick changes: the latest version wins, and nothing older is published after it', async () => {
    const client = await started();
    const uri = fileUri(join(tempDir(), 'memo.md'));
    const text = EXAMPLE_TEXT;
    await client.open(uri, text);
    expect((await client.diagnostics(uri, 1)).diagnostics).toEqual([]);
    // One-character insertions sent in one burst, the last leaving a TK marker in the lede.
    const at = positionOf(text, 'This morning,');
    const typed = 'Placeholder text here then more words TK: fill in this part';
    client.burst(
      [...typed].map((character, i) => {
        const position = { line: at.line, character: at.character + i };
        return {
          method: 'textDocument/didChange',
          params: {
            textDocument: { uri, version: i + 2 },
            contentChanges: [{ range: { start: position, end: position }, text: character }],
          },
        };
      }),
    );
    const last = typed.length + 1;
    const final = await client.diagnostics(uri, last);
    expect(byRule(final.diagnostics)).toEqual([`placeholders ${at.line}:${at.character + typed.indexOf('TK')}`]);
    const forUri = client.published.filter((p) => p.uri === uri);
    // The burst is linted once (or a few times, if the input arrived in pieces), after its last
    // change; versions only ever go up, the last is the latest.
    expect(forUri.length).toBeLessThanOrEqual(3);
    const versions = forUri.map((p) => p.version as number);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(last);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.published.filter((p) => p.uri === uri).at(-1)?.version).toBe(last);
  });

  for (const mode of ['the editor watches files', 'file times', 'file times, the editor refusing to watch'] as const) {
    it(`re-reads .memorc.yaml when it changes (${mode})`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, '.memorc.yaml'), 'root: true\n');
      const watching = mode === 'the editor watches files';
      const client = new LspClient();
      client.refuseRegistration = mode === 'file times, the editor refusing to watch';
      const offers = watching || client.refuseRegistration;
      await client.initialize(offers ? { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } : {});
      const uri = fileUri(join(dir, 'memo.md'));
      await client.open(uri, flawedMemo());
      expect(byRule((await client.diagnostics(uri, 1)).diagnostics).map((d) => d.split(' ')[0])).toEqual(['back-to-top', 'placeholders']);
      const count = client.published.length;
      writeFileSync(join(dir, '.memorc.yaml'), 'root: true\nrules:\n  placeholders: off\n');
      if (watching) {
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
          changes: [{ uri: fileUri(join(dir, '.memorc.yaml')), type: 2 }],
        });
      }
      const after = await client.waitFor('diagnostics after the config change', () =>
        client.published.slice(count).find((p) => p.uri === uri),
      );
      expect(after.diagnostics.map((d) => d.code)).toEqual(['back-to-top']);

      // A broken config is one diagnostic naming the file and line, and a log message; fixed, it goes.
      writeFileSync(join(dir, '.memorc.yaml'), 'root: true\nrules:\n  placeholders: [off\n');
      const mark = client.published.length;
      if (watching) {
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
          changes: [{ uri: fileUri(join(dir, '.memorc.yaml')), type: 2 }],
        });
      }
      const broken = await client.waitFor('a config error', () => client.published.slice(mark).find((p) => p.uri === uri));
      expect(broken.diagnostics).toHaveLength(1);
      expect(broken.diagnostics[0]?.message).toMatch(/\.memorc\.yaml:\d+: invalid YAML in config/);
      expect(client.logs.some((log) => log.type === 1 && log.message.includes('.memorc.yaml'))).toBe(true);
      expect(await client.stop()).toBe(0);
    });
  }

  it('re-reads a template when it changes (file times): a memo type is data, and the open memo follows it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.memorc.yaml'), 'root: true\n');
    mkdirSync(join(dir, 'templates'));
    const template = (maxWords: number) =>
      `---\ntype: note\ndescription: A short note.\ntitlePrefix: "Note: "\nmaxWords: ${maxWords}\nsections: []\nbackToTop: "off"\n---\n# Note: {{title}}\n\nTK: the note.\n`;
    writeFileSync(join(dir, 'templates', 'note.md'), template(400));
    const client = await started();
    const uri = fileUri(join(dir, 'note.md'));
    await client.open(uri, '---\ntype: note\ntitle: Short\ndate: 2019-12-31\n---\n\n# Note: Short\n\nOne two three four five six.\n');
    expect((await client.diagnostics(uri, 1)).diagnostics).toEqual([]);
    const count = client.published.length;
    writeFileSync(join(dir, 'templates', 'note.md'), template(3));
    const after = await client.waitFor('diagnostics after the template change', () =>
      client.published.slice(count).find((p) => p.uri === uri),
    );
    expect(after.diagnostics.map((d) => d.code)).toEqual(['lede']);
  });

  it('lints only memos: *.md that declare a type or sit under a .memorc.yaml; never README, templates or other files', async () => {
    const loose = tempDir();
    const project = tempDir();
    writeFileSync(join(project, '.memorc.yaml'), 'root: true\nignore: [drafts/**]\n');
    mkdirSync(join(project, 'templates'));
    mkdirSync(join(project, 'drafts'));
    const client = await started();
    const notAMemo = '# Notes\n\nTK: just notes.\n';
    const cases: [string, string, boolean][] = [
      [join(loose, 'notes.md'), notAMemo, false],
      [join(loose, 'memo.md'), flawedMemo(), true],
      [join(loose, 'memo.txt'), flawedMemo(), false],
      [join(project, 'notes.md'), notAMemo, true],
      [join(project, 'CHANGELOG.md'), notAMemo, false],
      [join(project, 'README.md.markdown'), flawedMemo(), true],
      [join(project, 'README.md'), flawedMemo(), true],
      [join(project, 'templates', 'rapid-response.md'), flawedMemo(), false],
      [join(project, 'drafts', 'memo.md'), flawedMemo(), false],
    ];
    for (const [file, text, linted] of cases) {
      const uri = fileUri(file);
      await client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri, 1);
      expect(diagnostics.length > 0, file).toBe(linted);
    }
    // An unsaved buffer is linted when it says it is a memo.
    await client.open('untitled:Untitled-1', flawedMemo());
    expect((await client.diagnostics('untitled:Untitled-1', 1)).diagnostics.length).toBeGreaterThan(0);
  });

  it('never crashes on bad input: invalid YAML, binary-looking text, nesting thousands deep, a huge paste', async () => {
    const client = await started();
    const dir = tempDir();
    const inputs = [
      '---\ntype: rapid-response\ntitle: [unclosed\n---\n\n# x\n',
      `---\ntype: rapid-response\n---\n\u0000\u0001\u0002\uFFFD${'\u0000'.repeat(100)}`,
      `---\ntype: statement\n---\n\n${'> '.repeat(6000)}deep\n`,
      `---\ntype: statement\n---\n\n${'word '.repeat(300_000)}`,
      '---\ntype: rapid-response\n',
    ];
    for (const [index, text] of inputs.entries()) {
      const uri = fileUri(join(dir, `bad-${index}.md`));
      await client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri, 1);
      expect(diagnostics.length, `input ${index}`).toBeGreaterThan(0);
    }
    const uri = fileUri(join(dir, 'bad-0.md'));
    await client.change(uri, 2, [{ text: flawedMemo() }]);
    expect((await client.diagnostics(uri, 2)).diagnostics.map((d) => d.code).sort()).toEqual(['back-to-top', 'placeholders']);
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  });

  it("lints a memo over 64 KB in a worker thread with memo lint's limits: one too slow to parse stops only itself, and the server answers meanwhile", async () => {
    const client = new LspClient(['lsp', '--stdio'], { MEMOKIT_WORKER_TIMEOUT_S: '1' });
    await client.initialize();
    const dir = tempDir();
    // Long but ordinary: its findings come back from the worker, at the right places.
    const long = flawedMemo().replace('This morning,', `${'Words of a long lede. '.repeat(3500)}This morning,`);
    const longUri = fileUri(join(dir, 'long.md'));
    await client.open(longUri, long);
    const { diagnostics } = await client.diagnostics(longUri, 1);
    expect(long.length).toBeGreaterThan(64 * 1024);
    expect(byRule(diagnostics)).toContain(`placeholders ${positionOf(long, 'TK').line}:${positionOf(long, 'TK').character}`);
    // Nested lists and quotes the parser is slow on, as in tests/e2e/scale.test.ts.
    let heavy = EXAMPLE_TEXT;
    for (let i = 0; heavy.length < 150 * 1024; i++)
      heavy += `- item *${i}* with [a link](https://example.org/${i}) and \`code ${i}\`\n  - nested ${i}\n    > quote ${i}\n\n`;
    const heavyUri = fileUri(join(dir, 'heavy.md'));
    const small = fileUri(join(dir, 'small.md'));
    await client.open(heavyUri, heavy);
    await client.open(small, flawedMemo());
    // The small memo is answered while the heavy one is still in its worker.
    expect((await client.diagnostics(small, 1)).diagnostics.length).toBe(2);
    expect(client.published.some((p) => p.uri === heavyUri)).toBe(false);
    const stopped = await client.diagnostics(heavyUri, 1);
    expect(stopped.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/took longer than 1 s/)]);
    expect(await client.stop()).toBe(0);
  });

  it('exit without shutdown is exit code 1; an input that ends stops the server', async () => {
    const client = await started();
    await client.connection.sendNotification('exit');
    expect(await client.exited).toBe(1);
    const other = await started();
    other.child.stdin?.end();
    expect(await other.exited).toBe(1);
  });
});
