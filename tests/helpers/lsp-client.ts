// A real LSP client for the tests: `memo lsp --stdio` as a child process, spoken to through
// vscode-jsonrpc's stream reader and writer over its standard input and output, the way an
// editor's client does. Every child is killed when its test ends, whatever happened.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { BIN } from './cli.js';

export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
}
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface LogMessageParams {
  type: number;
  message: string;
}

const live = new Set<ChildProcess>();

/** Kill every server a test started and did not stop (call in afterEach). */
export function killServers(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  stderr = '';
  /** Answer client/registerCapability with an error, as a client that cannot watch files would. */
  refuseRegistration = false;
  readonly exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  constructor(args: string[] = ['lsp', '--stdio'], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    live.add(this.child);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => (live.delete(this.child), resolve(code))));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout as NodeJS.ReadableStream),
      new StreamMessageWriter(this.child.stdin as NodeJS.WritableStream),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logs.push(params);
      this.wake();
    });
    this.connection.onRequest('client/registerCapability', () => {
      if (this.refuseRegistration) throw new Error('no file watching here');
      return null;
    });
    this.connection.listen();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves with the first value `test` gives (checked now and on every message), or fails after `ms`. */
  waitFor<T>(what: string, test: () => T | undefined, ms = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`)), ms);
      const check = () => {
        const value = test();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  /** The next diagnostics published for `uri` at `version` (or later when `atLeast`). */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri} v${version}`, () =>
      this.published.findLast((params) => params.uri === uri && params.version === version),
    );
  }

  async initialize(capabilities: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, changes: ({ text: string } | { range: Range; text: string })[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Send notifications in one write to the server's input, as a client flushing a burst does. */
  burst(notifications: { method: string; params: unknown }[]): void {
    const frames = notifications.map((notification) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...notification }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.child.stdin?.write(Buffer.concat(frames));
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return this.exited;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Apply LSP text edits (UTF-16 positions) to a text, as an editor does. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = ({ line, character }: Position) => {
    const start = starts[line] ?? text.length;
    const next = starts[line + 1] ?? text.length;
    return Math.min(start + character, next);
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
