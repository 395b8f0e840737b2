// Compiled templates are cached per process by their files' mtimes: an edit is picked up,
// and a long watch session keeps one entry per audience however often it saves.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the compiled-template cache', () => {
  it('reuses a compiled audience while its files are unchanged, and compiles again after an edit', () => {
    dir = mkdtempSync(join(tmpdir(), 'bilat-tplcache-'));
    const partial = join(dir, 'shared', 'partials', 'sources.hbs');
    mkdirSync(join(dir, 'shared', 'partials'), { recursive: true });
    writeFileSync(partial, '<section id="sources"><h2>Sources</h2></section>\n');
    const first = compileAudience(resolveAudience('executive', dir));
    expect(compileAudience(resolveAudience('executive', dir)).render).toBe(first.render);
    writeFileSync(partial, '<section id="sources"><h2>Sources, edited</h2></section>\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(partial, later, later);
    const second = compileAudience(resolveAudience('executive', dir));
    expect(second.render).not.toBe(first.render);
    expect(compileAudience(resolveAudience('executive', dir)).render).toBe(second.render);
  });
});
