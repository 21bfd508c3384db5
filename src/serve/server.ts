// `memo preview`'s web server (node:http): the list of memos at `/`, each memo at `/memo/<path>`,
// and live updates over Server-Sent Events at `/events`. What it refuses, and why (docs/preview.md):
//   - a Host header other than localhost, 127.0.0.1 or [::1] with its port (or --host's name):
//     403, so a web page that rebinds its own DNS name to 127.0.0.1 cannot read the memos;
//   - any path with a `.` or `..` segment, an encoded dot, slash, backslash or NUL, or a
//     backslash: 400, before any look-up;
//   - anything that is not one of the memos found under the paths given: 404. Pages are looked up
//     in a table of those memos, never built from the request's path; a memo whose real path has
//     left the folders given (replaced by a symbolic link since) is refused with 403;
//   - every method but GET and HEAD: 405.
// Every answer carries a strict Content-Security-Policy (nothing but this origin's own script,
// stylesheet and event stream) and nosniff; nothing is loaded from anywhere else.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative, sep } from 'node:path';
import { MemoError } from '../io/errors.js';
import { ResidentLinter } from '../lint/resident.js';
import { MEMO_CSS } from '../export/style.css.js';
import { PREVIEW_CSS, PREVIEW_JS } from './client.js';
import { indexContent, pageDocument, viewMemo, type MemoView } from './pages.js';
import { watchFiles, type Watcher } from './watch.js';
import { Workspace } from './workspace.js';
import { readFile } from 'node:fs/promises';

