// `memo lsp`: memokit as a Language Server Protocol server, so an editor shows a memo's findings
// as it is typed. The editor sends the unsaved text (didOpen, didChange); each change is linted
// by the same engine and settings as `memo lint` and published as diagnostics for that version.
// Quick fixes and "fix all" are the findings' fixes; a hover on a finding shows its rule's doc.
//
// Latest wins: a lint always reads the document as it is when the lint runs, and changes that
// arrive while one is waiting are folded into it. Linting is synchronous, so nothing older can
// be published after something newer. A burst (changes already read from the input but not yet
// handled: vscode-jsonrpc hands over one message per event-loop turn) is linted once, after its
// last change. Beyond that the wait is adaptive: none for a memo that lints in under 20 ms,
// otherwise as long as its last lint took (at most 500 ms), so typing is never queued behind
// lints of a long memo.
//
// Nothing is written to the output but protocol messages; trouble goes to the client as
// window/logMessage. The function resolves with the exit code instead of exiting: 0 after
// shutdown + exit, 1 for an exit without shutdown or an input that ended (the LSP rule).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Diagnostic,
  type InitializeResult,
  type Message,
  type MessageReader,
  type MessageStrategy,
  type WatchDog,
} from 'vscode-languageserver';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver/node';
import { MemoError } from '../io/errors.js';
import { assertNesting } from '../io/read.js';
import { lintText } from '../lint/engine.js';
import type { Finding } from '../lint/types.js';
import { FIX_ALL_KIND, codeActions, hasBom, hover, problemDiagnostic, toDiagnostic } from './features.js';
import { Projects, type Settings } from './project.js';

export interface ServeOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** memokit's version, for the client's log. */
  version: string;
}

/** Larger texts are not linted as they are typed: parsing them takes too long to keep up. */
export const MAX_LIVE_LENGTH = 1024 * 1024;
/** Without a file watcher in the client, how often config and template files are looked at. */
const POLL_MS = 1000;
/** Longer memos are linted in a worker thread, as memo lint does (io/pool.ts). */
const WORKER_LENGTH = 64 * 1024;
/** The longest a lint waits for a burst of changes to be handled. */
const MAX_BURST_MS = 200;

