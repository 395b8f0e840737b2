/**
 * `bilat build --serve`: the output folder on a local web server, for template and data authors
 * working with `--watch`. A brief opens in a frame of a small page of ours, which reloads it
 * (keeping the scroll position) when a rebuild rewrote it; the brief itself is served byte for
 * byte as written, CSP and all, so what is previewed is what is sent.
 *
 * Only 127.0.0.1 by default, only files directly in the output folder, GET and HEAD only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

export interface PreviewServer {
  url: string;
  /** Tell open pages a build has finished; each reloads if its brief changed. */
  notify(): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf' };

export async function startPreviewServer(opts: { out: string; port?: number; host?: string }): Promise<PreviewServer> {
  const host = opts.host ?? '127.0.0.1';
  const clients = new Set<ServerResponse>();
  // Regular files only: a symbolic link is not followed out of the folder, and a broken one
  // does not hide the rest.
  const briefs = (): string[] => {
    try {
      return readdirSync(opts.out, { withFileTypes: true })
        .filter((d) => d.isFile() && TYPES[extname(d.name)] !== undefined)
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
  };
  /** Each brief's modification time: pages compare it with the one they were shown, to reload. */
  const versions = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const n of briefs()) {
      try {
        out[n] = Math.floor(statSync(join(opts.out, n)).mtimeMs);
      } catch {
        // removed meanwhile
      }
    }
    return out;
  };
  let port = 0;
  // A page elsewhere can point a name of its own at 127.0.0.1 (DNS rebinding); its requests then
  // carry that name as Host. Only our own addresses are answered.
  const hostAllowed = (h: string | undefined) =>
    h !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`].includes(h.toLowerCase());

  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'error\n');
    }
  });
  const route = (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host)) return send(res, 421, 'text/plain; charset=utf-8', 'wrong host\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'only GET\n');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad address\n');
    }
    if (path === '/') return page(res, indexPage(briefs()));
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      // The current versions at once: a page that was hidden (and so disconnected) catches up.
      res.write(`data: ${JSON.stringify(versions())}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const view = /^\/view\/([^/]+)$/.exec(path);
    if (view && briefs().includes(view[1]!)) return page(res, viewPage(view[1]!, briefs(), versions()[view[1]!] ?? 0));
    const file = /^\/files\/([^/]+)$/.exec(path);
    // Only names listed in the folder: no "..", no subfolders, no .bilat.
    if (file && briefs().includes(file[1]!)) {
      const bytes = readFileSync(join(opts.out, file[1]!));
      return send(res, 200, TYPES[extname(file[1]!)]!, req.method === 'HEAD' ? undefined : bytes, bytes.length);
    }
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  };

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 4610, host, () => ready());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    notify() {
      const data = JSON.stringify(versions());
      for (const c of clients) c.write(`data: ${data}\n\n`);
    },
    close: () =>
      new Promise<void>((done) => {
        for (const c of clients) c.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body?: string | Buffer, length?: number): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(length !== undefined ? { 'content-length': length } : {}),
  });
  res.end(body);
}

/** Our pages carry one inline script and one inline style, allowed by hash and nothing else. */
function page(res: ServerResponse, p: { html: string; script: string; style: string }): void {
  const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
  const csp = `default-src 'none'; frame-src 'self'; connect-src 'self'; script-src ${hash(p.script)}; style-src ${hash(p.style)}`;
  // Functions, not strings, as replacements: "$'" in a file name must stay as written.
  const body = p.html
    .replace('<!--style-->', () => `<style>${p.style}</style>`)
    .replace('<!--script-->', () => `<script>${p.script}</script>`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp });
  res.end(body);
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = [
  'body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#1a1a1a;background:#eef0f3}',
  'header{display:flex;gap:1em;align-items:center;padding:.5em 1em;background:#1f3a5f;color:#fff}',
  'header a{color:#fff}header nav{display:flex;gap:.75em;flex-wrap:wrap}header .current{font-weight:600;text-decoration:none}',
  'header .state{margin-left:auto;opacity:.8}',
  'iframe{display:block;border:0;width:100%;height:calc(100vh - 2.6em);background:#fff}',
  'main{max-width:40em;margin:2em auto;background:#fff;padding:1em 2em}main li{margin:.3em 0}',
].join('');

function nav(names: readonly string[], current?: string): string {
  return names
    .map((n) =>
      n === current
        ? `<a class="current" href="/view/${encodeURIComponent(n)}" aria-current="page">${escape(n)}</a>`
        : `<a href="/view/${encodeURIComponent(n)}">${escape(n)}</a>`,
    )
    .join('');
}

/**
 * Browsers open at most six connections to one server, and each open page holds one for its
 * event stream: a page lets go of it while hidden, and on coming back the first message (the
 * current versions) tells it whether it missed a rebuild.
 */
const LISTEN = [
  'let events;const listen=()=>{if(events)return;events=new EventSource("/events");events.onmessage=(e)=>changed(JSON.parse(e.data));',
  'if(typeof opened==="function")events.onopen=opened;if(typeof lost==="function")events.onerror=lost};',
  'const stop=()=>{if(events){events.close();events=undefined}};',
  'document.addEventListener("visibilitychange",()=>document.hidden?stop():listen());if(!document.hidden)listen();',
].join('');

function indexPage(names: readonly string[]) {
  const list = names.length
    ? `<ul>${names.map((n) => `<li><a href="/view/${encodeURIComponent(n)}">${escape(n)}</a></li>`).join('')}</ul>`
    : '<p>No brief yet.</p>';
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bilat preview</title><!--style--></head><body><header><strong>bilat preview</strong></header><main data-names="${escape(JSON.stringify(names))}"><h1>Briefs</h1>${list}<p>Pages reload when a rebuild rewrites them.</p></main><!--script--></body></html>`,
    // The list changes when a rebuild adds or removes a brief.
    script: `const shown=document.querySelector("main").dataset.names;const changed=(v)=>{if(JSON.stringify(Object.keys(v).sort())!==shown)location.reload()};${LISTEN}`,
    style: STYLE,
  };
}

function viewPage(name: string, names: readonly string[], version: number) {
  // The name and version travel in attributes, so the script (and its hash) never changes.
  const script = [
    "const frame=document.querySelector('iframe');const state=document.querySelector('.state');",
    'const name=frame.dataset.name;let version=Number(frame.dataset.version);',
    "let y=0;frame.addEventListener('load',()=>{try{frame.contentWindow.scrollTo(0,y)}catch{}});",
    "const opened=()=>{state.textContent='watching'};const lost=()=>{state.textContent='disconnected'};",
    'const changed=(v)=>{if(!(v[name]>version))return;version=v[name];',
    "try{y=frame.contentWindow.scrollY}catch{y=0}frame.src=frame.src;state.textContent='reloaded '+new Date().toLocaleTimeString()};",
    LISTEN,
  ].join('');
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(name)} · bilat preview</title><!--style--></head><body><header><a href="/">bilat preview</a><nav aria-label="Briefs">${nav(names, name)}</nav><span class="state" role="status">connecting</span></header><iframe title="${escape(name)}" data-name="${escape(name)}" data-version="${version}" src="/files/${encodeURIComponent(name)}"></iframe><!--script--></body></html>`,
    script,
    style: STYLE,
  };
}
