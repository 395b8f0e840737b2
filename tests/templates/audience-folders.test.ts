import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audienceFolders, audienceNames, SHIPPED_TEMPLATES } from '../../src/templates/audience-folders.js';
import { BUILTIN_TEMPLATES, listAudiences } from '../../src/templates/resolve.js';

// One rule for what is an audience, whoever asks: `bilat build`/`templates list`
// (templates/resolve.ts) and the job checks and run plans (config, schedule).
const dir = mkdtempSync(join(tmpdir(), 'bilat-audiences-'));
const brief = (name: string) => {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'brief.hbs'), '<p>{{pair.id}}</p>\n');
};
brief('embassy');
brief('.draft'); // an editor's or a VCS's hidden folder: never an audience
brief('shared'); // partials and styles
mkdirSync(join(dir, 'notes')); // no brief.hbs
writeFileSync(join(dir, 'readme.txt'), 'not a folder\n');
symlinkSync(join(dir, 'embassy'), join(dir, 'linked')); // a link to a folder is one
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audience folders', () => {
  it('are the sub-folders holding brief.hbs, without shared/ and hidden folders, links included', () => {
    expect(audienceFolders(dir)).toEqual(['embassy', 'linked']);
  });

  it('the pipeline lists the same user audiences, after the shipped ones', () => {
    const user = listAudiences(dir).filter((a) => a.origin === 'user').map((a) => a.id);
    expect(user).toEqual(['embassy', 'linked']);
    expect(listAudiences().map((a) => a.id)).toEqual(['executive', 'analyst', 'public']);
  });

  it('job checks see the same names across folders and skip a missing one', () => {
    expect(audienceNames([SHIPPED_TEMPLATES, dir, join(dir, 'missing'), undefined])).toEqual(['analyst', 'embassy', 'executive', 'linked', 'public']);
  });

  it('one shipped folder: the public BUILTIN_TEMPLATES is SHIPPED_TEMPLATES with a trailing slash', () => {
    expect(BUILTIN_TEMPLATES).toBe(`${SHIPPED_TEMPLATES}/`);
  });
});
