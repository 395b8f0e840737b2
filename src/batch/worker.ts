/**
 * Worker-thread entry for the batch pool (tinypool). Each worker imports the pipeline once and
 * keeps its caches warm across files: compiled templates, parsed fonts, the chart runtime.
 */
import { forgetFileCaches } from '../pipeline.js';
import { buildFile, type FileTask } from './build-file.js';
import type { FileResult } from './types.js';

export default async function run(task: FileTask): Promise<FileResult> {
  try {
    return await buildFile(task);
  } finally {
    // A batch builds each file once: its charts will not be asked for again in this worker.
    forgetFileCaches();
  }
}
