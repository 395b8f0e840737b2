// The did-you-mean helper now lives in src/did-you-mean.ts (config, templates and job specs use
// it too); this re-export keeps the rule files' imports unchanged while they are being edited.
export { didYouMean } from '../did-you-mean.js';
