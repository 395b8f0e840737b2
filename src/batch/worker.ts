/**
 * Worker-thread entry for the batch pool (tinypool). Each worker imports the pipeline once and
 * keeps its caches warm across files: compiled templates, parsed fonts, the chart runtime.
 */
import { buildFile, type FileTask } from './build-file.js';
import type { FileResult } from './types.js';

export default function run(task: FileTask): Promise<FileResult> {
  return buildFile(task);
}
