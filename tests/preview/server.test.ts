// The preview server over real HTTP: what it serves, what it refuses, what it tells open pages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(view).toContain('<iframe title="x-analyst.html" src="/files/x-analyst.html">');
  });

  it('refuses anything outside the briefs in the folder, and every method but GET and HEAD', async () => {
    const url = await serve();
    for (const path of ['files/..%2Fsecret.yaml', 'files/%2E%2E/secret.yaml', 'files/.bilat%2Fmanifest.json', 'files/notes.txt', 'view/notes.txt', 'files/', 'nothing', 'files/%E0%A4%A'])
      expect([path, (await fetch(url + path)).status]).toEqual([path, path === 'files/%E0%A4%A' ? 400 : 404]);
    expect((await fetch(`${url}files/x-analyst.html`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${url}files/x-analyst.html`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String('<!doctype html><title>x</title>'.length)]);
  });

  it('tells open pages which briefs a rebuild rewrote', async () => {
    const url = await serve();
    const events = await fetch(`${url}events`);
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    server!.notify([join(dir!, 'out', 'x-analyst.html')]);
    while (!text.includes('data: ')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('data: ["x-analyst.html"]\n\n');
    await reader.cancel();
  });
});
