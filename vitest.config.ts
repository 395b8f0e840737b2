import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/helpers/fast-check-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The CLI and browser tests spawn real processes; two cores here, so keep the pool small.
    maxWorkers: 2,
  },
});
