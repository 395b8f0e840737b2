/** The W3C Nu HTML checker (vnu) finds no error in any HTML brief. One JVM start for all files. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES, buildOnce, outputPath, PAIRS, removeDir, tempDir } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const jar = join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
// Java is a test requirement (README); only a developer machine without it may skip.
const haveJava = !java.error && java.status === 0;
if (!haveJava && !process.env.CI) console.warn('vnu test skipped: no Java runtime on PATH (install default-jre-headless; CI runs it)');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

function vnu(files: string[]): VnuMessage[] {
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  // vnu writes its JSON report to stderr; exit 1 means it found errors.
  const report = JSON.parse(r.stderr) as { messages: VnuMessage[] };
  return report.messages;
}

describe.runIf(haveJava || process.env.CI)('vnu', () => {
  let files: string[] = [];
  let messages: VnuMessage[] = [];
  let scratch = '';
  let broken = '';
  beforeAll(async () => {
    const dir = await buildOnce();
    // A broken page checked in the same run, so a clean report is known to mean something.
    scratch = tempDir('vnu');
    broken = join(scratch, 'broken.html');
    files = PAIRS.flatMap((p) => AUDIENCES.map((a) => outputPath(dir, p.id, a, 'html')));
    writeFileSync(broken, '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></body></html>');
    messages = vnu([...files, broken]);
  });
  afterAll(() => removeDir(scratch));
  const errorsIn = (file: string) =>
    messages.filter((m) => (m.type === 'error' || m.subType === 'fatal') && m.url?.endsWith(`/${basename(file)}`));

  it('reports no errors in the six HTML briefs', () => {
    expect(files).toHaveLength(6);
    expect(files.flatMap(errorsIn).map((m) => `${basename(m.url ?? '')}:${m.lastLine}  ${m.message}`)).toEqual([]);
  });

  it('does report the errors of a broken page', () => {
    expect(errorsIn(broken).length).toBeGreaterThan(0);
  });
});
