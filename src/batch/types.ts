/** Shapes shared by the batch runner and its workers; the result types live in src/build-options.ts. */
import type { Format } from '../build-options.js';

export type { FileError, WrittenBrief, StagedBrief, FileStatus, FileResult, BuildProgress } from '../build-options.js';

/** The briefs of one file an incremental build still has to make, as `audience.format`; undefined = all. */
export type BriefKey = `${string}.${Format}`;
export const briefKey = (audience: string, format: Format): BriefKey => `${audience}.${format}`;