export interface PreviewOptions {
  cwd: string;
  inputs: string[];
  configFile?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  debounceMs?: number;
  /** Told of trouble that does not stop the server (a watcher error, a broken config). */
  onProblem?: (message: string) => void;
}

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** Percent-encodings of `.`, `/`, `\` and NUL, and the characters themselves where they do not belong. */
const SUSPECT = /%(?:2e|2f|5c|00)|\\|\0/i;

/** Refuse paths with dot segments or encoded separators: a memo's URL never has them. */
export function suspectPath(rawPath: string): boolean {
  if (!rawPath.startsWith('/') || SUSPECT.test(rawPath)) return true;
  return rawPath.split('/').some((segment) => segment === '.' || segment === '..');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

interface Client {
  page: string;
  response: ServerResponse;
  last: string;
}

export class PreviewServer {
  readonly #options: PreviewOptions;
  readonly #linter: ResidentLinter;
  readonly #workspace: Workspace;
  readonly #server: Server;
  #watcher: Watcher | undefined;
  #views = new Map<string, MemoView>();
  #byUrl = new Map<string, string>();
  #clients = new Set<Client>();
  #problems: string[] = [];
  #css = MEMO_CSS;
  /** The pages' language: the working folder's config `export.lang`, as in exports. */
  #lang = 'en';
  #version = 0;
  #allowedHosts = new Set<string>();
  #queue: Promise<void> = Promise.resolve();
  url = '';

  private constructor(options: PreviewOptions) {
    this.#options = options;
    this.#linter = new ResidentLinter(options.configFile ? { configFile: options.configFile } : {});
    this.#workspace = new Workspace({
      cwd: options.cwd,
      inputs: options.inputs,
      ...(options.configFile ? { configFile: options.configFile } : {}),
    });
    this.#server = createServer((request, response) => this.#handle(request, response));
  }

  /** Find and read the memos, start watching them, and listen. Input and config errors throw (exit 2). */
  static async start(options: PreviewOptions): Promise<PreviewServer> {
    const server = new PreviewServer(options);
    await server.#workspace.refresh(server.#linter);
    if (server.#workspace.files.length === 0) {
      throw server.#workspace.errors[0] ?? new MemoError('no memos to preview', { code: 'ENOMATCH' });
    }
    await server.#readAll();
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.#server.once('error', (error: NodeJS.ErrnoException) => {
        const port = options.port ?? 0;
        reject(
          error.code === 'EADDRINUSE'
            ? new MemoError(`port ${port} is in use; give another with --port, or leave --port out for a free one`, { code: 'EOPTION' })
            : new MemoError(`cannot listen on ${host}:${port}: ${error.message}`, { code: 'EOPTION' }),
        );
      });
      server.#server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.#server.address() as AddressInfo;
    for (const name of LOOPBACK) server.#allowedHosts.add(`${name}:${port}`);
    const shownHost = host.includes(':') ? `[${host}]` : host;
    server.#allowedHosts.add(`${shownHost.toLowerCase()}:${port}`);
    server.url = `http://${shownHost}:${port}/`;
    server.#watcher = watchFiles({
      targets: server.#workspace.watchTargets(),
      relevant: (path) => server.#workspace.relevant(path),
      onError: (error) => options.onProblem?.(`watching: ${error.message}`),
      onBatch: (batch) => {
        server.#queue = server.#queue
          .then(() => server.#update([...batch.changed, ...batch.removed]))
          .catch((error: unknown) => options.onProblem?.(error instanceof Error ? error.message : String(error)));
      },
      ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    });
    await server.#watcher.ready;
    return server;
  }

  /** The memos' URLs: `/memo/` and the path relative to the working folder, each segment encoded. */
  #urlOf(file: string): string {
    const shown = relative(this.#options.cwd, file);
    const parts = shown.split(sep);
    // A memo outside the working folder (an absolute path given): named by its place in the list.
    const path = parts[0] === '..' ? `outside/${this.#workspace.files.indexOf(file)}/${parts[parts.length - 1] ?? ''}` : shown;
    return `/memo/${path.split(sep).map(encodeURIComponent).join('/')}`;
  }

  #view(file: string): MemoView {
    const view = viewMemo(file, relative(this.#options.cwd, file) || file, this.#urlOf(file), this.#linter);
    this.#views.set(file, view);
    return view;
  }

  async #readAll(): Promise<void> {
    this.#views.clear();
    this.#byUrl.clear();
    for (const file of this.#workspace.files) this.#byUrl.set(decodeURIComponent(this.#view(file).url), file);
    this.#problems = this.#workspace.errors.map((error) => error.describe());
    const { css, lang } = this.#linter.settingsFor(`${this.#options.cwd}${sep}x.md`).config.export;
    this.#lang = lang ?? 'en';
    this.#css = css ? await readFile(css, 'utf8').catch(() => MEMO_CSS) : MEMO_CSS;
  }

  /** Saved paths: read what changed (everything, after a settings change) and update the open pages. */
  async #update(paths: string[]): Promise<void> {
    const settings = paths.some((path) => this.#workspace.isSettings(path));
    const membership = paths.some((path) => !this.#workspace.isMemo(path) || !this.#views.has(path));
    if (settings) this.#linter.forget();
    try {
      if (settings || membership) {
        await this.#workspace.refresh(this.#linter);
        this.#watcher?.add(this.#workspace.watchTargets());
      }
      if (settings) {
        await this.#readAll();
      } else {
        for (const path of paths) {
          if (this.#workspace.isMemo(path)) this.#byUrl.set(decodeURIComponent(this.#view(path).url), path);
        }
        for (const [file, view] of [...this.#views]) {
          if (!this.#workspace.isMemo(file)) {
            this.#views.delete(file);
            this.#byUrl.delete(decodeURIComponent(view.url));
          }
        }
        this.#problems = this.#workspace.errors.map((error) => error.describe());
      }
    } catch (error) {
      // A config broken mid-session: every page says so until it is fixed.
      if (!(error instanceof MemoError)) throw error;
      this.#problems = [error.describe()];
      this.#options.onProblem?.(error.describe());
    }
    this.#version++;
    for (const client of this.#clients) this.#push(client);
  }

  #content(page: string): { title: string; html: string } {
    if (page === '/') return { title: 'Memos — memo preview', html: indexContent([...this.#views.values()], this.#problems) };
    const file = this.#byUrl.get(page);
    const view = file ? this.#views.get(file) : undefined;
    if (!view?.content) {
      return {
        title: 'Memo not found — memo preview',
        html: '<div class="memo-error" role="alert">This memo is no longer here (removed, renamed or ignored). <a href="/">All memos</a></div>',
      };
    }
    const problems = this.#problems.map((problem) => `<div class="memo-error" role="alert">${escapeHtml(problem)}</div>`).join('');
    return { title: `${view.title} — memo preview`, html: problems + view.content };
  }

  #push(client: Client): void {
    const content = this.#content(client.page);
    if (content.html === client.last) return;
    client.last = content.html;
    client.response.write(`event: update\ndata: ${JSON.stringify({ ...content, version: this.#version })}\n\n`);
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const send = (status: number, type: string, body: string, extra: Record<string, string> = {}): void => {
      response.writeHead(status, { ...COMMON_HEADERS, 'content-type': type, ...extra });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const refuse = (status: number, why: string): void => send(status, 'text/plain; charset=utf-8', `${why}\n`);

    const host = (request.headers.host ?? '').toLowerCase();
    if (!this.#allowedHosts.has(host))
      return refuse(403, 'memo preview answers only requests addressed to localhost or 127.0.0.1 with its port');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'only GET and HEAD');
    const raw = request.url ?? '';
    const queryAt = raw.indexOf('?');
    const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
    if (suspectPath(rawPath)) return refuse(400, 'bad path');
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return refuse(400, 'bad path');
    }

    if (path === '/preview.js') return send(200, 'text/javascript; charset=utf-8', PREVIEW_JS);
    if (path === '/preview.css') return send(200, 'text/css; charset=utf-8', `${this.#css}\n${PREVIEW_CSS}`);
    if (path === '/favicon.ico') return send(204, 'text/plain', '');
    if (path === '/events') return this.#events(request, response, new URLSearchParams(raw.slice(queryAt + 1)).get('page') ?? '/');
    if (path === '/') {
      const { title, html } = this.#content('/');
      return send(200, 'text/html; charset=utf-8', pageDocument(title, '/', html, this.#lang));
    }
    // Looked up, never joined onto a folder: only the memos found can be named.
    const file = this.#byUrl.get(path);
    if (!file) return refuse(404, 'not a memo of this preview');
    if (!this.#workspace.mayServe(file)) return refuse(403, 'this memo now lies outside the folders given');
    const { title, html } = this.#content(path);
    return send(200, 'text/html; charset=utf-8', pageDocument(title, path, html, this.#lang));
  }

  #events(request: IncomingMessage, response: ServerResponse, page: string): void {
    response.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    response.write('retry: 1000\n\n');
    // What the page was served with: an update is sent only when it differs.
    const client: Client = { page, response, last: this.#content(page).html };
    this.#clients.add(client);
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    heartbeat.unref();
    request.on('close', () => {
      clearInterval(heartbeat);
      this.#clients.delete(client);
    });
  }

  /** Stop watching, end the event streams, close the server. */
  async close(): Promise<void> {
    await this.#watcher?.close();
    for (const client of this.#clients) client.response.end();
    this.#clients.clear();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
