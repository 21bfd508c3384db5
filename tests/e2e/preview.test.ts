// memo preview's server through real HTTP clients: node:http with a Host header of our choosing,
// and a raw socket for paths no client would send as written (`/../`, `%2e%2e/`). What it must
// refuse: another Host (DNS rebinding), traversal in any spelling, a symbolic link out of the
// folder given, files that are not memos, methods other than GET/HEAD. What it must do: print
// its URL first, on 127.0.0.1; send a strict CSP; show an unreadable memo's error; update
// an open event stream on save; stop with exit 0.
import { mkdirSync, readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, tempDir } from '../helpers/cli.js';
import { startMemo, stopAll, type Resident } from '../helpers/resident.js';

const CLEAN = readFileSync(EXAMPLE, 'utf8');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: string, options: { host?: string; method?: string; path?: string } = {}): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path ?? target.pathname,
        headers: options.host !== undefined ? { host: options.host } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A request written byte for byte on a socket: the path goes exactly as given. */
function raw(port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${text}`)));
  });
}

afterAll(stopAll);

describe('memo preview: the server', () => {
  let dir = '';
  let outside = '';
  let preview: Resident;
  let url = '';
  let port = 0;

  beforeAll(async () => {
    const base = tempDir('memokit-preview-');
    dir = join(base, 'memos');
    outside = join(base, 'outside');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(dir, '.memorc.yaml'), 'root: true\n');
    writeFileSync(join(dir, 'a.md'), CLEAN);
    writeFileSync(join(dir, 'sub', 'b.md'), CLEAN.replace('2019-12-31', '2020-01-02'));
    writeFileSync(join(dir, 'notes.txt'), 'not a memo\n');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(outside, 'secret.md'), CLEAN.replace('Backlash', 'SECRET'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'link.md'));
    symlinkSync(outside, join(dir, 'linked'));
    preview = startMemo(['preview', '.'], { cwd: dir });
    await preview.waitFor(({ stdout }) => stdout.includes('\n'));
    url = preview.stdout().split('\n')[0] as string;
    port = Number(new URL(url).port);
  });

  it('prints its loopback URL as the first line, and lists the memos newest first with their badges', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(url);
    expect(index.status).toBe(200);
    const rows = [...index.body.matchAll(/<a href="(\/memo\/[^"]+)">/g)].map((match) => match[1]);
    expect(rows).toEqual(['/memo/sub/b.md', '/memo/a.md', '/memo/binary.md']);
    expect(index.body).toContain('<span class="badge clean">clean</span>');
    expect(index.body).toContain('<span class="badge error">cannot be read</span>');
    expect(index.body).not.toContain('SECRET');
  });

  it('sends a strict Content-Security-Policy and nosniff, and loads nothing from elsewhere', async () => {
    const page = await get(`${url}memo/a.md`);
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // No URL to another host anywhere in the page, and no inline script or style.
    expect(page.body).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(page.body).not.toMatch(/<script(?![^>]*src="\/preview\.js")/);
    expect(page.body).not.toContain('<style');
    expect(page.body).toContain('No problems: this memo is clean.');
  });

  it('refuses a Host header that is not its own loopback name and port (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, '127.0.0.1', `localhost:${port + 1}`]) {
      expect((await get(url, { host })).status, host).toBe(403);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST:${port}`]) {
      expect((await get(url, { host })).status, host).toBe(200);
    }
    // HTTP/1.0 without a Host at all.
    expect(await raw(port, 'GET / HTTP/1.0\r\n\r\n')).toBe(403);
  });

  it('refuses traversal in every spelling, before any look-up', async () => {
    const host = `Host: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;
    for (const path of [
      '/memo/../../outside/secret.md',
      '/../outside/secret.md',
      '/memo/%2e%2e/%2e%2e/outside/secret.md',
      '/memo/%2E%2E%2Foutside%2Fsecret.md',
      '/memo/..%2f..%2foutside/secret.md',
      '/memo/..%5c..%5coutside%5csecret.md',
      '/memo/sub/./b.md',
      '/memo/a.md%00.txt',
      '/memo\\..\\..\\outside\\secret.md',
    ]) {
      expect(await raw(port, `GET ${path} HTTP/1.1\r\n${host}`), path).toBe(400);
    }
  });

  it('serves only the memos found: no symbolic link out of the folder, no other file, no other method', async () => {
    for (const path of ['/memo/link.md', '/memo/linked/secret.md', '/memo/notes.txt', '/memo/.memorc.yaml', '/memo/sub', '/memo/']) {
      const answer = await get(url, { path });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('SECRET');
    }
    expect((await get(url, { path: '/memo/a.md', method: 'POST' })).status).toBe(405);
    expect((await get(url, { path: '/memo/sub/b.md' })).status).toBe(200);
  });

  it('refuses a memo replaced by a symbolic link out of the folder after it was found', async () => {
    const target = join(dir, 'sub', 'b.md');
    unlinkSync(target);
    symlinkSync(join(outside, 'secret.md'), target);
    // Whether the watch has taken it off the list yet (404) or the request comes first (403).
    const answer = await get(url, { path: '/memo/sub/b.md' });
    expect([403, 404]).toContain(answer.status);
    expect(answer.body).not.toContain('SECRET');
    unlinkSync(target);
    writeFileSync(target, CLEAN.replace('2019-12-31', '2020-01-02'));
  });

  it('shows an unreadable memo’s error in its page, not a blank page', async () => {
    const page = await get(`${url}memo/binary.md`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/class="memo-error"[^>]*>.*This memo cannot be shown: .*binary/);
  });

  it('pushes the new page over its event stream when the memo is saved', async () => {
    const events: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: `/events?page=${encodeURIComponent('/memo/a.md')}` }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8').on('data', (chunk: string) => {
          events.push(chunk);
          if (events.join('').includes('Key Take-aways')) {
            req.destroy();
            resolve();
          }
        });
      });
      req.on('error', (error) => (events.join('').includes('Key Take-aways') ? resolve() : reject(error)));
      req.end();
      setTimeout(() => reject(new Error(`no update; got ${events.join('')}`)), 15_000).unref();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    writeFileSync(join(dir, 'a.md.tmp'), CLEAN.replace('## Key Takeaways', '## Key Take-aways'));
    renameSync(join(dir, 'a.md.tmp'), join(dir, 'a.md'));
    await done;
    const data = JSON.parse(/event: update\ndata: (.*)\n/.exec(events.join(''))?.[1] ?? '{}') as { html: string };
    expect(data.html).toContain('data-line="16"');
    expect(data.html).toContain('required-sections');
    writeFileSync(join(dir, 'a.md'), CLEAN);
  });

  it('stops on SIGINT with exit 0', async () => {
    expect(await preview.stop('SIGINT')).toBe(0);
    await expect(get(url)).rejects.toThrow();
  });
});

describe('memo preview: starting', () => {
  it('refuses a port in use (exit 2), and warns when --host is not loopback', async () => {
    const dir = tempDir('memokit-preview-');
    writeFileSync(join(dir, 'a.md'), CLEAN);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const busy = startMemo(['preview', '--port', String(taken)], { cwd: dir });
    expect(await busy.stop('SIGCONT')).toBe(2);
    expect(busy.stderr()).toContain(`port ${taken} is in use`);
    blocker.close();

    // Another loopback address (tests bind loopback only): not one of the three names it trusts.
    const open = startMemo(['preview', '--host', '127.0.0.2'], { cwd: dir });
    await open.waitFor(({ stdout }) => stdout.includes('\n'));
    expect(open.stdout()).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/\n/);
    expect(open.stderr()).toContain('anyone who can reach this address can read these memos');
    const host = new URL(open.stdout().split('\n')[0] as string).host;
    expect((await get(`http://${host}/`, { host })).status).toBe(200);
    expect(await open.stop('SIGTERM')).toBe(0);
  });
});
