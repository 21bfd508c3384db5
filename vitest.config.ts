import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/full-parser.ts'],
    // End-to-end tests start the built CLI as a child process; give them room on a 2-core CI box.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
