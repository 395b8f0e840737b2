/**
 * Imported first by main.ts, so it runs before the rest of the CLI loads: the CLI's thread keeps
 * a small young generation until something renders on it or starts workers (young-generation.ts).
 */
import { holdYoungGeneration } from '../core.js';

holdYoungGeneration();
