/**
 * Golden HTML briefs for the synthetic relationships of other shapes than az-kg (issue 10):
 * pt-vn (28 contacts over 8 years, thousand EUR worth billions, a partial period, negative
 * balances, no organizations or milestones) and edge (one contact, no trade, 95-character
 * official names). HTML only: the executive's one-page fit needs a PDF layout, which the
 * executive-one-page and page-fill tests check on real PDFs.
 * Refresh: `npm run test:update-golden`, then review the diff like code.
 */
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { renderPair, resolveBuildOptions, type RenderedBrief } from '../../src/pipeline.js';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';
import { validateFile } from '../../src/validate/validate.js';
import { AS_OF, AUDIENCES } from '../helpers/cli.js';
import { expectGolden, normalizeHtml } from '../helpers/golden.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'relationships');

for (const name of ['pt-vn-synthetic', 'edge-synthetic']) {
  describe(`golden HTML briefs for ${name}`, () => {
    let briefs: RenderedBrief[] | undefined;
    const load = async (): Promise<RenderedBrief[]> => {
      if (briefs) return briefs;
      const file = join(FIXTURES, `${name}.yaml`);
      const result = validateFile(file, AS_OF);
      if (!result.data) throw new Error(`${name} does not validate`);
      const opts = resolveBuildOptions({ data: [file], asOf: AS_OF, audiences: [...AUDIENCES], formats: ['html'] });
      briefs = await renderPair(result.data, opts.audiences.map((id) => compileAudience(resolveAudience(id))), opts);
      return briefs;
    };
    for (const audience of AUDIENCES) {
      it(`${audience}: normalized HTML`, async () => {
        const html = (await load()).find((b) => b.audience === audience && b.format === 'html')!.bytes as string;
        expectGolden(`${name}-${audience}.html`, normalizeHtml(html));
      });
    }
  });
}
