/**
 * Imported first by main.ts, so it runs before the rest of the CLI loads: the CLI's thread keeps
 * a small young generation unless it does the work itself (young-generation.ts).
 */
import { holdYoungGeneration } from '../core.js';

holdYoungGeneration();
