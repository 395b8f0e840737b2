/** Job configs accept `formats: [docx]` (and still reject unknown formats, naming docx among the choices). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { BilatError } from '../../src/errors.js';
import { TEMPLATES, tempProject } from '../schedule/helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function project(formats: string): string {
  const p = tempProject();
  cleanups.push(p.cleanup);
  writeFileSync(
    join(p.root, 'bilat.config.yaml'),
    `jobs:\n  - name: word\n    cron: "0 7 * * *"\n    timezone: UTC\n    data: data/az-kg.yaml\n    formats: ${formats}\n`,
  );
  return p.root;
}

describe('job config formats', () => {
  it('accepts docx alone or with the others', () => {
    expect(loadConfig({ cwd: project('[docx]'), shippedTemplates: TEMPLATES }).jobs[0]!.formats).toEqual(['docx']);
    expect(loadConfig({ cwd: project('[pdf, docx, html]'), shippedTemplates: TEMPLATES }).jobs[0]!.formats).toEqual([
      'pdf',
      'docx',
      'html',
    ]);
  });

  it('rejects an unknown format at its line, naming docx as a choice', () => {
    const root = project('[rtf]');
    let err: unknown;
    try {
      loadConfig({ cwd: root, shippedTemplates: TEMPLATES });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BilatError);
    const lines = ((err as BilatError).diagnostics ?? []).map((d) => formatDiagnostic(d));
    expect(lines.join('\n')).toMatch(/:6:\d+.*formats.*docx/);
  });
});
