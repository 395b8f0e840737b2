// The preview server over real HTTP: what it serves, what it refuses, what it tells open pages.
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.js';

let server: PreviewServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function serve() {
  dir = mkdtempSync(join(tmpdir(), 'bilat-serve-'));
  const out = join(dir, 'out');
  mkdirSync(join(out, '.bilat'), { recursive: true });
  writeFileSync(join(out, 'x-analyst.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(out, 'x-analyst.pdf'), '%PDF-1.7 fake');
  writeFileSync(join(out, '.bilat', 'manifest.json'), '{}');
  writeFileSync(join(out, 'notes.txt'), 'not a brief');
  writeFileSync(join(dir, 'secret.yaml'), 'secret');
  server = await startPreviewServer({ out, port: 0 });
  return server.url;
}

describe('the preview server', () => {
  it('lists and serves the briefs, byte for byte, with their types', async () => {
    const url = await serve();
    const index = await fetch(url);
    expect(index.headers.get('content-security-policy')).toMatch(/^default-src 'none'; .*script-src 'sha256-[^']+'/);
    const html = await index.text();
    expect(html).toContain('href="/view/x-analyst.html"');
    expect(html).toContain('href="/view/x-analyst.pdf"');
    expect(html).not.toContain('notes.txt');
    const pdf = await fetch(`${url}files/x-analyst.pdf`);
    expect([pdf.status, pdf.headers.get('content-type'), await pdf.text()]).toEqual([200, 'application/pdf', '%PDF-1.7 fake']);
    const view = await (await fetch(`${url}view/x-analyst.html`)).text();
    expect(view).toMatch(/<iframe title="x-analyst\.html" data-name="x-analyst\.html" data-version="\d+" src="\/files\/x-analyst\.html">/);
  });

  it('refuses anything outside the briefs in the folder, and every method but GET and HEAD', async () => {
    const url = await serve();
    for (const path of [
      'files/..%2Fsecret.yaml',
      'files/%2E%2E/secret.yaml',
      'files/.bilat%2Fmanifest.json',
      'files/notes.txt',
      'view/notes.txt',
      'files/',
      'nothing',
      'files/%E0%A4%A',
    ])
      expect([path, (await fetch(url + path)).status]).toEqual([path, path === 'files/%E0%A4%A' ? 400 : 404]);
    expect((await fetch(`${url}files/x-analyst.html`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${url}files/x-analyst.html`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String('<!doctype html><title>x</title>'.length)]);
  });

  it('tells open pages the version of each brief at once and after every build, so a page can tell whether its brief changed', async () => {
    const url = await serve();
    const events = await fetch(`${url}events`);
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    const next = async () => {
      let text = '';
      while (!text.endsWith('\n\n')) text += decoder.decode((await reader.read()).value);
      return JSON.parse(text.replace(/^data: /, '')) as Record<string, number>;
    };
    const file = join(dir!, 'out', 'x-analyst.html');
    const first = await next();
    expect(Object.keys(first)).toEqual(['x-analyst.html', 'x-analyst.pdf']);
    expect(first['x-analyst.html']).toBe(Math.floor(statSync(file).mtimeMs));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    server!.notify();
    const second = await next();
    expect(second['x-analyst.html']).toBeGreaterThan(first['x-analyst.html']!);
    expect(second['x-analyst.pdf']).toBe(first['x-analyst.pdf']);
    await reader.cancel();
  });

  it('answers only requests addressed to itself (a rebound host name gets 421), and serves no symbolic link', async () => {
    const url = await serve();
    const { port } = new URL(url);
    const asked = (host: string) =>
      new Promise<number>((done, fail) => {
        const req = request({ host: '127.0.0.1', port, path: '/files/x-analyst.html', headers: { host } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.end();
      });
    expect(await asked(`evil.example:${port}`)).toBe(421);
    expect(await asked(`localhost:${port}`)).toBe(200);
    symlinkSync(join(dir!, 'secret.yaml'), join(dir!, 'out', 'leak.html'));
    symlinkSync('/nonexistent', join(dir!, 'out', 'dangling.html'));
    expect((await fetch(`${url}files/leak.html`)).status).toBe(404);
    expect((await fetch(`${url}files/x-analyst.html`)).status).toBe(200);
  });

  it('a file name with "$" or "<" reaches the page as written, in an attribute, never in the script', async () => {
    const url = await serve();
    writeFileSync(join(dir!, 'out', "a$'b<!--.html"), 'x');
    const html = await (await fetch(`${url}view/${encodeURIComponent("a$'b<!--.html")}`)).text();
    expect(html).toContain('data-name="a$&#39;b&#60;!--.html"');
    expect(html.match(/<script>[^]*<\/script>/)![0]).not.toContain('a$');
  });
});