/** The document a didChange notification changes (undefined for any other message). */
function changedUri(message: Message): string | undefined {
  const { method, params } = message as { method?: unknown; params?: { textDocument?: { uri?: unknown } } };
  const uri = method === 'textDocument/didChange' ? params?.textDocument?.uri : undefined;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * The connection's reader and message strategy, counting per document the didChange
 * notifications read from the input but not yet handled: a lint waits while there are any.
 */
function changeBacklog(input: NodeJS.ReadableStream): {
  reader: MessageReader;
  strategy: MessageStrategy;
  waiting: (uri: string) => boolean;
} {
  const unhandled = new Map<string, number>();
  const reader = new StreamMessageReader(input);
  return {
    reader: {
      get onError() {
        return reader.onError;
      },
      get onClose() {
        return reader.onClose;
      },
      get onPartialMessage() {
        return reader.onPartialMessage;
      },
      listen: (callback) =>
        reader.listen((message) => {
          const uri = changedUri(message);
          if (uri) unhandled.set(uri, (unhandled.get(uri) ?? 0) + 1);
          callback(message);
        }),
      dispose: () => reader.dispose(),
    },
    strategy: {
      handleMessage(message, next) {
        const uri = changedUri(message);
        if (uri) {
          const left = (unhandled.get(uri) ?? 1) - 1;
          if (left > 0) unhandled.set(uri, left);
          else unhandled.delete(uri);
        }
        return next(message);
      },
    },
    waiting: (uri) => unhandled.has(uri),
  };
}

interface DocumentState {
  /** The version the findings describe. */
  version: number;
  findings: Finding[];
  /** What it was linted with (undefined: not a memo), for fixes. */
  settings?: Settings;
  path?: string;
  /** A lint waiting to run. */
  pending?: () => void;
  /** A lint in a worker thread is running; `again`: the document changed meanwhile. */
  running?: boolean;
  again?: boolean;
  /** How long the last lint took, in ms: the wait before the next one. */
  lastMs: number;
  /** Why it is not linted, as last logged (logged again only when the reason changes). */
  skipped?: string;
}

export function serve(options: ServeOptions): Promise<number> {
  return new Promise((resolveExit) => {
    const timers: NodeJS.Timeout[] = [];
    let finished = false;
    const watchDog: WatchDog = {
      shutdownReceived: false,
      initialize(params) {
        // The editor that started the server went away without saying so: stop.
        const parent = params.processId;
        if (typeof parent === 'number') {
          timers.push(
            setInterval(() => {
              try {
                process.kill(parent, 0);
              } catch (error) {
                if ((error as NodeJS.ErrnoException).code === 'ESRCH') finish(1);
              }
            }, 3000).unref(),
          );
        }
      },
      exit(code) {
        finish(code);
      },
    };
    const backlog = changeBacklog(options.input);
    const connection = createConnection(
      (logger) =>
        createProtocolConnection(backlog.reader, new StreamMessageWriter(options.output), logger, { messageStrategy: backlog.strategy }),
      watchDog,
    );
    const documents = new TextDocuments(TextDocument);
    const states = new Map<string, DocumentState>();
    const projects = new Projects();
    let documentChanges = false;

    function finish(code: number): void {
      if (finished) return;
      finished = true;
      for (const timer of timers) clearInterval(timer);
      for (const state of states.values()) state.pending?.();
      connection.dispose();
      resolveExit(code);
    }
    options.input.on('end', () => finish(watchDog.shutdownReceived ? 0 : 1));
    options.input.on('close', () => finish(watchDog.shutdownReceived ? 0 : 1));

    const log = (message: string) => connection.console.log(`memokit: ${message}`);
    const logError = (message: string) => connection.console.error(`memokit: ${message}`);

    function stateOf(uri: string): DocumentState {
      let state = states.get(uri);
      if (!state) states.set(uri, (state = { version: -1, findings: [], lastMs: 0 }));
      return state;
    }

    /** Lint the document as it is now and publish the result for its version. */
    async function lint(uri: string): Promise<void> {
      const document = documents.get(uri);
      if (!document || finished) return;
      const state = stateOf(uri);
      const started = performance.now();
      const file = uri.startsWith('file:') ? safePath(uri) : undefined;
      let diagnostics: Diagnostic[] = [];
      let findings: Finding[] = [];
      let settings: Settings | undefined;
      let version = document.version;
      try {
        const verdict = await projects.verdict(file, document.getText());
        // The verdict may have waited: lint what the document is now, if it is still open.
        if (documents.get(uri) !== document || finished) return;
        version = document.version;
        const text = document.getText();
        if (!verdict.lint) {
          if (state.skipped !== verdict.reason) log(`not linting ${file ?? uri}: ${verdict.reason}`);
          state.skipped = verdict.reason;
        } else if (text.length > MAX_LIVE_LENGTH) {
          state.skipped = undefined;
          diagnostics = [problemDiagnostic(`Too long to lint as you type (over ${MAX_LIVE_LENGTH / 1024} KB); run memo lint on the file.`)];
        } else {
          state.skipped = undefined;
          settings = verdict.settings;
          const path = file ?? uri;
          assertNesting(text, path);
          if (text.length > WORKER_LENGTH) {
            // In a worker thread with memo lint's limits (memory, 30 s), so a memo the parser is
            // slow on stops only itself, and the server answers meanwhile.
            const { lintStdin } = await import('../lint/run.js');
            const result = await lintStdin(text, path, { cwd: file ? dirname(file) : process.cwd() });
            state.lastMs = performance.now() - started;
            // Changed or closed meanwhile: the lint scheduled by that change publishes.
            if (documents.get(uri) !== document || document.version !== version || finished) return;
            findings = result.messages;
          } else {
            findings = lintText(text, { path, config: settings.config, types: settings.types }).messages;
          }
          const bom = hasBom(document);
          diagnostics = findings.map((finding) => toDiagnostic(document, finding, bom));
        }
      } catch (error) {
        if (error instanceof MemoError) {
          // A broken config (named, with its line), or text nested too deep to parse.
          const where = error.file && error.file !== file ? `${error.file}${error.line ? `:${error.line}` : ''}: ` : '';
          diagnostics = [problemDiagnostic(`${where}${error.message}`, error.file === file ? error.line : 1)];
          if (where) logError(`${where}${error.message}`);
        } else {
          logError(`could not lint ${file ?? uri}: ${(error as Error).stack ?? String(error)}`);
          return;
        }
      }
      state.version = version;
      state.findings = findings;
      state.settings = settings;
      state.path = file ?? uri;
      state.lastMs = performance.now() - started;
      await connection.sendDiagnostics({ uri, version, diagnostics });
    }

    function schedule(uri: string): void {
      const state = stateOf(uri);
      const wait = state.lastMs < 20 ? 0 : Math.min(state.lastMs, 500);
      if (state.pending && wait === 0) return; // the waiting lint will read this change too
      state.pending?.();
      const since = performance.now();
      const later = (run: () => void, ms: number) => {
        if (ms === 0) {
          const handle = setImmediate(run);
          state.pending = () => clearImmediate(handle);
        } else {
          const handle = setTimeout(run, ms);
          state.pending = () => clearTimeout(handle);
        }
      };
      const run = () => {
        // More changes of this document are read and queued: lint after the last of them.
        if (backlog.waiting(uri) && performance.now() - since < MAX_BURST_MS) return later(run, 0);
        state.pending = undefined;
        // One lint at a time per document: a change during a worker's lint is linted after it.
        if (state.running) {
          state.again = true;
          return;
        }
        state.running = true;
        lint(uri)
          .catch((error: unknown) => logError(`could not lint ${uri}: ${String(error)}`))
          .finally(() => {
            state.running = false;
            if (state.again && states.get(uri) === state) {
              state.again = false;
              schedule(uri);
            }
          });
      };
      later(run, wait);
    }

    function relintAll(): void {
      for (const document of documents.all()) schedule(document.uri);
    }

    /** The findings for the document as it is now (linted first if it has changed since). */
    async function current(uri: string): Promise<{ document: TextDocument; state: DocumentState } | undefined> {
      const document = documents.get(uri);
      if (!document) return undefined;
      if (stateOf(uri).version !== document.version) {
        stateOf(uri).pending?.();
        stateOf(uri).pending = undefined;
        await lint(uri);
      }
      const state = states.get(uri);
      return state && state.version === document.version ? { document, state } : undefined;
    }

    connection.onInitialize((params): InitializeResult => {
      documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
      const watching = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      connection.onInitialized(() => {
        log(`memokit ${options.version} language server; config changes seen through ${watching ? 'the editor' : 'file times'}`);
        const poll = (): void => {
          timers.push(
            setInterval(() => {
              if (!projects.changed()) return;
              projects.forget();
              relintAll();
            }, POLL_MS).unref(),
          );
        };
        if (!watching) {
          poll();
          return;
        }
        connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: '**/.memorc.{yaml,yml}' }, { globPattern: '**/*.md' }],
          })
          .catch((error: unknown) => {
            logError(`the editor would not watch config files (${String(error)}); looking at file times instead`);
            poll();
          });
      });
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
          hoverProvider: true,
        },
        serverInfo: { name: 'memokit', version: options.version },
      };
    });

    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (!changes.some((change) => change.uri.startsWith('file:') && projects.isSettingsFile(safePath(change.uri) ?? ''))) return;
      projects.forget();
      relintAll();
    });

    documents.onDidOpen(({ document }) => {
      // didOpen is linted at once, without waiting for the end of a burst.
      stateOf(document.uri).lastMs = 0;
      schedule(document.uri);
    });
    documents.onDidChangeContent(({ document }) => schedule(document.uri));
    documents.onDidClose(({ document }) => {
      states.get(document.uri)?.pending?.();
      states.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });

    connection.onCodeAction(async (params) => {
      const found = await current(params.textDocument.uri);
      if (!found?.state.settings) return [];
      const { document, state } = found;
      const settings = state.settings as Settings;
      return codeActions({
        document,
        findings: state.findings,
        range: params.range,
        only: params.context.only,
        documentChanges,
        fixedText: () =>
          lintText(document.getText(), { path: state.path ?? document.uri, config: settings.config, types: settings.types, fix: true })
            .output,
      });
    });

    connection.onHover(async (params) => {
      const found = await current(params.textDocument.uri);
      return found ? (hover(found.document, found.state.findings, params.position) ?? null) : null;
    });

    connection.onShutdown(() => {
      for (const state of states.values()) state.pending?.();
    });

    documents.listen(connection);
    connection.listen();
  });
}

function safePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
